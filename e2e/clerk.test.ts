import type { TicketResponse } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signIn, signInAdmin } from './support/api.ts';
import { ADMIN_PASSWORD } from './support/server.ts';
import { screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'clerk';
const suite = useServerAndBrowser();

async function clerkAt(username: string, password: string, windowLabel: string): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${suite.server.url}/clerk/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('window-select').selectOption({ label: windowLabel });
  await page.getByTestId('window-open').click();
  await page.getByTestId('call-next').waitFor();
  return page;
}

const current = (page: Page) => page.getByTestId('current-ticket-number');

describe('two clerks at their windows', () => {
  it('[Q3][T6][K3][F2] priority first, a transfer, a bundle routed across two windows, and a rating', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const firstPassword = await createStaff(admin, 'clerk-f', 'clerk', '周敏');
    const secondPassword = await createStaff(admin, 'clerk-c', 'clerk', '吴刚');
    const { api: desk } = await signIn(suite.server.url, 'clerk-f', firstPassword);
    await desk('POST', '/api/halls/demo/tickets', { categoryId: 'demo-D' }); // D001
    await desk('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C' }); // C001
    await desk('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C', priority: true, priorityReason: 'age65' }); // C002, 绿色通道
    const bundle = await desk<TicketResponse>('POST', '/api/halls/demo/tickets', { bundleId: 'demo-newborn' }); // F001
    expect(bundle.ticket.number).toBe('F001');

    const first = await clerkAt('clerk-f', firstPassword, '7号窗口'); // serves F, C
    const second = await clerkAt('clerk-c', secondPassword, '4号窗口'); // serves C, D

    // Window 7: the priority visitor comes first (F1 works as the button does).
    await first.keyboard.press('F1');
    await current(first).getByText('C002').waitFor();
    await first.getByTestId('complete').click();
    await current(first).getByText('—').waitFor();
    // Then the bundle, its first item (household registration) at window 7.
    await first.getByTestId('call-next').click();
    await current(first).getByText('F001').waitFor();
    await first.getByTestId('ticket-items').getByText('新生儿户口登记').waitFor();
    await screenshot(first, SUITE, 'window7-bundle');
    await first.getByTestId('complete').click();
    await current(first).getByText('—').waitFor();

    // Window 4: C001 is transferred to housing fund (D), keeping its place.
    await second.getByTestId('call-next').click();
    await current(second).getByText('C001').waitFor();
    await second.getByTestId('transfer-category').selectOption({ label: 'D · 住房公积金' });
    await second.getByTestId('transfer').click();
    await current(second).getByText('—').waitFor();
    // The bundle arrives at window 4 for its insurance items.
    await second.getByTestId('call-next').click();
    await current(second).getByText('F001').waitFor();
    await second.getByTestId('ticket-items').getByText('✓ 已办结').waitFor();
    await screenshot(second, SUITE, 'window4-bundle-second-step');
    await second.keyboard.press('F4');
    await current(second).getByText('—').waitFor();
    // The transferred ticket keeps its original time: it comes before nobody later, after D001 which was earlier.
    await second.getByTestId('call-next').click();
    await current(second).getByText('D001').waitFor();
    await second.getByTestId('complete').click();
    await second.getByTestId('call-next').click();
    await current(second).getByText('C001').waitFor();
    await second.getByTestId('complete').click();

    // The visitor rates the bundle from the phone; window 4's figures show it.
    await fetch(`${suite.server.url}/api/public/tickets/${bundle.phoneToken}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ level: 5 }),
    });
    await second.getByTestId('average-rating').getByText('5').waitFor();
    expect(await second.getByTestId('served-today').innerText()).toBe('3');
    await screenshot(second, SUITE, 'window4-figures');
  });

  it('[F5][A11][H1][S6][Q5] a supervisor reads the day live and changes the hall policies; a wrong entry is named and nothing is saved', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'supervisor-e2e', 'supervisor', '林主任');
    const { api: supervisorApi } = await signIn(suite.server.url, 'supervisor-e2e', password);
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${suite.server.url}/clerk/#reports`);
    await page.getByTestId('login-username').fill('supervisor-e2e');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();

    // A service of this test's own, finished and rated 非常满意 (set up through the API: the page under test is the report).
    const reportClerkPassword = await createStaff(admin, 'report-clerk', 'clerk', '赵报表');
    const { api: reportClerk } = await signIn(suite.server.url, 'report-clerk', reportClerkPassword);
    const served = await reportClerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-D' });
    // A window of its own, so whatever other tests left at theirs does not matter.
    const configured = await admin<{ windows: { id: string; number: number }[] }>('POST', '/api/halls/demo/windows', { number: 31, categoryIds: ['demo-D'] });
    const windowId = configured.windows.find((w) => w.number === 31)!.id;
    const opened = await reportClerk<{ window: { id: string } }>('POST', `/api/halls/demo/windows/${windowId}/open`);
    await reportClerk('POST', `/api/halls/demo/windows/${opened.window.id}/call`, { ticketId: served.ticket.id });
    await reportClerk('POST', `/api/halls/demo/tickets/${served.ticket.id}/complete`);
    await fetch(`${suite.server.url}/api/public/tickets/${served.phoneToken}/rating`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ level: 5 }) });
    await reportClerk('POST', `/api/halls/demo/windows/${opened.window.id}/close`);
    // The page shows the day as the server counts it, whatever else this hall did today, and follows it live.
    const report = await supervisorApi<{ categories: { issued: number }[]; ratings: { level: number; count: number }[] }>('GET', '/api/halls/demo/reports/daily');
    const issued = report.categories.reduce((sum, c) => sum + c.issued, 0);
    const excellent = report.ratings.find((r) => r.level === 5)!.count;
    expect(excellent).toBeGreaterThanOrEqual(1);
    await page.getByTestId('kpi-issued').getByText(String(issued), { exact: true }).waitFor();
    expect(await page.getByTestId('rating-5').innerText()).toContain(String(excellent));
    expect(await page.getByTestId('report-table').innerText()).toContain('住房公积金');
    await supervisorApi('POST', '/api/halls/demo/tickets', { categoryId: 'demo-A' });
    await page.getByTestId('kpi-issued').getByText(String(issued + 1), { exact: true }).waitFor();
    await screenshot(page, SUITE, 'supervisor-reports');

    await page.getByTestId('tab-settings').click();
    const appointments = page.getByTestId('appointment-settings');
    await appointments.getByTestId('walk-ins').selectOption('appointment_only');
    await appointments.getByTestId('places-per-slot').fill('8');
    await appointments.getByRole('button').click();
    await appointments.getByRole('status').waitFor();
    const settings = await supervisorApi<{ walkIns: string; placesPerSlot: number; lateArrivals: string }>('GET', '/api/halls/demo/appointment-settings');
    expect(settings).toMatchObject({ walkIns: 'appointment_only', placesPerSlot: 8, lateArrivals: 'on_site_if_free' });

    const hours = page.getByTestId('opening-hours');
    await hours.getByTestId('hours-wed').fill('8:30-17:30');
    await hours.getByRole('button', { name: '保存' }).click();
    await hours.getByRole('alert').getByText('周三').waitFor();
    const before = await supervisorApi<{ hours: { weekly: { wed: unknown[] }; extendedMinutes: number } }>('GET', '/api/halls/demo/policies');
    expect(before.hours.extendedMinutes).toBe(30);
    await hours.getByTestId('hours-wed').fill('08:30-12:00, 13:00-17:30');
    await hours.getByTestId('extended-minutes').fill('45');
    await hours.getByRole('button', { name: '保存' }).click();
    await hours.getByRole('status').waitFor();
    const after = await supervisorApi<{ hours: { weekly: { wed: unknown[] }; extendedMinutes: number } }>('GET', '/api/halls/demo/policies');
    expect(after.hours).toMatchObject({ extendedMinutes: 45, weekly: { wed: [{ open: '08:30', close: '12:00' }, { open: '13:00', close: '17:30' }] } });

    await page.getByTestId('fever-threshold').fill('37.5');
    await page.getByTestId('screening-policy').getByRole('button').click();
    await page.getByTestId('screening-policy').getByRole('status').waitFor();
    expect((await supervisorApi<{ screening: { feverThresholdC: number } }>('GET', '/api/halls/demo/policies')).screening.feverThresholdC).toBe(37.5);
    // A new queue, served first at window 8 (which served B then G).
    const windows = page.getByTestId('windows-form');
    await windows.getByLabel('取号字母').fill('h');
    await windows.getByLabel('中文名称').fill('出入境');
    await windows.getByLabel('英文名称').fill('Exit and entry');
    await windows.getByRole('button', { name: '添加业务' }).click();
    await windows.getByText('H 出入境').waitFor();
    const row8 = windows.getByTestId('window-row-8');
    expect(await row8.getByRole('textbox').inputValue()).toBe('B G');
    await row8.getByRole('textbox').fill('H B Q');
    await row8.getByRole('button').click();
    await windows.getByRole('alert').getByText('Q').waitFor();
    await row8.getByRole('textbox').fill('H B G');
    await row8.getByRole('button').click();
    await windows.getByRole('status').waitFor();
    const configuration = await supervisorApi<{ categories: { id: string; prefix: string }[]; windows: { number: number; categoryIds: string[] }[] }>('GET', '/api/halls/demo/configuration');
    const idOf = (prefix: string) => configuration.categories.find((c) => c.prefix === prefix)!.id;
    expect(configuration.windows.find((w) => w.number === 8)!.categoryIds).toEqual([idOf('H'), idOf('B'), idOf('G')]);

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, SUITE, 'supervisor-settings');
  });

  it('[A17][L8][A8] an admin adds a door account and pairs a lobby screen; revoking it tells the screen at once; a new hall and switching halls', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${suite.server.url}/clerk/#people`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();

    const create = page.getByTestId('create-staff');
    await create.getByLabel('用户名').fill('door-zhou');
    await create.getByLabel('姓名').fill('周门岗');
    await create.getByLabel('角色').selectOption({ label: '门岗' });
    await create.getByLabel('初始密码').fill('door-password-1');
    await create.getByRole('button').click();
    await page.getByTestId('staff-door-zhou').waitFor();
    expect((await signIn(suite.server.url, 'door-zhou', 'door-password-1')).token).toBeTruthy();

    await page.getByTestId('device-name').fill('大厅东侧屏');
    await page.getByTestId('device-kind').selectOption('lobby');
    await page.getByTestId('pair-device').click();
    const link = await page.getByTestId('device-link').innerText();
    expect(link).toMatch(/\/display\/lobby\?device=/);
    await screenshot(page, SUITE, 'admin-people');

    const lobby = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await lobby.goto(link);
    await lobby.getByTestId('lobby').waitFor();
    await page.getByTestId('device-row').filter({ hasText: '大厅东侧屏' }).getByTestId('revoke-device').click();
    await lobby.getByTestId('screen-revoked').waitFor({ timeout: 5_000 });
    await screenshot(lobby, SUITE, 'lobby-revoked');

    // A second hall: the admin creates it, works in it at once, and switches back.
    const hallForm = page.getByTestId('create-hall');
    await hallForm.getByLabel('大厅标识').fill('north');
    await hallForm.getByLabel('中文名称').fill('北区分中心');
    await hallForm.getByLabel('英文名称').fill('North Branch');
    await hallForm.getByRole('button').click();
    await page.getByTestId('hall-switch').getByRole('option', { name: '北区分中心' }).waitFor({ state: 'attached' });
    await expect.poll(() => page.getByTestId('hall-switch').inputValue()).toBe('north');
    await page.getByTestId('devices-panel').getByText('大厅东侧屏').waitFor({ state: 'detached' }); // north has no screens
    await page.getByTestId('hall-switch').selectOption('demo');
    await page.getByTestId('devices-panel').getByText('大厅东侧屏').waitFor();
  });
});
