import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** PR4: a terminal set up for silent printing prints the visitor's slip by itself, and the visitor stays in the flow. */
const SUITE = 'kiosk-print';
const suite = useServerAndBrowser();

type Printed = { path: string; ready: boolean; frame: boolean };

/** Chromium with --kiosk-printing prints without a dialog; here print() in any frame is recorded instead of printing. */
async function terminalPage(address: string): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { __prints?: Printed[] };
      (top.__prints ??= []).push({ path: location.pathname, ready: document.documentElement.hasAttribute('data-print-ready'), frame: window !== window.top });
    };
  });
  await page.goto(address);
  await page.getByTestId('kiosk-start').waitFor();
  return page;
}
const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints?: Printed[] }).__prints ?? []);
const keys = async (page: Page, keypad: string, text: string) => {
  for (const key of text) await page.getByTestId(keypad).locator(`button[data-key="${key}"]`).click();
};

describe('silent printing at the terminal', () => {
  it('[PR4][KS2][KS5] with ?print=silent the confirmation and the ticket print by themselves from a hidden frame, the terminal stays on its screen; without it nothing prints', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    await admin('PUT', '/api/halls/demo/calling-policy', { normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 30, kioskTickets: true });
    const terminal = await admin<{ token: string }>('POST', '/api/halls/demo/devices', { name: '厅内自助终端', kind: 'kiosk', inside: true });
    const address = `${suite.server.url}/checkin/kiosk?device=${terminal.token}&print=silent`;
    const page = await terminalPage(address);

    // A booking: the confirmation prints once it is laid out, inside a hidden frame.
    await page.getByTestId('kiosk-go-book').click();
    await page.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /户籍与居住证/ }).click();
    await page.getByRole('radio', { name: /^居住证办理/ }).click();
    await page.getByTestId('kiosk-next').click();
    await page.getByTestId('kiosk-slots').locator('button').first().click();
    await page.getByTestId('kiosk-next').click();
    await page.keyboard.type('110105195001010098');
    await page.keyboard.press('Enter');
    await page.getByTestId('kiosk-id-read').waitFor();
    await page.getByTestId('kiosk-next').click();
    await keys(page, 'kiosk-mobile-keypad', '13911113333');
    await page.getByTestId('kiosk-next').click();
    await page.getByTestId('kiosk-people').getByRole('radio', { name: '1 人' }).click();
    await page.getByTestId('kiosk-next').click();
    await page.getByTestId('kiosk-next').click();
    const code = await page.getByTestId('kiosk-booked-code').innerText();
    await page.getByTestId('kiosk-silent-print').and(page.locator('[data-state="printed"]')).waitFor();
    expect(await prints(page)).toEqual([{ path: `/checkin/book/${code}/print`, ready: true, frame: true }]);
    // The visitor never left the terminal: same address, the confirmation still on screen, the frame invisible.
    expect(page.url()).toBe(address);
    expect(page.context().pages()).toHaveLength(1);
    await page.getByTestId('kiosk-booked').waitFor();
    expect(await page.getByTestId('kiosk-print-frame').boundingBox()).toMatchObject({ width: 0, height: 0 });
    await screenshot(page, SUITE, 'booked-printed');

    // A ticket: printed the same way.
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-go-ticket').click();
    await page.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /食品经营许可/ }).click();
    await page.getByRole('radio', { name: /^酒类经营许可/ }).click();
    await page.getByTestId('kiosk-people').getByRole('radio', { name: '1 人' }).click();
    await page.getByTestId('kiosk-next').click();
    const number = await page.getByTestId('kiosk-ticket-number').innerText();
    await page.getByTestId('kiosk-silent-print').and(page.locator('[data-state="printed"]')).waitFor();
    const ticketPrint = (await prints(page))[1]!;
    expect(ticketPrint).toMatchObject({ ready: true, frame: true });
    expect(ticketPrint.path).toMatch(/^\/t\/[\w-]+\/print$/);
    expect(await page.getByTestId('kiosk-print-ticket').getAttribute('href')).toBe(ticketPrint.path);
    expect(number).toMatch(/^B\d{3}$/);
    expect(page.url()).toBe(address);

    // A terminal not set up for it prints nothing by itself: the visitor presses the print button.
    const plain = await terminalPage(`${suite.server.url}/checkin/kiosk?device=${terminal.token}`);
    await plain.getByTestId('kiosk-go-ticket').click();
    await plain.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /食品经营许可/ }).click();
    await plain.getByRole('radio', { name: /^酒类经营许可/ }).click();
    await plain.getByTestId('kiosk-people').getByRole('radio', { name: '1 人' }).click();
    await plain.getByTestId('kiosk-next').click();
    await plain.getByTestId('kiosk-ticket-number').waitFor();
    expect(await plain.getByTestId('kiosk-silent-print').count()).toBe(0);
    expect(await prints(plain)).toEqual([]);
  });
});
