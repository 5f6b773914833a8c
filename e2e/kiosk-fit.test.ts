import type { ApiClient } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { cutOff } from './support/layout.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** KS8: every screen of the self-service terminal fits its display whole, in both modes, portrait and landscape. */
const SUITE = 'kiosk-fit';
const suite = useServerAndBrowser();
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);

const SIZES = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;

/** Walks every screen of the terminal the way a visitor reaches it, and notes what does not fit on each. */
async function tour(page: Page, label: string, elder: boolean, idNumber: string, mobile: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const check = async (screen: string) => {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const problems = await cutOff(page);
    // The page itself never scrolls.
    const scrolls = await page.evaluate(() => document.documentElement.scrollHeight > innerHeight + 1 || document.documentElement.scrollWidth > innerWidth + 1);
    if (scrolls) problems.push('the page scrolls');
    if (problems.length > 0) {
      found[screen] = problems;
      await screenshot(page, SUITE, `${label}-${screen}`);
    }
  };
  const next = () => page.getByTestId('kiosk-next').click();
  const error = async (screen: string) => {
    await page.getByTestId('kiosk-error').waitFor();
    await check(`${screen}-error`);
  };
  const keys = async (keypad: string, text: string) => {
    for (const key of text) await page.getByTestId(keypad).locator(`button[data-key="${key}"]`).click();
  };

  await page.getByTestId('kiosk-occupancy').waitFor();
  if (elder) await page.getByTestId('kiosk-elder').click();
  await check('start');
  await screenshot(page, SUITE, `${label}-start`);

  // Booking: every step, each also with its error.
  await page.getByTestId('kiosk-go-book').click();
  await page.getByTestId('kiosk-services').waitFor();
  await check('book-service');
  if (!elder) {
    await next();
    await error('book-service');
    await page.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /户籍与居住证/ }).click();
    await page.getByRole('radio', { name: /^居住证办理/ }).click();
  }
  await next();
  await page.getByTestId('kiosk-slots').locator('button').first().waitFor();
  await check('book-time');
  if (!elder) {
    await next();
    await error('book-time');
    await page.getByTestId('kiosk-slots').locator('button').first().click();
  } else await page.getByTestId('kiosk-slots').locator('button[aria-checked="true"]').waitFor();
  await next();
  await page.getByTestId('kiosk-id-keypad').waitFor();
  await check('book-id');
  await keys('kiosk-id-keypad', '1234');
  if (!elder) {
    await next();
    await error('book-id-document');
    await page.getByTestId('kiosk-id-type').getByRole('radio', { name: /^居民身份证/ }).click();
  }
  await next();
  await error('book-id-number');
  await page.keyboard.type(idNumber);
  await page.keyboard.press('Enter');
  await page.getByTestId('kiosk-id-read').waitFor();
  await check('book-id-read');
  await next();
  await page.getByTestId('kiosk-mobile-keypad').waitFor();
  await keys('kiosk-mobile-keypad', '123');
  await check('book-mobile');
  await next();
  await error('book-mobile');
  await page.getByTestId('kiosk-mobile-keypad').locator('button[data-key="clear"]').click();
  await keys('kiosk-mobile-keypad', mobile);
  await next();
  if (!elder) {
    await page.getByTestId('kiosk-name').waitFor();
    await check('book-name');
    await next();
    await error('book-name');
    await page.getByTestId('kiosk-name').fill('欧阳长名字测试');
    await page.getByTestId('kiosk-people').getByRole('radio', { name: '3 人' }).click();
    await next();
  }
  await page.getByTestId('kiosk-review').waitFor();
  await check('book-review');
  await next();
  const code = await page.getByTestId('kiosk-booked-code').innerText();
  await check('book-done');
  await screenshot(page, SUITE, `${label}-booked`);
  await page.getByTestId('kiosk-back').click();

  // Look-up: the choice, by code (a wrong one, then the booking found, and cancelling it), by ID and mobile (nothing found).
  if (elder) await page.getByTestId('kiosk-elder').click();
  await page.getByTestId('kiosk-go-lookup').click();
  await page.getByTestId('kiosk-lookup-mode').waitFor();
  await check('lookup-mode');
  await next();
  await error('lookup-mode');
  await page.getByTestId('kiosk-lookup-mode').getByRole('radio', { name: /^按预约码查询/ }).click();
  await next();
  await page.getByTestId('kiosk-code-keypad').waitFor();
  await check('lookup-code');
  await next();
  await error('lookup-code');
  await keys('kiosk-code-keypad', code);
  await next();
  await page.getByTestId('kiosk-found').waitFor();
  await check('lookup-found');
  await page.getByTestId('kiosk-cancel').click();
  await page.getByTestId('kiosk-last4-keypad').waitFor();
  await check('lookup-cancel-ask');
  await keys('kiosk-last4-keypad', mobile.slice(-4));
  await page.getByTestId('kiosk-cancel-confirm').click();
  await page.getByTestId('kiosk-found-status').getByText('已取消').waitFor();
  await check('lookup-cancelled');
  await page.getByTestId('kiosk-back').click();
  await page.getByTestId('kiosk-back').click();
  await page.getByTestId('kiosk-lookup-mode').getByRole('radio', { name: /^按证件号码查询/ }).click();
  await next();
  await page.keyboard.type('110105199001010010');
  await page.keyboard.press('Enter');
  await page.getByTestId('kiosk-id-read').waitFor();
  await next();
  await keys('kiosk-mobile-keypad', '13800000000');
  await next();
  await page.getByTestId('kiosk-none').waitFor();
  await check('lookup-none');
  for (let i = 0; i < 4 && (await page.getByTestId('kiosk-start').count()) === 0; i++) await page.getByTestId('kiosk-back').click();

  // A ticket, inside the hall: the choice, its error, the ticket.
  if (elder) await page.getByTestId('kiosk-elder').click();
  await page.getByTestId('kiosk-go-ticket').click();
  await page.getByTestId('kiosk-services').waitFor();
  await check('ticket-choose');
  await page.getByTestId('kiosk-next').click();
  await error('ticket-choose');
  await page.getByTestId('kiosk-service-tabs').getByRole('tab', { name: /食品经营许可/ }).click();
    await page.getByRole('radio', { name: /^酒类经营许可/ }).click();
  await page.getByTestId('kiosk-people').getByRole('radio', { name: '1 人' }).click();
  await next();
  await page.getByTestId('kiosk-ticket-number').waitFor();
  await check('ticket-taken');
  await screenshot(page, SUITE, `${label}-ticket`);
  return found;
}

describe('the terminal fits its screen', () => {
  it('[KS8][KS3][EL2] every terminal screen — start, booking steps, look-up, ticket, errors, large text — fits 1080×1920 and 1920×1080 whole, without scrollbars or anything cut off', async () => {
    const boss = await admin();
    await boss('PUT', '/api/halls/demo/calling-policy', { normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 30, kioskTickets: true });
    const terminal = await boss<{ token: string }>('POST', '/api/halls/demo/devices', { name: '厅内自助终端', kind: 'kiosk', inside: true });
    // Queues with people waiting, as on a busy morning (the start screen lists them).
    for (const queue of ['demo-A', 'demo-B', 'demo-C', 'demo-D']) await boss('POST', '/api/halls/demo/tickets', { categoryId: queue });
    const ids = ['110105195001010055', '110105195001010063', '110105195001010071', '11010519500101008X'];
    const results: Record<string, Record<string, string[]>> = {};
    let n = 0;
    for (const size of SIZES) {
      for (const elder of [false, true]) {
        const label = `${size.name}${elder ? '-elder' : ''}`;
        const page = await suite.browser.newPage({ viewport: { width: size.width, height: size.height }, hasTouch: true });
        await page.goto(`${suite.server.url}/checkin/kiosk?device=${terminal.token}&idle=600`);
        expect(await page.getByTestId('kiosk').getAttribute('data-orientation')).toBe(size.name);
        const found = await tour(page, label, elder, ids[n]!, `1391111${String(2000 + n).padStart(4, '0')}`);
        n++;
        if (Object.keys(found).length > 0) results[label] = found;
        await page.close();
      }
      // A refused terminal's message fits too.
      const refused = await suite.browser.newPage({ viewport: { width: size.width, height: size.height } });
      await refused.goto(`${suite.server.url}/checkin/kiosk?device=not-a-terminal-token`);
      await refused.getByTestId('kiosk-refused').waitFor();
      const problems = await cutOff(refused);
      if (problems.length > 0) results[`${size.name}-refused`] = { refused: problems };
      await refused.close();
    }
    expect(results).toEqual({});
  });
});
