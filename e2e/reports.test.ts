import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceCatalogue, TicketResponse } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, signIn, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { ADMIN_PASSWORD, ROOT } from './support/server.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'reports';
const suite = useServerAndBrowser();

/** Keeps a screenshot for the README. */
async function publish(page: Page, name: string) {
  const path = await screenshot(page, SUITE, name);
  mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
  copyFileSync(path, join(ROOT, 'docs', 'screenshots', `${name}.png`));
}

async function openConsole(tab: string, username = 'admin', password = ADMIN_PASSWORD, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await suite.browser.newPage({ viewport });
  await page.goto(`${suite.server.url}/clerk/#${tab}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  return page;
}

describe('catalogue administration in the clerk console', () => {
  it('[CA1][CA2][CA3] an admin adds an item and a bundle with their before figures, and retires the item', async () => {
    const page = await openConsole('catalogue');
    const itemForm = page.getByTestId('item-form');
    await itemForm.getByTestId('item-name').fill('小餐饮登记');
    await itemForm.getByTestId('item-name-en').fill('Small eatery registration');
    await itemForm.getByTestId('item-queue').selectOption('demo-B');
    await itemForm.getByTestId('item-minutes').fill('12');
    await itemForm.getByTestId('item-materials').fill('本人身份证原件 · ID card\n经营场所证明 · Proof of premises');
    await itemForm.getByTestId('before-materials').fill('6');
    await itemForm.getByTestId('before-steps').fill('2');
    await itemForm.getByTestId('before-days').fill('10');
    // Three of four figures: named in Chinese, nothing sent.
    await itemForm.getByTestId('save-item').click();
    await page.getByTestId('items-panel').getByRole('alert').getByText('四项须全部填写').waitFor();
    await itemForm.getByTestId('before-trips').fill('3');
    await itemForm.getByTestId('legal-days').fill('3');
    await itemForm.getByTestId('save-item').click();
    await page.getByTestId('items-panel').getByRole('status').getByText('已保存事项 小餐饮登记').waitFor();
    await page.getByTestId('items-panel').getByText('6 · 2 · 10 · 3').waitFor();

    const bundleForm = page.getByTestId('bundle-form');
    await bundleForm.getByTestId('bundle-name').fill('小餐饮开业一件事');
    await bundleForm.getByTestId('bundle-name-en').fill('Open a small eatery');
    await bundleForm.getByTestId('bundle-mode').selectOption('routed');
    await bundleForm.getByTestId('bundle-items').getByText('营业执照设立登记').click();
    await bundleForm.getByTestId('bundle-items').getByText('小餐饮登记').click();
    await bundleForm.getByTestId('before-materials').fill('12');
    await bundleForm.getByTestId('before-steps').fill('3');
    await bundleForm.getByTestId('before-days').fill('20');
    await bundleForm.getByTestId('before-trips').fill('5');
    await bundleForm.getByTestId('legal-days').fill('5');
    await bundleForm.getByTestId('save-bundle').click();
    await page.getByTestId('bundles-panel').getByRole('status').getByText('已保存一件事 小餐饮开业一件事').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await publish(page, 'catalogue-admin');

    const { api } = await signInAdmin(suite.server.url);
    const catalogue = await api<ServiceCatalogue>('GET', '/api/halls/demo/services');
    const item = catalogue.items.find((i) => i.name === '小餐饮登记')!;
    expect(item).toMatchObject({ typicalMinutes: 12, before: { materials: 6, steps: 2, days: 10, trips: 3 }, legalDays: 3, materials: ['本人身份证原件 · ID card', '经营场所证明 · Proof of premises'] });
    expect(catalogue.bundles.find((b) => b.name === '小餐饮开业一件事')).toMatchObject({ mode: 'routed', categoryId: null, itemIds: ['demo-business-licence', item.id], before: { materials: 12, steps: 3, days: 20, trips: 5 }, legalDays: 5 });

    // The item is in an offered bundle: retiring it is refused, with the reason shown.
    await page.getByTestId(`item-row-${item.id}`).getByRole('button', { name: '停办' }).click();
    await page.getByTestId('items-panel').getByRole('alert').getByText('仍属于在办的一件事').waitFor();
  });
});

describe('差评整改 in the clerk console', () => {
  it('[FU1][FU2][FU3][FU4] a 非常不满意 rating becomes a case its supervisor follows up to closed', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const supervisorPassword = await createStaff(admin, 'fu-supervisor', 'supervisor', '林主任');
    const clerkPassword = await createStaff(admin, 'fu-clerk', 'clerk', '周敏');
    const { api: clerk } = await signIn(suite.server.url, 'fu-clerk', clerkPassword);
    const issued = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C' });
    await clerk('POST', '/api/halls/demo/windows/demo-w4/open');
    await clerk('POST', '/api/halls/demo/windows/demo-w4/call-next');
    await clerk('POST', `/api/halls/demo/tickets/${issued.ticket.id}/complete`);
    const rated = await fetch(`${suite.server.url}/api/public/tickets/${issued.phoneToken}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ level: 1, reasons: ['repeat'], comment: '材料来回补了三次', contactPhone: '13912345678' }),
    });
    expect(rated.status).toBe(200);

    const page = await openConsole('followups', 'fu-supervisor', supervisorPassword);
    await page.getByTestId('fu-cases').getByText('1').waitFor();
    await page.getByTestId(`fu-row-${issued.ticket.number}`).getByText('需多次跑动').waitFor();
    expect(await page.getByTestId('fu-table').innerText()).not.toContain('13912345678');
    await page.getByTestId(`fu-row-${issued.ticket.number}`).click();
    const detail = page.getByTestId('fu-case');
    await detail.getByText('材料来回补了三次').waitFor();
    await detail.getByTestId('fu-show-contact').click();
    await detail.getByTestId('fu-contact').getByText('13912345678').waitFor();
    // Closing too early is refused, with the reason in Chinese.
    await detail.getByTestId('fu-close').click();
    await page.getByRole('alert').getByText('请先记录回访情况').waitFor();
    await detail.getByTestId('fu-contact-note').fill('已电话回访，群众反映材料未一次性告知');
    await detail.getByTestId('fu-record-contact').click();
    await page.getByTestId('fu-follow-up-rate').getByText('100%').waitFor();
    await detail.getByTestId('fu-finding').fill('情况属实：窗口未一次性告知所需材料');
    await detail.getByTestId('fu-justified').check();
    await detail.getByTestId('fu-rectification').fill('推行一次性告知清单，对窗口人员开展培训');
    await detail.getByTestId('fu-save').click();
    await detail.getByTestId('fu-close').click();
    await page.getByTestId(`fu-row-${issued.ticket.number}`).getByText('已办结').waitFor();
    await page.getByTestId('fu-rectification-rate').getByText('100%').waitFor();
    await publish(page, 'follow-ups');
    const { api: supervisorApi } = await signIn(suite.server.url, 'fu-supervisor', supervisorPassword);
    const list = await supervisorApi<{ cases: { status: string; justified: boolean }[] }>('GET', '/api/halls/demo/follow-ups');
    expect(list.cases).toEqual([expect.objectContaining({ status: 'closed', justified: true })]);
  });
});
