import type { ApiClient, HallPolicies } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { createHall, createHallStaff, pairScreen } from './support/halls.ts';
import { useServerAndBrowser } from './support/suite.ts';

/**
 * The supervisor's side of the windows and the desk: the window overview and
 * the hall settings. Each test works in a hall of its own; every supervisor or
 * clerk action goes through the page.
 */
const SUITE = 'desk-supervisor';
const suite = useServerAndBrowser();
/** One admin session for the file's setup (sign-ins are limited to 10 a minute per address). */
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);

async function signedIn(username: string, password: string, hash = ''): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${suite.server.url}/clerk/${hash}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  return page;
}

async function clerkAt(username: string, password: string, windowLabel: string): Promise<Page> {
  const page = await signedIn(username, password);
  await page.getByTestId('window-select').selectOption({ label: windowLabel });
  await page.getByTestId('window-open').click();
  await page.getByTestId('call-next').waitFor();
  return page;
}

const current = (page: Page) => page.getByTestId('current-ticket-number');
/** An F-key acts as its button does, so it is pressed once that button is ready (the previous command answered). */
async function press(page: Page, key: 'F1' | 'F2' | 'F3' | 'F4', button: string): Promise<void> {
  await page.locator(`[data-testid="${button}"]:enabled`).waitFor();
  await page.keyboard.press(key);
}

describe('the supervisor and the windows', () => {
  it('[W4][L8] the supervisor\'s window overview: who is at each window, the ticket and since when, what waits, and whether each screen is connected now', async () => {
    const desk = await admin();
    const hall = await createHall(desk, {
      id: 'desk-three',
      name: '南区分中心',
      categories: { A: ['综合受理', 'General'], B: ['税务', 'Tax'] },
      windows: { 1: ['A', 'B'], 2: ['B'] },
    });
    const clerkPassword = await createHallStaff(desk, 'desk-three', 'three-zhou', 'clerk', '周敏');
    const boss = await createHallStaff(desk, 'desk-three', 'three-lin', 'supervisor', '林主任');
    for (const prefix of ['A', 'A', 'B']) await desk('POST', '/api/halls/desk-three/tickets', { categoryId: hall.categoryId(prefix) });

    // The supervisor pairs window 1's screen in the page; the screen opens the link.
    const supervisor = await signedIn('three-lin', boss, '#people');
    await supervisor.getByTestId('device-name').fill('1号窗口屏');
    await supervisor.getByTestId('device-kind').selectOption('window');
    await supervisor.getByLabel('窗口号').selectOption('1');
    await supervisor.getByTestId('pair-device').click();
    const link = await supervisor.getByTestId('device-link').innerText();
    expect(link).toContain('/display/window/1?device=');
    await supervisor.getByTestId('device-row').filter({ hasText: '1号窗口屏 · 窗口屏 · 1号窗口' }).waitFor();
    const screen = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(link);
    await screen.getByTestId('window-state').waitFor();

    const one = await clerkAt('three-zhou', clerkPassword, '1号窗口');
    await press(one, 'F1', 'call-next');
    await current(one).getByText('A001').waitFor();
    await one.getByTestId('start').click();

    await supervisor.getByTestId('tab-windows').click();
    const row = supervisor.getByTestId('overview-window-1');
    await row.getByTestId('overview-current').getByText('办理中').waitFor();
    expect(await row.getByTestId('overview-state').innerText()).toBe('办理中');
    expect(await row.getByTestId('overview-clerk').innerText()).toBe('周敏');
    expect(await row.getByTestId('overview-current').innerText()).toMatch(/A001[\s\S]*\d\d:\d\d 起（\d+ 分钟）/);
    expect(await row.getByTestId('overview-waiting').innerText()).toMatch(/A 1\s*B 1/);
    await row.getByTestId('overview-screens').getByText('● 1号窗口屏 · 窗口屏 · 在线').waitFor();
    const idle = supervisor.getByTestId('overview-window-2');
    expect(await idle.getByTestId('overview-state').innerText()).toBe('已关闭');
    expect(await idle.getByTestId('overview-screens').innerText()).toBe('未配对');
    expect(await supervisor.getByTestId('overview-categories').innerText()).toMatch(/A 综合受理 1\s*B 税务 1/);
    await screenshot(supervisor, SUITE, 'supervisor-windows-overview');

    // The screen goes dark: the overview says so at its next reading.
    await screen.close();
    await supervisor.getByTestId('overview-refresh').click();
    await row.getByTestId('overview-screens').getByText('○ 1号窗口屏 · 窗口屏 · 离线').waitFor();
  });

  it('[C5][C1][Q3] hall settings: the supervisor changes what the density limit depends on and the priority ratio; the lobby and the calls follow', async () => {
    const desk = await admin();
    const hall = await createHall(desk, {
      id: 'desk-four',
      name: '北区分中心',
      categories: { A: ['综合受理', 'General'] },
      windows: { 1: ['A'] },
      capacity: { floorAreaM2: 300, areaPerPersonM2: 10, staffOnFloor: 2, holdingCapacity: 20, batchSize: 5 },
    });
    const clerkPassword = await createHallStaff(desk, 'desk-four', 'four-zhou', 'clerk', '周敏');
    const boss = await createHallStaff(desk, 'desk-four', 'four-lin', 'supervisor', '林主任');
    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.goto(`${suite.server.url}/display/lobby?device=${await pairScreen(desk, 'desk-four', 'lobby')}`);
    await lobby.getByTestId('occupancy').getByText('/ 28').waitFor();

    const supervisor = await signedIn('four-lin', boss, '#settings');
    const crowd = supervisor.getByTestId('crowd-settings');
    expect(await crowd.getByTestId('capacity-result').innerText()).toBe('按此设置可容纳 28 人');
    await crowd.getByTestId('floor-area').fill('500');
    await crowd.getByTestId('area-per-person').fill('5');
    await crowd.getByTestId('staff-on-floor').fill('4');
    await crowd.getByTestId('capacity-result').getByText('按此设置可容纳 96 人').waitFor();
    await crowd.getByTestId('max-occupancy').fill('80');
    await crowd.getByTestId('capacity-result').getByText('按此设置可容纳 76 人').waitFor();
    await crowd.getByTestId('holding-capacity').fill('40');
    await crowd.getByTestId('batch-size').fill('8');
    await crowd.getByTestId('auto-mode').selectOption('auto');
    await crowd.getByRole('button', { name: '保存' }).click();
    await crowd.getByRole('status').waitFor();
    await lobby.getByTestId('occupancy').getByText('/ 76').waitFor();
    const saved = await desk<HallPolicies>('GET', '/api/halls/desk-four/policies');
    expect(saved.capacity).toEqual({ floorAreaM2: 500, areaPerPersonM2: 5, maxOccupancy: 80, staffOnFloor: 4, holdingCapacity: 40, batchSize: 8 });
    expect(saved.crowd.autoMode).toBe('auto');
    await screenshot(supervisor, SUITE, 'supervisor-crowd-settings');
    // No maximum: the capacity follows from the area again.
    await crowd.getByTestId('max-occupancy').fill('');
    await crowd.getByRole('button', { name: '保存' }).click();
    await lobby.getByTestId('occupancy').getByText('/ 96').waitFor();

    // One normal ticket per priority one instead of two.
    const calling = supervisor.getByTestId('calling-policy');
    expect(await calling.getByTestId('normal-per-priority').inputValue()).toBe('2');
    await calling.getByTestId('normal-per-priority').fill('1');
    await calling.getByRole('button', { name: '保存' }).click();
    await calling.getByRole('status').waitFor();
    await calling.scrollIntoViewIfNeeded();
    await screenshot(supervisor, SUITE, 'supervisor-calling-policy');

    for (const priority of [false, false, true, true]) await desk('POST', '/api/halls/desk-four/tickets', { categoryId: hall.categoryId('A'), ...(priority ? { priority, priorityReason: 'age65' } : {}) }); // A001 A002 normal, A003 A004 priority
    const clerk = await clerkAt('four-zhou', clerkPassword, '1号窗口');
    const calls: string[] = [];
    for (let i = 0; i < 4; i++) {
      await press(clerk, 'F1', 'call-next');
      await current(clerk).getByText(/^A00\d$/).waitFor();
      calls.push(await current(clerk).innerText());
      await press(clerk, 'F4', 'complete');
      await current(clerk).getByText('—').waitFor();
    }
    expect(calls).toEqual(['A003', 'A001', 'A004', 'A002']); // P N P N (with two per priority: P N N P)
  });
});
