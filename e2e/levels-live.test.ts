import type { LevelPresets } from '@hallflow/shared';
import type { ApiClient } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { ADMIN_PASSWORD } from './support/server.ts';
import { publishScreenshot, screenshot } from './support/browser.ts';
import { openDoor } from './support/door.ts';
import { useServerAndBrowser } from './support/suite.ts';

/**
 * Prevention levels, the parts that follow a change live: the terminal and
 * the booking page on the public stream (LV8, LV13), the door's re-check of
 * parties that held through a tightening (LV10), a change scheduled on the
 * page a few seconds ahead (LV7), and the city overview (LV11). Level
 * changes that are not the point of a test are set through the API.
 */
const SUITE = 'levels-live';
const suite = useServerAndBrowser();
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);
/** "Within seconds": the stream brings a change in well under this. */
const SECONDS = { timeout: 5_000 };
const level = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-level');
const setLevel = async (level: 'normal' | 'elevated' | 'strict', reason: string) => (await admin())('POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level, reason });

async function clerkConsole(hash: string, username: string, password: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await suite.browser.newPage({ viewport });
  await page.goto(`${suite.server.url}/clerk/#${hash}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  return page;
}

describe('prevention levels followed live', () => {
  it('[LV8][LV13] the terminal and the booking page state the rules in force from the live stream, and follow a change within seconds', async () => {
    const api = await admin();
    const kioskDevice = await api<{ token: string }>('POST', '/api/halls/demo/devices', { name: '厅内自助终端', kind: 'kiosk', inside: true });
    const kiosk = await suite.browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await kiosk.goto(`${suite.server.url}/checkin/kiosk?device=${kioskDevice.token}`);
    await kiosk.getByTestId('kiosk-level-rules').getByText('出示绿色健康码').waitFor();
    const booking = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await booking.goto(`${suite.server.url}/checkin/book`);
    await booking.getByTestId('booking-level-rules').getByText('出示绿色健康码').waitFor();
    // Both are on the stream, not asking over HTTP.
    await expect.poll(() => kiosk.getByTestId('kiosk-level').getAttribute('data-source'), SECONDS).toBe('stream');
    await expect.poll(() => booking.getByTestId('booking-level').getAttribute('data-source'), SECONDS).toBe('stream');
    expect(await level(kiosk, 'kiosk-level')).toBe('strict');
    expect(await level(booking, 'booking-level')).toBe('strict');

    const changedAt = Date.now();
    await setLevel('normal', '疫情平稳，恢复常态');
    await kiosk.getByTestId('kiosk-level-rules').getByText('无需健康查验，直接入厅').waitFor(SECONDS);
    await booking.getByTestId('booking-level-rules').getByText('欢迎现场办理').waitFor(SECONDS);
    expect(Date.now() - changedAt).toBeLessThan(3_000);
    expect(await level(kiosk, 'kiosk-level')).toBe('normal');
    expect(await level(booking, 'booking-level')).toBe('normal');
    expect(await kiosk.getByTestId('kiosk-level-rules').getByText('出示绿色健康码').count()).toBe(0);
    expect(await kiosk.getByTestId('kiosk-level').getAttribute('data-source')).toBe('stream');
    await publishScreenshot(kiosk, SUITE, 'kiosk-level-normal');

    await setLevel('elevated', '周边出现病例');
    await kiosk.getByTestId('kiosk-level-rules').getByText('全程佩戴口罩').waitFor(SECONDS);
    await booking.getByTestId('booking-level-rules').getByText('全程佩戴口罩').waitFor(SECONDS);
    expect(await level(kiosk, 'kiosk-level')).toBe('elevated');
    await screenshot(booking, SUITE, 'booking-level-elevated');
    await kiosk.close();
    await booking.close();
  });

  it('[LV10] parties that held through a tightening show 需复检 with only the missing checks at the door; the batch passes over them and says so; re-checked, they go in', async () => {
    const api = await admin();
    // Set-up: 加强 batches and takes walk-ins; two parties hold after its temperature and mask only.
    const presets = (await api<{ presets: LevelPresets }>('GET', '/api/halls/demo/prevention-level')).presets;
    await api('PUT', '/api/halls/demo/prevention-level/presets', { ...presets, elevated: { ...presets.elevated, admission: 'batches', walkIns: 'welcome' }, strict: { ...presets.strict, walkIns: 'welcome' } });
    await setLevel('elevated', '加强，分批入场');
    const light = { temperature: 36.4, mask: true };
    await api('POST', '/api/halls/demo/screenings', { name: '张伟明', categoryId: 'demo-A', people: [light, light] });
    await api('POST', '/api/halls/demo/screenings', { name: '李秀英', categoryId: 'demo-B', people: [light] });
    const doorPassword = await createStaff(api, 'll-door', 'door', '门岗');
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    await openDoor(door, suite.server.url, 'll-door', doorPassword);
    await door.getByTestId('holding-queue').getByText('张*明').waitFor();
    expect(await door.getByTestId('recheck-badge').count()).toBe(0);

    await setLevel('strict', '辖区出现确诊，立即收紧');
    const badges = door.getByTestId('recheck-badge');
    await expect.poll(() => badges.count(), SECONDS).toBe(2);
    expect(await badges.first().innerText()).toBe('需复检：健康码、症状');
    await door.getByTestId('admit-batch').click();
    await door.getByTestId('batch-recheck-pending').getByText('2 组待复检，本批未放行').waitFor();
    expect(await door.getByTestId('holding-count').innerText()).toBe('3');

    // The first party: two people, asked only for the code and symptoms.
    const zhang = door.getByTestId('holding-party').filter({ hasText: '张*明' });
    await zhang.getByTestId('recheck-open').click();
    const form = door.getByTestId('recheck-form');
    await form.getByText('复检 张*明（2人）').waitFor();
    expect(await form.getByTestId('temperature').count()).toBe(0);
    expect(await form.getByTestId('mask-own-0').count()).toBe(0);
    await form.getByTestId('symptoms-1').waitFor();
    await form.getByTestId('recheck-submit').click();
    await form.getByRole('alert').waitFor(); // no colour chosen yet: nothing is sent
    await form.getByTestId('code-green-0').click();
    await form.getByTestId('code-green-1').click();
    await publishScreenshot(door, SUITE, 'door-recheck');
    await form.getByTestId('recheck-submit').click();
    await door.getByTestId('recheck-outcome').getByText('张*明 复检通过，原位候场').waitFor();
    await expect.poll(() => badges.count(), SECONDS).toBe(1);

    // The second: a cough on re-check turns them away.
    await door.getByTestId('holding-party').filter({ hasText: '李*英' }).getByTestId('recheck-open').click();
    await form.getByTestId('code-green-0').click();
    await form.getByTestId('cough-0').check();
    await form.getByTestId('recheck-submit').click();
    await door.getByTestId('recheck-outcome').getByText('李*英 复检未通过').waitFor();
    await expect.poll(() => door.getByTestId('holding-count').innerText(), SECONDS).toBe('2');

    await door.getByTestId('admit-batch').click();
    await door.getByTestId('batch-result').getByText('张*明').waitFor();
    expect(await door.getByTestId('batch-recheck-pending').count()).toBe(0);
    await door.getByTestId('handout-done').click();
    await expect.poll(() => door.getByTestId('holding-count').innerText(), SECONDS).toBe('0');
    await screenshot(door, SUITE, 'door-recheck-done');
    await door.close();
  });

  it('[LV7][LV9] a supervisor schedules a change a few seconds ahead in the 防控等级 tab; the door follows when it comes due, not before', async () => {
    const api = await admin();
    const supervisorPassword = await createStaff(api, 'll-supervisor', 'supervisor', '排期主管');
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    await openDoor(door, suite.server.url, 'll-supervisor', supervisorPassword);
    expect(await level(door, 'door-level')).toBe('strict');

    const clerk = await clerkConsole('levels', 'll-supervisor', supervisorPassword);
    await clerk.getByTestId('levels-current').waitFor();
    // The hall's clock (Asia/Shanghai, UTC+8), eight seconds ahead, to the second.
    const { time } = await api<{ time: string }>('GET', '/api/health');
    const readAt = Date.now();
    const due = new Date(Date.parse(time) + 8_000);
    const local = new Date(due.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
    await clerk.getByTestId('level-normal').check();
    await clerk.getByTestId('level-reason').fill('解封：稍后恢复常态');
    await clerk.getByTestId('level-starts-at').fill(local);
    await clerk.getByTestId('level-apply').click();
    await clerk.getByTestId('levels-panel').getByRole('status').getByText('已安排 1 个大厅').waitFor();
    await clerk.getByTestId('levels-next').waitFor();
    expect(await level(clerk, 'levels-current')).toBe('strict');
    expect(await level(door, 'door-level')).toBe('strict');
    await screenshot(clerk, SUITE, 'levels-scheduled');

    await door.getByTestId('greeter').waitFor({ timeout: 15_000 });
    // Not before its time: eight seconds after the clock was read, less the milliseconds the page's seconds leave out.
    expect(Date.now() - readAt).toBeGreaterThan(6_500);
    expect(await level(door, 'door-level')).toBe('normal');
    await expect.poll(() => level(clerk, 'levels-current'), SECONDS).toBe('normal');
    await clerk.getByTestId('level-changes').getByText('解封：稍后恢复常态').waitFor();
    await door.close();
    await clerk.close();
  });

  it('[LV11][CO3] the city overview, its big screen and the door\'s city panel show each hall\'s level, in both languages, and change with it', async () => {
    const page = await clerkConsole('city', 'admin', ADMIN_PASSWORD, { width: 1920, height: 1080 });
    const demoLevel = page.getByTestId('city-hall-demo').getByTestId('city-level');
    await demoLevel.waitFor();
    expect(await demoLevel.getAttribute('data-level')).toBe('normal');
    expect(await demoLevel.innerText()).toBe('常态');
    // The door app's city panel (supervisors at the door): the same level, from the same city room.
    const supervisorPassword = await createStaff(await admin(), 'll-city-supervisor', 'supervisor', '门口主管');
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    await door.goto(`${suite.server.url}/checkin/`);
    await door.getByTestId('login-username').fill('ll-city-supervisor');
    await door.getByTestId('login-password').fill(supervisorPassword);
    await door.getByTestId('login-submit').click();
    const doorLevel = door.getByTestId('door-city-hall-demo').getByTestId('door-city-level');
    await doorLevel.waitFor();
    expect(await doorLevel.getAttribute('data-level')).toBe('normal');
    expect(await doorLevel.innerText()).toBe('防控常态');

    await setLevel('elevated', '全市加强');
    await expect.poll(() => demoLevel.getAttribute('data-level'), SECONDS).toBe('elevated');
    expect(await demoLevel.innerText()).toBe('加强');
    await expect.poll(() => doorLevel.getAttribute('data-level'), SECONDS).toBe('elevated');
    expect(await doorLevel.innerText()).toBe('防控加强');
    await door.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => doorLevel.innerText(), SECONDS).toBe('Level: Elevated');
    await screenshot(door, SUITE, 'door-city-levels');

    await page.getByTestId('open-big-screen').click();
    const big = page.getByTestId('big-screen').getByTestId('big-hall-demo').getByTestId('big-level');
    await big.waitFor();
    expect(await big.getAttribute('data-level')).toBe('elevated');
    await setLevel('strict', '全市严格');
    await expect.poll(() => big.getAttribute('data-level'), SECONDS).toBe('strict');
    expect(await big.innerText()).toBe('严格');
    // Live at the door too, still in English.
    await expect.poll(() => doorLevel.innerText(), SECONDS).toBe('Level: Strict');
    await screenshot(page, SUITE, 'big-screen-levels');
    await page.close();
    await door.close();
  });
});
