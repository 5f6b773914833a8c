import type { ApiClient } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { ADMIN_PASSWORD } from './support/server.ts';
import { publishScreenshot, screenshot } from './support/browser.ts';
import { createHall, createHallStaff, pairScreen } from './support/halls.ts';
import { openDoor } from './support/door.ts';
import { useServerAndBrowser } from './support/suite.ts';

/**
 * Prevention levels through the pages: a supervisor switches the demo hall
 * during a day and every app follows within seconds; a city-wide admin
 * switches a whole district. Screens are paired through the API (pairing is
 * the people page's job, tested elsewhere); every level change, every door
 * action and every reading of the result goes through the pages.
 */
const SUITE = 'levels';
const suite = useServerAndBrowser();
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);
/** What "within seconds" means here: every app and page follows the event stream (LV13). */
const SECONDS = { timeout: 8_000 };
/** The demo hall's supervisor, made by the first test and signed in again by the last. */
let supervisorPassword = '';

async function clerkConsole(username: string, password: string): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${suite.server.url}/clerk/#levels`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('levels-current').waitFor();
  return page;
}

/** Sets a level on the 防控等级 page, as a supervisor does: scope, level, reason, apply. */
async function setLevel(page: Page, level: 'normal' | 'elevated' | 'strict', reason: string, target?: { label: string }): Promise<void> {
  if (target) await page.getByTestId('level-target').selectOption(target);
  await page.getByTestId(`level-${level}`).check();
  await page.getByTestId('level-reason').fill(reason);
  await page.getByTestId('level-apply').click();
  await page.getByTestId('levels-panel').getByRole('status').waitFor();
}

const level = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-level');

describe('prevention levels, live in every app', () => {
  it('[LV9][LV2][LV4][LV6][LV8] a supervisor moves the hall 常态 → 严格 mid-day through the page: the door, outdoor screen and booking page change within seconds, and the visitors inside stay', async () => {
    const api = await admin();
    supervisorPassword = await createStaff(api, 'lv-supervisor', 'supervisor', '等级主管');
    const doorPassword = await createStaff(api, 'lv-door', 'door', '门岗');
    const outdoorToken = await pairScreen(api, 'demo', 'outdoor');
    const lobbyToken = await pairScreen(api, 'demo', 'lobby');

    const clerk = await clerkConsole('lv-supervisor', supervisorPassword);
    expect(await level(clerk, 'levels-current')).toBe('strict');
    await setLevel(clerk, 'normal', '疫情平稳，恢复常态');
    await expect.poll(() => level(clerk, 'levels-current'), SECONDS).toBe('normal');
    await clerk.getByTestId('level-changes').getByText('疫情平稳，恢复常态').waitFor();

    // The door at 常态 is a greeter: two visitors get tickets, one more is counted in without one.
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    await door.goto(`${suite.server.url}/checkin/`);
    await door.getByTestId('login-username').fill('lv-door');
    await door.getByTestId('login-password').fill(doorPassword);
    await door.getByTestId('login-submit').click();
    await door.getByTestId('greeter').waitFor();
    expect(await level(door, 'door-level')).toBe('normal');
    await door.getByTestId('greet-size-2').click();
    await door.getByTestId('greet-ticket-A').click();
    await door.getByTestId('handout-done').click();
    await door.getByTestId('greet-ticket-B').click();
    await door.getByTestId('handout-done').click();
    await door.getByTestId('greet-count-in').click();
    await door.getByTestId('greet-result').getByText('已计入 1 人入场').waitFor();
    await door.getByTestId('greeter-inside').getByText('厅内 4 /').waitFor();
    await publishScreenshot(door, SUITE, 'door-level-normal');

    const outdoor = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await outdoor.goto(`${suite.server.url}/display/outdoor?device=${outdoorToken}&voice=off`);
    await outdoor.getByTestId('outdoor-welcome').waitFor();
    expect(await level(outdoor, 'outdoor-level')).toBe('normal');
    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.goto(`${suite.server.url}/display/lobby?device=${lobbyToken}&voice=off`);
    await expect.poll(() => level(lobby, 'lobby-level'), SECONDS).toBe('normal');
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${suite.server.url}/checkin/book`);
    await phone.getByTestId('booking-level-rules').getByText('欢迎现场办理').waitFor();
    await screenshot(outdoor, SUITE, 'outdoor-normal');

    // Mid-day the district reports a case: the supervisor tightens to 严格 on the page.
    await setLevel(clerk, 'strict', '辖区出现病例，立即收紧');
    await door.getByTestId('person-0').getByText('绿码').waitFor(SECONDS); // the screening form, with the health code
    expect(await door.getByTestId('greeter').count()).toBe(0);
    expect(await level(door, 'door-level')).toBe('strict');
    await door.getByTestId('symptoms-0').waitFor();
    await expect.poll(() => level(outdoor, 'outdoor-level'), SECONDS).toBe('strict');
    await outdoor.getByTestId('entry-rules').getByText('出示绿色健康码').waitFor(SECONDS);
    await outdoor.getByTestId('outdoor-wait').waitFor(SECONDS);
    await expect.poll(() => level(lobby, 'lobby-level'), SECONDS).toBe('strict');
    await expect.poll(() => level(phone, 'booking-level'), SECONDS).toBe('strict');
    await phone.getByTestId('booking-level-rules').getByText('出示绿色健康码').waitFor();
    await publishScreenshot(door, SUITE, 'door-level-strict');
    await screenshot(outdoor, SUITE, 'outdoor-strict');

    // The visitors inside are unaffected: still counted inside, their tickets still waiting in their queues.
    await outdoor.getByText('厅内 Inside 4').waitFor();
    const snapshot = await api<{ tickets: { number: string; state: string }[]; occupancy: { inside: number } }>('GET', '/api/halls/demo/snapshot');
    expect(snapshot.occupancy.inside).toBe(4);
    expect(snapshot.tickets.filter((ticket) => ['A001', 'B001'].includes(ticket.number)).map((ticket) => ticket.state)).toEqual(['waiting', 'waiting']);
    for (const page of [door, outdoor, lobby, phone]) await page.close();
    await clerk.close();
  });

  it('[LV9][LV4] a city-wide admin raises a whole district at once through the page; halls outside it keep their level', async () => {
    const api = await admin();
    // A second hall in 中心区 (under 人民路街道) and one in 东城区.
    await createHall(api, { id: 'lv-renmin', name: '人民路便民服务站', categories: { A: ['综合业务', 'General'] }, windows: { 1: ['A'] } });
    await api('PATCH', '/api/halls/lv-renmin', { regionId: 'renmin' });
    await createHall(api, { id: 'lv-east', name: '东城区服务中心', categories: { A: ['综合业务', 'General'] }, windows: { 1: ['A'] } });
    await api('PATCH', '/api/halls/lv-east', { regionId: 'east-district' });
    const doorPassword = await createHallStaff(api, 'demo', 'lv-door-supervisor', 'supervisor', '门岗主管');

    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    await openDoor(door, suite.server.url, 'lv-door-supervisor', doorPassword);
    expect(await level(door, 'door-level')).toBe('strict');
    const renminBooking = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await renminBooking.goto(`${suite.server.url}/checkin/book?hall=lv-renmin`);
    await expect.poll(() => level(renminBooking, 'booking-level'), SECONDS).toBe('strict');

    const clerk = await clerkConsole('admin', ADMIN_PASSWORD);
    await setLevel(clerk, 'elevated', '中心区发现密接，全区加强', { label: '区域：中心区' });
    await clerk.getByTestId('levels-panel').getByText('已调整 2 个大厅').waitFor();
    await clerk.getByTestId('level-changes').getByText('中心区发现密接，全区加强').first().waitFor();
    await publishScreenshot(clerk, SUITE, 'levels-page');

    // The door of the demo hall (in 中心区) asks only for temperature and mask now.
    await expect.poll(() => level(door, 'door-level'), SECONDS).toBe('elevated');
    await door.getByTestId('temperature').waitFor();
    expect(await door.getByTestId('person-0').getByText('绿码').count()).toBe(0);
    expect(await door.getByTestId('symptoms-0').count()).toBe(0);
    await publishScreenshot(door, SUITE, 'door-level-elevated');
    await expect.poll(() => level(renminBooking, 'booking-level'), SECONDS).toBe('elevated');

    // 东城区 is another district: its hall stays at 严格.
    const eastBooking = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await eastBooking.goto(`${suite.server.url}/checkin/book?hall=lv-east`);
    await expect.poll(() => level(eastBooking, 'booking-level'), SECONDS).toBe('strict');
    for (const page of [door, renminBooking, eastBooking, clerk]) await page.close();
  });

  it('[LV9][LV1] a supervisor edits a preset on the page; switching to that level applies it at the door', async () => {
    const clerk = await clerkConsole('lv-supervisor', supervisorPassword);
    const elevated = clerk.getByTestId('preset-elevated');
    await elevated.getByText('查验健康码').click();
    await clerk.getByTestId('presets-save').click();
    await clerk.getByTestId('levels-presets').getByText('预设已保存').waitFor();
    await setLevel(clerk, 'elevated', '加强预设增加健康码');
    const doorPassword = await createHallStaff(await admin(), 'demo', 'lv-door-3', 'supervisor', '门岗三');
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    await openDoor(door, suite.server.url, 'lv-door-3', doorPassword);
    expect(await level(door, 'door-level')).toBe('elevated');
    await door.getByTestId('person-0').getByText('绿码').waitFor(SECONDS);
    expect(await door.getByTestId('symptoms-0').count()).toBe(0);
    await door.close();
    await clerk.close();
  });
});
