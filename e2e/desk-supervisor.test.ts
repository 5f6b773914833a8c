import type { ApiClient } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { createHall, createHallStaff } from './support/halls.ts';
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
});
