import type { AppointmentView } from '@hallflow/shared/api';
import { createApiClient, type ApiClient } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { publishScreenshot } from './support/browser.ts';
import { printToPdf } from './support/pdf.ts';
import { decodeQr } from './support/qr.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** Printed tickets and confirmations, rendered by Chromium to PDF as its print dialog would, then read back. */
const SUITE = 'print';
const suite = useServerAndBrowser();
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);
/** PDF text runs may split a string; compare without spaces. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

async function deskPage(username = 'print-desk'): Promise<Page> {
  const password = await createStaff(await admin(), username, 'clerk', '王导办');
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${suite.server.url}/clerk/#desk`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('desk-panel').waitFor();
  return page;
}

describe('printed tickets and confirmations', () => {
  it('[PR1][PR3] the desk prints a ticket on 80 mm and 58 mm paper: hall, large number, queue, bundle and items, people ahead and time at issue, a QR code that, decoded, opens the phone page', async () => {
    const desk = await deskPage();
    // F001: a priority ticket, printed on 58 mm; its reason stays off the paper (DK2).
    await desk.getByTestId('desk-service').selectOption({ label: '居住证办理' });
    await desk.getByTestId('desk-priority').check();
    await desk.getByTestId('desk-reason-pregnancy').check();
    await desk.getByTestId('desk-issue').click();
    await desk.getByTestId('desk-ticket-number').getByText('F001').waitFor();
    const [small] = await Promise.all([desk.waitForEvent('popup'), desk.getByTestId('desk-print-58').click()]);
    await small.locator('html[data-print-ready="true"]').waitFor();
    const [page58] = await printToPdf(small);
    expect(page58!.widthMm).toBeCloseTo(58, 0);
    const text58 = squeezed(page58!.text);
    for (const expected of ['F001', '绿色通道', '居住证办理', '取号时前面0人']) expect(text58).toContain(squeezed(expected));
    expect(text58).not.toContain('孕妇');

    // F002: a routed 一件事 behind F001, printed on 80 mm with its items.
    await desk.getByTestId('desk-next').click();
    await desk.getByTestId('desk-service').selectOption({ label: '新生儿出生一件事（分窗流转）' });
    await desk.getByTestId('desk-issue').click();
    await desk.getByTestId('desk-ticket-number').getByText('F002').waitFor();
    const [slip] = await Promise.all([desk.waitForEvent('popup'), desk.getByTestId('desk-print-80').click()]);
    await slip.locator('html[data-print-ready="true"]').waitFor();
    const token = /\/t\/([\w-]+)\/print/.exec(slip.url())![1]!;
    expect(await slip.getByTestId('print-qr').getAttribute('data-address')).toBe(`${suite.server.url}/t/${token}`);
    expect(await slip.getByTestId('print-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    await slip.setViewportSize({ width: 480, height: 900 });
    // The QR as printed, read from a screenshot of the slip as a phone's camera would: it opens this ticket's phone page.
    const scanned = await decodeQr(slip, await slip.screenshot({ fullPage: true }));
    expect(scanned).toBe(`${suite.server.url}/t/${token}`);
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(scanned!);
    await phone.locator('main').getByText('F002').waitFor();
    await phone.getByTestId('phone-state').getByText('等候叫号').waitFor();
    await phone.close();
    await publishScreenshot(slip, SUITE, 'print-ticket-80mm', { fullPage: true });

    const pages = await printToPdf(slip);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.widthMm).toBeCloseTo(80, 0);
    const text = squeezed(pages[0]!.text);
    for (const expected of ['市民服务中心', 'F002', '户籍与居住证', '新生儿出生一件事', '新生儿户口登记', '城乡居民医保参保登记', '社会保障卡申领', '取号时前面1人']) {
      expect(text).toContain(squeezed(expected));
    }
    expect(text).toMatch(/取号时间2026-11-2510:\d\d/);
    expect(text).not.toContain('绿色通道');
    expect(text).not.toContain('打印'); // the print button stays on the screen
  });

  it('[PR2][PR3] an appointment confirmation prints with its code, QR, service, day and time, masked name and ID; an unknown ticket says so', async () => {
    const api = createApiClient({ baseUrl: suite.server.url });
    const booked = await api<AppointmentView>('POST', '/api/halls/demo/appointments', {
      bundleId: 'demo-open-restaurant', date: '2026-11-25', slot: '11:00', name: '王预约', mobile: '13800138000', idNumber: '11010519491231002X', partySize: 2,
    });
    const page = await suite.browser.newPage({ viewport: { width: 480, height: 900 } });
    await page.goto(`${suite.server.url}/checkin/book/${booked.code}/print?paper=58`);
    await page.locator('html[data-print-ready="true"]').waitFor();
    await publishScreenshot(page, SUITE, 'print-confirmation-58mm', { fullPage: true });
    // A15: the confirmation's QR, read from the screenshot, is the bare code the door's scanner reads.
    expect(await decodeQr(page, await page.screenshot({ fullPage: true }))).toBe(booked.code);
    const [printed] = await printToPdf(page);
    expect(printed!.widthMm).toBeCloseTo(58, 0);
    const text = squeezed(printed!.text);
    for (const expected of [booked.code, '预约确认单', '开饭店一件事', '2026年11月25日星期三', '11:00', '王*约', '110***********002X', '2人']) expect(text).toContain(squeezed(expected));
    expect(text).not.toContain('13800138000');

    await page.goto(`${suite.server.url}/t/nosuchticketnosuchticket/print`);
    await page.getByTestId('print-error').getByText('未找到该号票或预约').waitFor();
  });

  it('[DC1][DC4][PR2] at the desk, staff book for a visitor who has only a passport, and print the confirmation: the passport masked, never in full', async () => {
    const desk = await deskPage('print-book');
    const [booking] = await Promise.all([desk.waitForEvent('popup'), desk.getByTestId('desk-book').click()]);
    await booking.getByTestId('book-service').selectOption({ label: '居住证办理 Residence permit' });
    await booking.getByRole('radio', { name: /^11:30/ }).check();
    await booking.getByTestId('book-name').fill('John Smith');
    await booking.getByTestId('book-mobile').fill('13912340077');
    await booking.getByTestId('book-id-type').selectOption({ label: '护照 Passport' });
    await booking.getByTestId('book-id').fill('X12');
    await booking.getByTestId('book-submit').click();
    await booking.getByTestId('book-problems').getByText('护照号码应为5至17位字母或数字').waitFor();
    await booking.getByTestId('book-id').fill('P12345678');
    await booking.getByTestId('book-submit').click();
    await booking.getByTestId('booking-confirmation').waitFor();
    const code = await booking.getByTestId('booking-code').innerText();

    const [slip] = await Promise.all([booking.waitForEvent('popup'), booking.getByTestId('booking-print').click()]);
    await slip.locator('html[data-print-ready="true"]').waitFor();
    const [printed] = await printToPdf(slip);
    expect(printed!.widthMm).toBeCloseTo(80, 0);
    const text = squeezed(printed!.text);
    for (const expected of [code, '居住证办理', '11:30', 'J********h', 'P*****678']) expect(text).toContain(expected);
    expect(text).not.toContain('P12345678');
  });
});
