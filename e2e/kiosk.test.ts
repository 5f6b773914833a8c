import type { KioskVisitor } from '../checkin/src/lib/kiosk/kiosk-visitor.ts';
import { createApiClient, type ApiClient, type AppointmentView } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from './support/api.ts';
import { publishScreenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** The self-service terminal, as a visitor uses it: touches, the on-screen keypad, and the ID card reader typing fast then Enter. */
const SUITE = 'kiosk';
const suite = useServerAndBrowser();
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const RESIDENT_ID = '11010519491231002X';

async function pairTerminal(inside: boolean): Promise<{ id: string; token: string }> {
  return (await admin())<{ id: string; token: string }>('POST', '/api/halls/demo/devices', { name: inside ? '厅内自助终端' : '门外24小时终端', kind: 'kiosk', inside });
}

async function openTerminal(token: string, viewport: { width: number; height: number }, idleSeconds = 60): Promise<Page> {
  const page = await suite.browser.newPage({ viewport, hasTouch: true });
  await page.goto(`${suite.server.url}/checkin/kiosk?device=${token}&idle=${idleSeconds}`);
  await page.getByTestId('kiosk-start').waitFor();
  return page;
}

/** Taps keys of an on-screen keypad, one by one. */
async function tapKeys(page: Page, keypad: string, text: string): Promise<void> {
  for (const key of text) await page.getByTestId(keypad).locator(`button[data-key="${key}"]`).click();
}

/** The terminal's ID card reader: a keyboard wedge that types the number fast and presses Enter. */
async function readIdCard(page: Page, number: string): Promise<void> {
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
}

const next = (page: Page) => page.getByTestId('kiosk-next').click();
const error = (page: Page) => page.getByTestId('kiosk-error');
const visitorHeld = (page: Page) => page.evaluate(() => window.__hallflowKioskVisitor!());
const EMPTY: KioskVisitor = { service: null, date: null, slot: null, idType: null, idNumber: '', mobile: '', name: '', partySize: null, code: '', last4: '', found: null, booked: null, ticket: null };

describe('the self-service terminal', () => {
  it('[KS2][KS3][KS6][DC1] portrait: a visitor books with the ID card reader and the keypad, every wrong input named in Chinese; idle, the terminal forgets them', async () => {
    const terminal = await pairTerminal(false);
    const page = await openTerminal(terminal.token, PORTRAIT, 5);
    expect(await page.getByTestId('kiosk').getAttribute('data-orientation')).toBe('portrait');
    await page.getByTestId('kiosk-occupancy').waitFor();
    await publishScreenshot(page, SUITE, 'kiosk-portrait-start');

    await page.getByTestId('kiosk-go-book').click();
    await next(page);
    await error(page).getByText('请先选择办理事项').waitFor();
    await page.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /户籍与居住证/ }).click();
    await page.getByRole('radio', { name: /^居住证办理/ }).click();
    await next(page);
    await next(page);
    await error(page).getByText('请先选择时段').waitFor();
    await page.getByTestId('kiosk-slots').locator('button[data-value="11:30"]').click();
    await next(page);

    // The identity document: nothing chosen, then a number too short on the keypad, then the card on the reader.
    await next(page);
    await error(page).getByText('请先选择证件类型').waitFor();
    await page.getByTestId('kiosk-id-type').getByRole('radio', { name: /^居民身份证/ }).click();
    await tapKeys(page, 'kiosk-id-keypad', '1234');
    await next(page);
    await error(page).getByText('身份证号应为18位（最后一位可为X）').waitFor();
    await readIdCard(page, RESIDENT_ID);
    await page.getByTestId('kiosk-id-read').waitFor();
    expect(await page.getByTestId('kiosk-id-keypad-value').innerText()).toBe(RESIDENT_ID);
    await next(page);

    await tapKeys(page, 'kiosk-mobile-keypad', '12345');
    await next(page);
    await error(page).getByText('手机号应为11位数字，以13至19开头').waitFor();
    await page.getByTestId('kiosk-mobile-keypad').locator('button[data-key="clear"]').click();
    await tapKeys(page, 'kiosk-mobile-keypad', '13912345678');
    await next(page);

    await page.getByTestId('kiosk-name').fill('王大妈');
    await next(page);
    await error(page).getByText('请选择人数').waitFor();
    await page.getByTestId('kiosk-people').getByRole('radio', { name: '2 人' }).click();
    await next(page);
    expect(await page.getByTestId('kiosk-review').innerText()).toContain('居住证办理');
    await next(page);
    const code = await page.getByTestId('kiosk-booked-code').innerText();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(await page.getByTestId('kiosk-print-confirmation').getAttribute('href')).toBe(`/checkin/book/${code}/print`);
    await publishScreenshot(page, SUITE, 'kiosk-portrait-booked');
    const booked = await createApiClient({ baseUrl: suite.server.url })<AppointmentView>('GET', `/api/appointments/${code}`);
    expect(booked).toMatchObject({ slot: '11:30', name: '王*妈', idType: 'resident', idMasked: '110***********002X', partySize: 2 });

    // KS6: nobody touches it: back to the start, the visitor gone from the screen and from the terminal's memory.
    expect(await visitorHeld(page)).toMatchObject({ name: '王大妈', idNumber: RESIDENT_ID });
    await page.getByTestId('kiosk-start').waitFor({ timeout: 12_000 });
    const shown = await page.locator('body').innerText();
    for (const personal of [code, '王大妈', RESIDENT_ID, '13912345678']) expect(shown).not.toContain(personal);
    expect(await visitorHeld(page)).toEqual(EMPTY);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain('13912345678');
  });

  it('[KS7][KS2] the ID card reader and the keypad are enough: a visitor books without typing a name, kept as 「访客」', async () => {
    const terminal = await pairTerminal(false);
    const page = await openTerminal(terminal.token, PORTRAIT);
    await page.getByTestId('kiosk-go-book').click();
    await page.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /户籍与居住证/ }).click();
    await page.getByRole('radio', { name: /^居住证办理/ }).click();
    await next(page);
    await page.getByTestId('kiosk-slots').locator('button[data-value="15:30"]').click();
    await next(page);
    // The reader types the number fast (no delay between keys) and presses Enter, with no field focused and no document chosen.
    const reader = '110105194912310046';
    await page.keyboard.type(reader, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByTestId('kiosk-id-read').waitFor();
    expect(await page.getByTestId('kiosk-id-type').getByRole('radio', { name: /^居民身份证/ }).getAttribute('aria-checked')).toBe('true');
    await next(page);
    await tapKeys(page, 'kiosk-mobile-keypad', '13512345678');
    await next(page);
    // The name step says it may be left empty; only the party size is asked.
    await page.getByTestId('kiosk-name-optional').getByText('可不填').waitFor();
    await page.getByTestId('kiosk-people').getByRole('radio', { name: '1 人' }).click();
    await next(page);
    expect(await page.getByTestId('kiosk-review-name').innerText()).toBe('访客 · 1 人');
    await next(page);
    const code = await page.getByTestId('kiosk-booked-code').innerText();
    const booked = await createApiClient({ baseUrl: suite.server.url })<AppointmentView>('GET', `/api/appointments/${code}`);
    expect(booked).toMatchObject({ slot: '15:30', name: '访客', idType: 'resident', idMasked: '110***********0046', mobileMasked: '135****5678', partySize: 1 });
  });

  it('[KS2][KS4][KS5][KS6] landscape, inside the hall: live waiting figures; a booking found by ID card and mobile and cancelled; a ticket taken and printable; then idle reset', async () => {
    const boss = await admin();
    await boss('PUT', '/api/halls/demo/calling-policy', { normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 30, kioskTickets: true });
    const visitorId = '110105198001010016';
    await createApiClient({ baseUrl: suite.server.url })('POST', '/api/halls/demo/appointments', { categoryId: 'demo-C', date: '2026-11-25', slot: '14:00', name: '赵先生', mobile: '13700001111', idNumber: visitorId, partySize: 1 });
    const terminal = await pairTerminal(true);
    const page = await openTerminal(terminal.token, LANDSCAPE, 8);
    expect(await page.getByTestId('kiosk').getAttribute('data-orientation')).toBe('landscape');
    const queueB = page.getByTestId('kiosk-queue-B');
    expect(await queueB.innerText()).toContain('0 人等候');

    // KS4: a ticket issued elsewhere reaches the terminal's figures live.
    await boss('POST', '/api/halls/demo/tickets', { categoryId: 'demo-B' });
    await queueB.getByText('1 人等候').waitFor();
    await publishScreenshot(page, SUITE, 'kiosk-landscape-start');

    // Look up by ID card and mobile, then cancel after confirming.
    await page.getByTestId('kiosk-go-lookup').click();
    await page.getByTestId('kiosk-lookup-mode').getByRole('radio', { name: /^按证件号码查询/ }).click();
    await next(page);
    await readIdCard(page, visitorId);
    await page.getByTestId('kiosk-id-read').waitFor();
    await next(page);
    await tapKeys(page, 'kiosk-mobile-keypad', '13700001111');
    await next(page);
    const found = page.getByTestId('kiosk-found');
    await found.getByText('赵*生').waitFor();
    await found.getByTestId('kiosk-cancel').click();
    await found.getByTestId('kiosk-cancel-confirm').click();
    await found.getByTestId('kiosk-found-status').getByText('已取消').waitFor();
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-back').click();

    // KS5: a ticket for two, inside the hall.
    await page.getByTestId('kiosk-go-ticket').click();
    await page.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /食品经营许可/ }).click();
    await page.getByRole('radio', { name: /^酒类经营许可/ }).click();
    await page.getByTestId('kiosk-people').getByRole('radio', { name: '2 人' }).click();
    await next(page);
    await page.getByTestId('kiosk-ticket-number').getByText('B002').waitFor();
    expect(await page.getByTestId('kiosk-ticket-ahead').innerText()).toBe('前面还有 1 人');
    const printAddress = await page.getByTestId('kiosk-print-ticket').getAttribute('href');
    expect(printAddress).toMatch(/^\/t\/[\w-]+\/print$/);
    await publishScreenshot(page, SUITE, 'kiosk-landscape-ticket');
    const slip = await suite.browser.newPage();
    await slip.goto(`${suite.server.url}${printAddress}`);
    await slip.getByTestId('print-number').getByText('B002').waitFor();
    await slip.close();

    await page.getByTestId('kiosk-start').waitFor({ timeout: 15_000 });
    expect(await visitorHeld(page)).toEqual(EMPTY);
    expect(await page.locator('body').innerText()).not.toContain('B002');
    await queueB.getByText('2 人等候').waitFor();
  });

  it('[KS1][KS5] a terminal outside the hall offers no tickets; a revoked terminal says so and shows nothing', async () => {
    await (await admin())('PUT', '/api/halls/demo/calling-policy', { normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 30, kioskTickets: true });
    const outside = await pairTerminal(false);
    const page = await openTerminal(outside.token, LANDSCAPE);
    await page.getByTestId('kiosk-no-tickets').getByText('取号请经入口核验入场后在厅内办理').waitFor();
    expect(await page.getByTestId('kiosk-go-ticket').count()).toBe(0);

    await (await admin())('POST', `/api/halls/demo/devices/${outside.id}/revoke`);
    await page.getByTestId('kiosk-refused').getByText('本终端未配对或已停用，请联系工作人员').waitFor();
    expect(await page.getByTestId('kiosk-figures').count()).toBe(0);
    const reopened = await suite.browser.newPage({ viewport: LANDSCAPE });
    await reopened.goto(`${suite.server.url}/checkin/kiosk?device=${outside.token}`);
    await reopened.getByTestId('kiosk-refused').waitFor();
  });
});
