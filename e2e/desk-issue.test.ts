import type { HallSnapshot } from '@hallflow/shared';
import type { ApiClient } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signInAdmin } from './support/api.ts';
import { publishScreenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

/** The information desk (导办台) in the clerk console: every step through the page, as the staff member at the desk works. */
const SUITE = 'desk-issue';
const suite = useServerAndBrowser();
let adminApi: ApiClient | null = null;
const admin = async () => (adminApi ??= (await signInAdmin(suite.server.url)).api);

async function signedIn(username: string, role: 'clerk' | 'supervisor'): Promise<Page> {
  const password = await createStaff(await admin(), username, role, role === 'clerk' ? '王导办' : '林主任');
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${suite.server.url}/clerk/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  return page;
}

async function atDesk(username: string): Promise<Page> {
  const page = await signedIn(username, 'clerk');
  await page.getByTestId('tab-desk').click();
  await page.getByTestId('desk-panel').waitFor();
  return page;
}

const chooseService = (page: Page, label: string) => page.getByTestId('desk-service').selectOption({ label });

describe('the information desk', () => {
  it('[DK1][DK2][DK4] the desk issues a priority ticket for a one-window bundle, only once its reason is chosen, and shows the people ahead, the wait and the printouts', async () => {
    const page = await atDesk('desk-wang');
    // Nothing chosen: the page says what is missing and sends nothing.
    await page.getByTestId('desk-issue').click();
    await page.getByTestId('desk-error').getByText('请选择办理事项').waitFor();

    await chooseService(page, '开饭店一件事（一窗联办）');
    await page.getByTestId('desk-size-2').check();
    await page.getByTestId('desk-priority').check();
    await page.getByTestId('desk-issue').click();
    await page.getByTestId('desk-error').getByText('请选择绿色通道原因').waitFor();
    // DK3: the hall offers every reason by default.
    expect(await page.getByTestId('desk-reasons').getByRole('radio').count()).toBe(5);
    await page.getByTestId('desk-reason-age65').check();
    await page.getByTestId('desk-issue').click();

    const result = page.getByTestId('desk-result');
    await result.getByTestId('desk-ticket-number').getByText('G001').waitFor();
    expect(await result.getByTestId('desk-service-name').innerText()).toBe('开饭店一件事');
    expect(await result.getByTestId('desk-priority-mark').innerText()).toBe('绿色通道 · 65岁及以上老人');
    expect(await result.getByTestId('desk-ahead').innerText()).toBe('前面还有 0 人');
    expect(await result.getByTestId('desk-wait').innerText()).toBe('暂无窗口办理，无法估计等候时间');
    expect(await result.getByTestId('desk-print-80').getAttribute('href')).toMatch(/^\/t\/[\w-]+\/print\?paper=80$/);
    expect(await result.getByTestId('desk-print-58').getAttribute('href')).toMatch(/^\/t\/[\w-]+\/print\?paper=58$/);
    await publishScreenshot(page, SUITE, 'desk-priority');

    // What the server recorded: a priority ticket of two at the comprehensive queue (K2), with its reason.
    const snapshot = await (await admin())<HallSnapshot>('GET', '/api/halls/demo/snapshot');
    expect(snapshot.tickets.find((t) => t.number === 'G001')).toMatchObject({ categoryId: 'demo-G', priority: true, priorityReason: 'age65', partySize: 2 });
  });

  it('[DK5][K3] a routed bundle issued at the desk starts at its first item\'s queue, behind the visitors already there', async () => {
    const page = await atDesk('desk-li');
    await chooseService(page, '居住证办理');
    await page.getByTestId('desk-issue').click();
    await page.getByTestId('desk-result').getByTestId('desk-ticket-number').getByText('F001').waitFor();
    await page.getByTestId('desk-next').click();

    await chooseService(page, '新生儿出生一件事（分窗流转）');
    await page.getByTestId('desk-issue').click();
    const result = page.getByTestId('desk-result');
    await result.getByTestId('desk-ticket-number').getByText('F002').waitFor();
    expect(await result.getByTestId('desk-category').innerText()).toContain('F ');
    expect(await result.getByTestId('desk-ahead').innerText()).toBe('前面还有 1 人');
    expect(await result.getByTestId('desk-priority-mark').count()).toBe(0);
    const snapshot = await (await admin())<HallSnapshot>('GET', '/api/halls/demo/snapshot');
    expect(snapshot.tickets.find((t) => t.number === 'F002')).toMatchObject({ categoryId: 'demo-F', priority: false });
  });

  it('[DK3] a supervisor chooses the reasons the desk offers in the hall settings; the open desk offers only those at once', async () => {
    const page = await atDesk('desk-zhao');
    await page.getByTestId('desk-priority').check();
    expect(await page.getByTestId('desk-reasons').getByRole('radio').count()).toBe(5);

    const supervisor = await signedIn('desk-lin', 'supervisor');
    await supervisor.getByTestId('tab-settings').click();
    const calling = supervisor.getByTestId('calling-policy');
    await calling.getByTestId('priority-reason-military').uncheck();
    await calling.getByTestId('priority-reason-other').uncheck();
    await calling.getByRole('button', { name: '保存' }).click();
    await calling.getByRole('status').waitFor();

    await page.getByTestId('desk-reason-military').waitFor({ state: 'detached' });
    const offered = await page.getByTestId('desk-reasons').getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(offered).toEqual(['age65', 'disability', 'pregnancy']);
    const policies = await (await admin())<{ calling: { priorityReasons?: string[] } }>('GET', '/api/halls/demo/policies');
    expect(policies.calling.priorityReasons).toEqual(['age65', 'disability', 'pregnancy']);
  });
});
