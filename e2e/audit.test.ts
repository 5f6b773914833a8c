import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { ADMIN_PASSWORD } from './support/server.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'audit';
const suite = useServerAndBrowser();

describe('the audit log in the clerk console', () => {
  it('[AU2][AU1] an admin adds an account and pairs a screen in the page, then finds both in the audit log, filtered by action and by person', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${suite.server.url}/clerk/#people`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();

    const create = page.getByTestId('create-staff');
    await create.getByLabel('用户名').fill('audit-door');
    await create.getByLabel('姓名').fill('审计门岗');
    await create.getByLabel('角色').selectOption({ label: '门岗' });
    await create.getByLabel('初始密码').fill('audit-password-1');
    await create.getByRole('button').click();
    await page.getByTestId('staff-audit-door').waitFor();
    await page.getByTestId('device-name').fill('审计测试屏');
    await page.getByTestId('device-kind').selectOption('outdoor');
    await page.getByTestId('pair-device').click();
    await page.getByTestId('device-link').waitFor();

    await page.getByTestId('tab-audit').click();
    const table = page.getByTestId('audit-table');
    await table.getByText('createDevice').waitFor();
    expect(await table.innerText()).toContain('createStaff');
    // The password typed into the form is never kept.
    expect(await table.innerText()).not.toContain('audit-password-1');

    // AU2: the operations are named in words (the catalogue), each with its stable id beside it.
    await page.getByTestId('audit-action').selectOption({ label: '新建人员账号' });
    await page.getByTestId('audit-filter').click();
    await expect.poll(async () => (await page.getByTestId('audit-row').allInnerTexts()).every((row) => row.includes('新建人员账号 createStaff'))).toBe(true);
    expect(await page.getByTestId('audit-row').first().innerText()).toContain('audit-door');
    await screenshot(page, SUITE, 'audit-log');

    // Filtered by a person who did nothing yet: the page says so.
    await page.getByTestId('audit-action').selectOption('');
    await page.getByTestId('audit-staff').selectOption({ label: '审计门岗 (audit-door)' });
    await page.getByTestId('audit-filter').click();
    await page.getByTestId('audit-empty').waitFor();
  });
});
