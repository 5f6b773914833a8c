import type { CategoryView } from '@hallflow/shared';
import { createApiClient, type ApiClient, type AppointmentView, type ServiceCatalogue, type SlotView } from '@hallflow/shared/api';
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

  it('[EL3] elder mode books in fewer taps: on the phone and at the terminal it chooses the commonest service and the nearest time and leaves out what may stay as it is', async () => {
    const boss = await admin();
    const visitorApi = createApiClient({ baseUrl: suite.server.url });
    // People wait for the permits queue (B): it is the commonest service now.
    for (let i = 0; i < 3; i++) await boss('POST', '/api/halls/demo/tickets', { categoryId: 'demo-B' });
    const services = await visitorApi<ServiceCatalogue>('GET', '/api/halls/demo/services');
    const firstOf = (queue: string) => services.items.find((item) => item.categoryId === queue)!.id;
    const nearest = async (queue: string) => (await visitorApi<SlotView[]>('GET', `/api/halls/demo/slots?categoryId=${queue}&date=2026-11-25`)).find((slot) => slot.free > 0)!.start;

    /** Every touch on the screen is counted where the page receives it; a pick in a native list is one more. */
    async function counted(viewport: { width: number; height: number }) {
      const page = await suite.browser.newPage({ viewport, hasTouch: true, isMobile: viewport.width < 500 });
      await page.addInitScript(() => {
        (window as unknown as { __taps: number }).__taps = 0;
        addEventListener('pointerdown', () => (window as unknown as { __taps: number }).__taps++, true);
      });
      return page;
    }
    const taps = (page: Page) => page.evaluate(() => (window as unknown as { __taps: number }).__taps);
    const typeInto = async (page: Page, testId: string, text: string) => {
      await page.getByTestId(testId).click();
      await page.keyboard.type(text);
    };

    // The booking page, standard: choose a service (open the list, pick one), then name, mobile, ID, send.
    const standard = await counted({ width: 390, height: 844 });
    await standard.goto(`${suite.server.url}/checkin/book?hall=demo`);
    await standard.getByTestId('book-service').waitFor();
    await standard.getByTestId('book-service').click();
    await standard.getByTestId('book-service').selectOption({ label: '社会保障卡申领 Social security card' });
    let picks = 1;
    await standard.getByTestId('book-slot').getByRole('radio', { checked: true }).waitFor();
    await typeInto(standard, 'book-name', '张大爷');
    await typeInto(standard, 'book-mobile', '13911110001');
    await typeInto(standard, 'book-id', '110105195001010012');
    await standard.getByTestId('book-submit').click();
    await standard.getByTestId('booking-confirmation').waitFor();
    const phoneStandard = (await taps(standard)) + picks;

    // 长辈模式: the switch, then only name, mobile, ID and send; the commonest service and the nearest time are already chosen.
    const elder = await counted({ width: 390, height: 844 });
    await elder.goto(`${suite.server.url}/checkin/book?hall=demo`);
    await elder.getByTestId('book-service').waitFor();
    await elder.getByTestId('elder-toggle').click();
    picks = 0;
    await elder.getByTestId('book-slot').getByRole('radio', { checked: true }).waitFor();
    expect(await elder.getByTestId('book-id-type').count()).toBe(0);
    expect(await elder.getByTestId('book-party').count()).toBe(0);
    await elder.getByTestId('book-elder-defaults').waitFor();
    await typeInto(elder, 'book-name', '李奶奶');
    await typeInto(elder, 'book-mobile', '13911110002');
    await typeInto(elder, 'book-id', '110105195001010020');
    await elder.getByTestId('book-submit').click();
    await elder.getByTestId('booking-confirmation').waitFor();
    const phoneElder = (await taps(elder)) + picks;
    const elderBooked = await visitorApi<AppointmentView>('GET', `/api/appointments/${await elder.getByTestId('booking-code').innerText()}`);
    // The booking page has no live figures: the commonest is the first service the hall lists (its first queue's first item).
    const { categories } = await visitorApi<{ categories: CategoryView[] }>('GET', '/api/halls/demo/catalogue');
    const listedFirst = categories.filter((c) => !c.retired).find((c) => services.items.some((item) => item.categoryId === c.id))!.id;
    expect(elderBooked).toMatchObject({ itemId: firstOf(listedFirst), slot: await nearest(listedFirst), partySize: 1, idType: 'resident', name: '李*奶' });
    expect(phoneElder).toBeLessThan(phoneStandard);

    // The terminal, standard: service, time, the ID card on the reader, the mobile on the keypad, name left out, party, confirm.
    const terminal = await boss<{ token: string }>('POST', '/api/halls/demo/devices', { name: '自助终端', kind: 'kiosk' });
    const kiosk = await counted({ width: 1080, height: 1920 });
    await kiosk.goto(`${suite.server.url}/checkin/kiosk?device=${terminal.token}`);
    await kiosk.getByTestId('kiosk-occupancy').waitFor();
    const next = () => kiosk.getByTestId('kiosk-next').click();
    const readCard = async (id: string) => {
      await kiosk.keyboard.type(id);
      await kiosk.keyboard.press('Enter');
      await kiosk.getByTestId('kiosk-id-read').waitFor();
    };
    const mobile = async (digits: string) => {
      for (const key of digits) await kiosk.getByTestId('kiosk-mobile-keypad').locator(`button[data-key="${key}"]`).click();
    };
    await kiosk.getByTestId('kiosk-go-book').click();
    await kiosk.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /户籍与居住证/ }).click();
    await kiosk.getByRole('radio', { name: /^居住证办理/ }).click();
    await next();
    await kiosk.getByTestId('kiosk-slots').locator('button').first().click();
    await next();
    await readCard('110105195001010039');
    await next();
    await mobile('13911110003');
    await next();
    await kiosk.getByTestId('kiosk-people').getByRole('radio', { name: '1 人' }).click();
    await next();
    await next();
    await kiosk.getByTestId('kiosk-booked-code').waitFor();
    const terminalStandard = await taps(kiosk);

    // 大字模式: the switch, then 下一步 on the chosen service and the nearest time, the card, the mobile, confirm.
    await kiosk.getByTestId('kiosk-back').click(); // home
    await kiosk.evaluate(() => ((window as unknown as { __taps: number }).__taps = 0));
    await kiosk.getByTestId('kiosk-elder').click();
    await kiosk.getByTestId('kiosk-go-book').click();
    await next();
    await kiosk.getByTestId('kiosk-slots').locator('button[aria-checked="true"]').waitFor();
    await next();
    await readCard('110105195001010047');
    await next();
    await mobile('13911110004');
    await next();
    expect(await kiosk.getByTestId('kiosk-review-name').innerText()).toBe('访客 · 1 人');
    await next();
    const code = await kiosk.getByTestId('kiosk-booked-code').innerText();
    const terminalElder = await taps(kiosk);
    await publishScreenshot(kiosk, SUITE, 'kiosk-elder-booked');
    const kioskBooked = await visitorApi<AppointmentView>('GET', `/api/appointments/${code}`);
    expect(kioskBooked).toMatchObject({ itemId: firstOf('demo-B'), slot: await nearest('demo-B'), partySize: 1, name: '访客', idType: 'resident' });
    expect(terminalElder).toBeLessThan(terminalStandard);
    expect({ phoneStandard, phoneElder, terminalStandard, terminalElder }).toEqual({ phoneStandard: 6, phoneElder: 5, terminalStandard: 22, terminalElder: 18 });
  });
});
