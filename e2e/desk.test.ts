import type { ApiClient, TicketResponse } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { createHall, createHallStaff, pairScreen } from './support/halls.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** Windows and the desk: each test works in a hall of its own, and every clerk or supervisor action goes through the page. */
const SUITE = 'desk';
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
  await openWindow(page, windowLabel);
  return page;
}

async function openWindow(page: Page, windowLabel: string): Promise<void> {
  await page.getByTestId('window-select').selectOption({ label: windowLabel });
  await page.getByTestId('window-open').click();
  await page.getByTestId('call-next').waitFor();
}

const current = (page: Page) => page.getByTestId('current-ticket-number');
/** An F-key acts as its button does, so it is pressed once that button is ready (the previous command answered). */
async function press(page: Page, key: 'F1' | 'F2' | 'F3' | 'F4', button: string): Promise<void> {
  await page.locator(`[data-testid="${button}"]:enabled`).waitFor();
  await page.keyboard.press(key);
}
const waitingTicket = (page: Page, prefix: string, number: string) => page.getByTestId(`waiting-${prefix}`).getByRole('button', { name: new RegExp(`^${number}`) });

describe('windows and the desk', () => {
  it('[Q7][T6][T5][W3] a clerk calls the ticket they click, sends a case to one window, puts a returning no-show back, and closes the window', async () => {
    const desk = await admin();
    const hall = await createHall(desk, {
      id: 'desk-one',
      name: '东区分中心',
      categories: { A: ['综合受理', 'General'], B: ['税务', 'Tax'] },
      windows: { 1: ['A', 'B'], 2: ['B'] },
    });
    const first = await createHallStaff(desk, 'desk-one', 'one-zhou', 'clerk', '周敏');
    const second = await createHallStaff(desk, 'desk-one', 'one-wu', 'clerk', '吴刚');
    for (let i = 0; i < 3; i++) await desk<TicketResponse>('POST', '/api/halls/desk-one/tickets', { categoryId: hall.categoryId('A') }); // A001–A003

    const one = await clerkAt('one-zhou', first, '1号窗口');
    const two = await clerkAt('one-wu', second, '2号窗口');

    // Q7: the clerk clicks A003 in the waiting list; while it is called, the list cannot call another.
    await waitingTicket(one, 'A', 'A003').click();
    await current(one).getByText('A003').waitFor();
    expect(await waitingTicket(one, 'A', 'A001').isDisabled()).toBe(true);
    await screenshot(one, SUITE, 'clerk-called-chosen');

    // T6: sent to window 2, which alone may call it now (Q6) and shows it as sent there.
    await one.getByTestId('transfer-category').selectOption({ label: '2号窗口 · B' });
    await one.getByTestId('transfer').click();
    await current(one).getByText('—').waitFor();
    await waitingTicket(two, 'B', 'A003').getByText('转本窗口').waitFor();
    expect(await one.getByTestId('waiting-A').innerText()).not.toContain('A003');
    expect(await one.getByTestId('waiting-B').count()).toBe(0);
    await waitingTicket(two, 'B', 'A003').click();
    await current(two).getByText('A003').waitFor();

    // T5: A001 does not come (F3); they return, and the clerk puts them back at their place.
    await press(one, 'F1', 'call-next');
    await current(one).getByText('A001').waitFor();
    await press(one, 'F3', 'no-show');
    await current(one).getByText('—').waitFor();
    await one.getByTestId('no-shows').getByRole('button', { name: '回队' }).click();
    await one.getByRole('status').getByText('A001 已回到原位').waitFor();
    await one.getByTestId('no-shows').waitFor({ state: 'detached' });
    expect(await one.getByTestId('waiting-A').getByRole('button').allInnerTexts()).toEqual(['A001', 'A002']);
    await press(one, 'F1', 'call-next');
    await current(one).getByText('A001').waitFor();

    // W3: the clerk closes the window: the console asks for a window again, and A001 is first in line once more.
    await one.getByTestId('close-window').click();
    await one.getByTestId('window-select').waitFor();
    const configuration = await desk<{ windows: { number: number; state: string; clerkName: string | null }[] }>('GET', '/api/halls/desk-one/configuration');
    expect(configuration.windows.find((w) => w.number === 1)).toMatchObject({ state: 'closed', clerkName: null });
    await openWindow(one, '1号窗口');
    expect(await one.getByTestId('waiting-A').getByRole('button').allInnerTexts()).toEqual(['A001', 'A002']);
  });

  it('[W3][Q2] signing out closes the window: the called visitor is first in line again, the window screen and lobby stop showing the clerk; a supervisor closes an abandoned window', async () => {
    const desk = await admin();
    const hall = await createHall(desk, { id: 'desk-two', name: '西区分中心', categories: { A: ['综合受理', 'General'] }, windows: { 1: ['A'], 2: ['A'] } });
    const first = await createHallStaff(desk, 'desk-two', 'two-zhou', 'clerk', '周敏');
    const second = await createHallStaff(desk, 'desk-two', 'two-wu', 'clerk', '吴刚');
    const boss = await createHallStaff(desk, 'desk-two', 'two-lin', 'supervisor', '林主任');
    for (let i = 0; i < 2; i++) await desk('POST', '/api/halls/desk-two/tickets', { categoryId: hall.categoryId('A') }); // A001, A002
    const windowScreen = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await windowScreen.goto(`${suite.server.url}/display/window/1?device=${await pairScreen(desk, 'desk-two', 'window', 1)}`);
    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.goto(`${suite.server.url}/display/lobby?device=${await pairScreen(desk, 'desk-two', 'lobby')}`);

    const one = await clerkAt('two-zhou', first, '1号窗口');
    await press(one, 'F1', 'call-next');
    await current(one).getByText('A001').waitFor();
    await windowScreen.getByTestId('window-ticket').getByText('A001').waitFor();
    await windowScreen.getByText('工作人员 周敏').waitFor();
    await lobby.getByTestId('current-call-number').getByText('A001').waitFor();
    expect(await lobby.getByTestId('waiting-A').innerText()).toContain('1 人');

    // The clerk signs out in the middle of the call.
    await one.getByRole('button', { name: '退出' }).click();
    await one.getByTestId('login-submit').waitFor();
    await windowScreen.getByTestId('window-state').getByText('暂停办理').waitFor();
    expect(await windowScreen.getByText('工作人员').count()).toBe(0);
    await lobby.getByTestId('current-call-number').waitFor({ state: 'detached' });
    await lobby.getByTestId('waiting-A').getByText('2 人').waitFor();
    expect(await lobby.getByTestId('wait-A').innerText()).toBe('暂无窗口办理');
    await screenshot(windowScreen, SUITE, 'window-closed-after-sign-out');

    // Another clerk at window 2 calls A001 first: it kept its place (Q2). Then they leave without signing out.
    const two = await clerkAt('two-wu', second, '2号窗口');
    await press(two, 'F1', 'call-next');
    await current(two).getByText('A001').waitFor();
    await two.close();

    // The supervisor sees the abandoned window in the overview and closes it.
    const supervisor = await signedIn('two-lin', boss, '#windows');
    const row = supervisor.getByTestId('overview-window-2');
    await row.getByTestId('overview-clerk').getByText('吴刚').waitFor();
    expect(await row.getByTestId('overview-current').innerText()).toContain('A001');
    await row.getByTestId('overview-close').click();
    await row.getByTestId('overview-state').getByText('已关闭').waitFor();
    expect(await row.getByTestId('overview-clerk').innerText()).toBe('—');
    expect(await row.getByTestId('overview-current').innerText()).toBe('—');
    await lobby.getByTestId('waiting-A').getByText('2 人').waitFor();
    await lobby.getByTestId('current-call-number').waitFor({ state: 'detached' });
  });

  it('[Q9][L7][T6] the visitor\'s phone counts who will really be called first, and after a transfer says where to go', async () => {
    const desk = await admin();
    const hall = await createHall(desk, {
      id: 'desk-five',
      name: '高新区分中心',
      categories: { C: ['社保医保', 'Social insurance'], D: ['住房公积金', 'Housing fund'] },
      windows: { 1: ['C', 'D'], 2: ['D'] },
    });
    const first = await createHallStaff(desk, 'desk-five', 'five-zhou', 'clerk', '周敏');
    const second = await createHallStaff(desk, 'desk-five', 'five-wu', 'clerk', '吴刚');
    // D001 came first; window 1 serves C before D (Q5), and a priority visitor (C004) comes first there (Q3).
    const mine = await desk<TicketResponse>('POST', '/api/halls/desk-five/tickets', { categoryId: hall.categoryId('D') });
    for (let i = 0; i < 3; i++) await desk('POST', '/api/halls/desk-five/tickets', { categoryId: hall.categoryId('C') });
    await desk('POST', '/api/halls/desk-five/tickets', { categoryId: hall.categoryId('C'), priority: true, priorityReason: 'age65' });

    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${suite.server.url}/t/${mine.phoneToken}`);
    const position = phone.getByTestId('phone-position');
    const one = await clerkAt('five-zhou', first, '1号窗口');
    await position.getByText('前面还有 4 人').waitFor();
    await screenshot(phone, SUITE, 'phone-four-ahead');

    // The window calls exactly those four first, and the phone counts down with it.
    const calls: string[] = [];
    for (const left of [3, 2, 1, 0]) {
      await press(one, 'F1', 'call-next');
      await current(one).getByText(/^C00\d$/).waitFor();
      calls.push(await current(one).innerText());
      await position.getByText(`前面还有 ${left} 人`).waitFor();
      await press(one, 'F4', 'complete');
      await current(one).getByText('—').waitFor();
    }
    expect(calls).toEqual(['C004', 'C001', 'C002', 'C003']);
    await press(one, 'F1', 'call-next');
    await current(one).getByText('D001').waitFor();
    await phone.getByTestId('phone-window').getByText('1 号窗口').waitFor();

    // Sent to window 2 (closed for now; the list says so): the phone says to wait for window 2.
    await one.getByTestId('transfer-category').selectOption({ label: '2号窗口 · D · 已关闭' });
    await one.getByTestId('transfer').click();
    await phone.getByTestId('phone-transfer').getByText('已转到 2 号窗口，请等候该窗口叫号').waitFor();
    await position.getByText('前面还有 0 人').waitFor();
    await screenshot(phone, SUITE, 'phone-transferred-to-window');

    // Window 2 calls it and sends it on to social insurance: the phone names the new service.
    const two = await clerkAt('five-wu', second, '2号窗口');
    await waitingTicket(two, 'D', 'D001').click();
    await phone.getByTestId('phone-window').getByText('2 号窗口').waitFor();
    await two.getByTestId('transfer-category').selectOption({ label: 'C · 社保医保' });
    await two.getByTestId('transfer').click();
    await phone.getByTestId('phone-transfer').getByText('已转到「社保医保」，请等候叫号').waitFor();
    expect(await phone.getByTestId('phone-state').innerText()).toContain('等候叫号');
    await screenshot(phone, SUITE, 'phone-transferred-to-service');
  });
});
