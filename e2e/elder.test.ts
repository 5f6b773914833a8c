import type { ApiClient } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from './support/api.ts';
import { publishScreenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** Elder-friendly mode (适老化): large type and high contrast, switched on by the visitor. */
const SUITE = 'elder';
const suite = useServerAndBrowser();
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);

const fontSize = (page: Page, testId: string) => page.getByTestId(testId).evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
/** Everything of the page that runs off the phone's right edge (nothing should). */
const overflowing = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('main *')).filter((element) => element.getBoundingClientRect().right > innerWidth + 1).map((element) => `${element.tagName}[${element.getAttribute('data-testid') ?? ''}]`));
const colours = (page: Page, testId: string) => page.getByTestId(testId).evaluate((element) => ({ color: getComputedStyle(element).color, background: getComputedStyle(element).backgroundColor }));

describe('elder-friendly mode', () => {
  it('[EL1] the booking page switches to large type and high contrast, and keeps it on this phone', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${suite.server.url}/checkin/book?hall=demo`);
    await page.getByTestId('book-service').waitFor();
    const before = await fontSize(page, 'book-name');
    expect(await overflowing(page)).toEqual([]);
    await page.getByTestId('elder-toggle').click();
    expect(await fontSize(page, 'book-name')).toBeGreaterThanOrEqual(before * 1.4);
    expect(await colours(page, 'book-submit')).toEqual({ color: 'rgb(255, 235, 59)', background: 'rgb(0, 0, 0)' });
    await page.getByTestId('book-service').selectOption({ label: '社会保障卡申领 Social security card' });
    await page.getByTestId('book-slot').getByRole('radio').first().waitFor();
    // Large type still fits the phone: nothing runs off its right edge.
    expect(await overflowing(page)).toEqual([]);
    await publishScreenshot(page, SUITE, 'booking-elder', { fullPage: true });

    await page.reload();
    await page.getByTestId('book-service').waitFor();
    expect(await fontSize(page, 'book-name')).toBeGreaterThanOrEqual(before * 1.4);
    await page.getByTestId('elder-toggle').click();
    expect(await fontSize(page, 'book-name')).toBe(before);
  });

  it('[EL2] the terminal switches to large type and high contrast for one visitor; the idle reset switches it back', async () => {
    const terminal = await (await admin())<{ token: string }>('POST', '/api/halls/demo/devices', { name: '自助终端', kind: 'kiosk' });
    const page = await suite.browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await page.goto(`${suite.server.url}/checkin/kiosk?device=${terminal.token}&idle=5`);
    await page.getByTestId('kiosk-occupancy').waitFor();
    const before = await fontSize(page, 'kiosk-go-book');
    await page.getByTestId('kiosk-elder').click();
    expect(await fontSize(page, 'kiosk-go-book')).toBeCloseTo(before * 1.25, 0);
    expect(await colours(page, 'kiosk')).toMatchObject({ background: 'rgb(0, 0, 0)' });
    expect(await colours(page, 'kiosk-go-book')).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 235, 59)' });
    await publishScreenshot(page, SUITE, 'kiosk-elder');
    await page.getByTestId('kiosk-elder').getByText('标准模式').waitFor({ state: 'detached', timeout: 12_000 });
    expect(await fontSize(page, 'kiosk-go-book')).toBe(before);
  });
});
