import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceCatalogue, TicketResponse } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStaff, disableDemoAccount, signIn, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { ADMIN_PASSWORD, ROOT, startServer, type RunningServer } from './support/server.ts';
import { buildReportDay, REPORT_DAY_REDUCTIONS, type Driver } from '../server/test/support/report-day.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'reports';
const suite = useServerAndBrowser();

/** The admin's API client on the suite's server, signed in once (sign-ins are limited to ten a minute per address). */
let adminClient: ReturnType<typeof signInAdmin> | null = null;
const suiteAdmin = async () => (await (adminClient ??= signInAdmin(suite.server.url))).api;

/** Keeps a screenshot for the README. */
async function publish(page: Page, name: string) {
  const path = await screenshot(page, SUITE, name);
  mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
  copyFileSync(path, join(ROOT, 'docs', 'screenshots', `${name}.png`));
}

async function openConsole(tab: string, username = 'admin', password = ADMIN_PASSWORD, viewport = { width: 1366, height: 768 }, url = suite.server.url): Promise<Page> {
  const page = await suite.browser.newPage({ viewport });
  await page.goto(`${url}/clerk/#${tab}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  return page;
}

describe('catalogue administration in the clerk console', () => {
  it('[CA1][CA2][CA3][CA5] an admin adds an item and a bundle with their before figures; a queue is renamed and a window taken out of service', async () => {
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

    const api = await suiteAdmin();
    const catalogue = await api<ServiceCatalogue>('GET', '/api/halls/demo/services');
    const item = catalogue.items.find((i) => i.name === '小餐饮登记')!;
    expect(item).toMatchObject({ typicalMinutes: 12, before: { materials: 6, steps: 2, days: 10, trips: 3 }, legalDays: 3, materials: ['本人身份证原件 · ID card', '经营场所证明 · Proof of premises'] });
    expect(catalogue.bundles.find((b) => b.name === '小餐饮开业一件事')).toMatchObject({ mode: 'routed', categoryId: null, itemIds: ['demo-business-licence', item.id], before: { materials: 12, steps: 3, days: 20, trips: 5 }, legalDays: 5 });

    // The item is in an offered bundle: retiring it is refused, with the reason shown.
    await page.getByTestId(`item-row-${item.id}`).getByRole('button', { name: '停办' }).click();
    await page.getByTestId('items-panel').getByRole('alert').getByText('仍属于在办的一件事').waitFor();

    // CA5: a queue renamed in place, and a closed window taken out of service (and back).
    const queue = page.getByTestId('queue-row-D');
    await queue.getByLabel('中文名称').fill('公积金业务');
    await queue.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('queues-panel').getByRole('status').getByText('已保存业务 公积金业务').waitFor();
    await page.getByTestId('window-service-5').getByRole('button', { name: '停用' }).click();
    await page.getByTestId('window-service-5').getByText('已停用').waitFor();
    const configuration = await api<{ categories: { id: string; name: string }[]; windows: { number: number; retired?: true }[] }>('GET', '/api/halls/demo/configuration');
    expect(configuration.categories.find((c) => c.id === 'demo-D')?.name).toBe('公积金业务');
    expect(configuration.windows.find((w) => w.number === 5)?.retired).toBe(true);
    await page.getByTestId('window-service-5').getByRole('button', { name: '恢复使用' }).click();
    await page.getByTestId('window-service-5').getByText('已停用').waitFor({ state: 'detached' });
    await api('PATCH', '/api/halls/demo/categories/demo-D', { name: '住房公积金' });
  });
});

describe('差评整改 in the clerk console', () => {
  it('[FU1][FU2][FU3][FU4] a 非常不满意 rating becomes a case its supervisor follows up to closed', async () => {
    const admin = await suiteAdmin();
    // The case goes to the hall's least busy supervisor: here, the one this test signs in as.
    await disableDemoAccount(admin, 'demo-supervisor');
    const supervisorPassword = await createStaff(admin, 'fu-supervisor', 'supervisor', '林主任');
    const clerkPassword = await createStaff(admin, 'fu-clerk', 'clerk', '周敏');
    const { api: clerk } = await signIn(suite.server.url, 'fu-clerk', clerkPassword);
    const issued = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C' });
    await clerk('POST', '/api/halls/demo/windows/demo-w4/open');
    await clerk('POST', '/api/halls/demo/windows/demo-w4/call-next');
    await clerk('POST', `/api/halls/demo/tickets/${issued.ticket.id}/complete`);
    // The visitor rates on their phone, leaving a number for the 回访.
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${suite.server.url}/t/${issued.phoneToken}`);
    await phone.getByTestId('rate-1').click();
    await phone.getByRole('button', { name: '需多次跑动' }).click();
    await phone.getByTestId('rate-contact').fill('1391234567');
    await phone.getByTestId('rate-send').click();
    await phone.getByText('手机号应为 11 位数字').waitFor();
    await phone.getByTestId('rate-contact').fill('13912345678');
    await publish(phone, 'phone-low-rating-contact');
    await phone.getByTestId('rate-send').click();
    await phone.getByTestId('phone-rated').waitFor();

    const page = await openConsole('followups', 'fu-supervisor', supervisorPassword);
    await page.getByTestId('fu-cases').getByText('1').waitFor();
    await page.getByTestId(`fu-row-${issued.ticket.number}`).getByText('需多次跑动').waitFor();
    expect(await page.getByTestId('fu-table').innerText()).not.toContain('13912345678');
    await page.getByTestId(`fu-row-${issued.ticket.number}`).click();
    const detail = page.getByTestId('fu-case');
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

/** The fixture day of the server tests, driven over HTTP against a real server (whose clock runs on its own). */
async function httpDriver(server: RunningServer): Promise<Driver> {
  const call = async <T>(method: string, url: string, token: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { api: admin } = await signInAdmin(server.url);
  const member = async (role: 'door' | 'clerk' | 'supervisor', username: string) => (await signIn(server.url, username, await createStaff(admin, username, role, username))).token;
  const clerks = [await member('clerk', 'c1'), await member('clerk', 'c2'), await member('clerk', 'c3'), await member('clerk', 'c4'), await member('clerk', 'c5')] as [string, string, string, string, string];
  return {
    call,
    rate: async (token, body) => void (await call('POST', `/api/public/tickets/${token}/rating`, '', body)),
    wait: () => undefined,
    tokens: { door: await member('door', 'door-rp'), clerks },
  };
}

describe('reports and the four reductions of a day with known answers', () => {
  it('[RP1][RP5][RP6][FR2][FR3] the fixture day read in the clerk console: tables, charts, CSV and both screen sizes', async () => {
    const server = await startServer();
    try {
      await buildReportDay(await httpDriver(server));
      const { api: admin } = await signInAdmin(server.url);
      const password = await createStaff(admin, 'rp-supervisor', 'supervisor', '林主任');
      const page = await openConsole('analysis', 'rp-supervisor', password, { width: 1366, height: 768 }, server.url);
      const door = page.getByTestId('table-door');
      await door.getByText('核验人数').waitFor();
      const cells = async (testId: string) => (await page.getByTestId(testId).locator('tbody tr').allInnerTexts()).map((row) => row.split('\t'));
      expect(await cells('table-door')).toEqual([['核验人数', '4'], ['放行人数', '2'], ['劝返人数', '2'], ['发热', '1'], ['复测体温', '1'], ['人工核验（无健康码）', '1']]);
      expect(await cells('table-denied')).toEqual([['红码', '1'], ['发热', '1']]);
      expect(await cells('table-tickets')).toEqual([['取号', '5'], ['办结', '4'], ['过号', '1'], ['转办', '0']]);
      expect((await cells('table-satisfaction-window')).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
        ['1号窗口', '1', '2', '0', '1'],
        ['2号窗口', '1', '5', '100', '0'],
        ['4号窗口', '1', '4', '100', '0'],
        ['5号窗口', '1', '3', '100', '0'],
      ]);
      expect((await cells('table-handling-window')).map((r) => r[0])).toEqual(['1号窗口', '2号窗口', '4号窗口', '5号窗口', '7号窗口']);
      await page.getByTestId('chart-waits').locator('canvas').waitFor();
      await publish(page, 'report-analysis');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await publish(page, 'report-analysis-1920');

      // A range that runs backwards is refused, with the field named.
      await page.getByTestId('report-from').fill('2026-11-26');
      await page.getByRole('alert').getByText('早于起始日期').waitFor();
      await page.getByTestId('report-from').fill('2026-11-25');

      await page.getByTestId('tab-reductions').click();
      const table = page.getByTestId('table-reductions');
      await table.getByText('一件事 · 开饭店一件事').waitFor();
      const rows = await cells('table-reductions');
      const restaurant = rows.find((r) => r[0] === '一件事 · 开饭店一件事')!;
      const expected = REPORT_DAY_REDUCTIONS.find((r) => r.id === 'demo-open-restaurant')!;
      // subject, cases, materials before/now/sum/cut, steps before/now/cut, days …, trips …
      expect(restaurant).toEqual(['一件事 · 开饭店一件事', '1', '25', '7', '13', '72', '4', '1', '75', '16', '1', '93.8', '6', '1', '83.3']);
      expect(expected.now).toEqual({ materials: 7, steps: 1, days: 1, trips: 1 });
      expect(rows.find((r) => r[0] === '一件事 · 新生儿出生一件事')).toEqual(['一件事 · 新生儿出生一件事', '1', '—', '4', '7', '—', '—', '2', '—', '—', '1', '—', '—', '1', '—']);
      await page.getByTestId('chart-reductions').locator('canvas').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), table.getByTestId('table-reductions-csv').click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFF事项/一件事,办件数,原材料,现材料,各事项材料之和,减材料率 %')).toBe(true);
      expect(csv).toContain('一件事 · 开饭店一件事,1,25,7,13,72,4,1,75,16,1,93.8,6,1,83.3');
      await publish(page, 'report-four-reductions');
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, SUITE, 'report-four-reductions-print');
      expect(await page.getByTestId('tab-reductions').isVisible()).toBe(false);
    } finally {
      await server.stop();
    }
  });
});

describe('the live city overview', () => {
  it('[CO1][CO2][CO3][CO4] the city view and the big screen update live when a hall admits a batch', async () => {
    const admin = await suiteAdmin();
    const doorPassword = await createStaff(admin, 'co-door', 'door', '门岗');
    const { api: door } = await signIn(suite.server.url, 'co-door', doorPassword);
    await admin('POST', '/api/halls', { id: 'xinhua', name: '新华街道便民服务中心', nameEn: 'Xinhua Service Centre', floorAreaM2: 200, areaPerPersonM2: 10, holdingCapacity: 10, batchSize: 5 });
    await admin('PATCH', '/api/halls/xinhua', { regionId: 'renmin' });
    const page = await openConsole('city');
    const demoRow = page.getByTestId('city-hall-demo');
    await demoRow.waitFor();
    await page.getByTestId('city-live').waitFor();
    await page.getByTestId('region-central').getByText('中心区').waitFor();
    await page.getByTestId('city-hall-xinhua').getByText('新华街道便民服务中心').waitFor();
    const insideBefore = Number((await demoRow.getByTestId('city-inside').innerText()).split('/')[0]);
    /** The district's 在厅/限流 cell: it adds up every hall in its subtree. */
    const districtInside = async () => (await page.getByTestId('region-central').locator('td').nth(2).innerText()).split('/').map(Number);
    const [districtBefore, districtLimit] = await districtInside();

    const green = { healthCode: 'green', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } };
    await door('POST', '/api/halls/demo/screenings', { name: '陈大文', categoryId: 'demo-C', people: [green, green] });
    await demoRow.getByTestId('city-holding').getByText('2', { exact: true }).waitFor();
    await door('POST', '/api/halls/demo/batches');
    await demoRow.getByTestId('city-inside').getByText(`${insideBefore + 2}/54`).waitFor();
    await demoRow.getByTestId('city-holding').getByText('0', { exact: true }).waitFor();
    // The district adds up its halls: 中心区 holds the demo hall and, two levels down, 新华.
    expect(await districtInside()).toEqual([districtBefore! + 2, districtLimit]);
    expect(districtLimit).toBeGreaterThanOrEqual(54 + 20);
    expect(await page.getByTestId('city-tree').innerText()).not.toContain('陈');
    await publish(page, 'city-overview');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('open-big-screen').click();
    const big = page.getByTestId('big-screen');
    await big.getByTestId('big-hall-demo').waitFor();
    await door('POST', '/api/halls/demo/screenings', { name: '林小梅', categoryId: 'demo-C', people: [green] });
    await door('POST', '/api/halls/demo/batches');
    await big.getByTestId('big-hall-demo').getByText(`${insideBefore + 3}/54`).waitFor();
    await big.getByTestId('big-chart').locator('canvas').waitFor();
    await publish(page, 'city-big-screen');
  });
});

describe('好差评 of a routed 一件事 on the phone', () => {
  it('[F6] the visitor rates each window that served the routed case, one after the other', async () => {
    // The desk and the windows are worked through the API here (as the admin), to stay within the sign-in limit.
    const admin = await suiteAdmin();
    const clerk = admin;
    const issued = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { bundleId: 'demo-newborn' });
    const serveAt = async (window: string) => {
      await clerk('POST', `/api/halls/demo/windows/${window}/open`);
      await clerk('POST', `/api/halls/demo/windows/${window}/call`, { ticketId: issued.ticket.id });
      await clerk('POST', `/api/halls/demo/tickets/${issued.ticket.id}/complete`);
    };
    await serveAt('demo-w6'); // 新生儿户口登记 (F)
    await serveAt('demo-w3'); // the two insurance items (C)
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${suite.server.url}/t/${issued.phoneToken}`);
    await phone.getByTestId('phone-rate-window-6').waitFor();
    await publish(phone, 'phone-rate-per-window');
    await phone.getByTestId('phone-rate-window-6').getByTestId('rate-5').click();
    await phone.getByTestId('phone-rate-window-3').getByTestId('rate-4').click();
    await phone.getByTestId('phone-rated').waitFor();
    const report = await admin<{ satisfaction: { byWindow: { label: string; ratings: number; average: number }[]; byBundle: { label: string; ratings: number }[] } }>('GET', '/api/reports?hallId=demo&from=2026-11-25&to=2026-11-25');
    expect(report.satisfaction.byWindow.find((r) => r.label === '6号窗口')).toMatchObject({ ratings: 1, average: 5 });
    expect(report.satisfaction.byWindow.find((r) => r.label === '3号窗口')).toMatchObject({ ratings: 1, average: 4 });
  });
});

describe('the case number at the window', () => {
  it('[FR1] the clerk records the case number (办件编号) of the visit being served', async () => {
    const admin = await suiteAdmin();
    const password = await createStaff(admin, 'fr-clerk', 'clerk', '吴刚');
    const clerk = admin;
    const issued = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-E', itemIds: ['demo-property-transfer'] });
    const page = await openConsole('window', 'fr-clerk', password);
    await page.getByTestId('window-select').selectOption({ label: '5号窗口' });
    await page.getByTestId('window-open').click();
    await page.getByTestId('call-next').click();
    await page.getByTestId('current-ticket-number').getByText(issued.ticket.number).waitFor();
    await page.getByTestId('case-number').fill('BDC-2026-0042');
    await page.getByTestId('case-number-form').getByRole('button').click();
    await page.getByTestId('case-number-form').getByRole('status').getByText('已记录').waitFor();
    const items = await clerk<{ caseNumber: string | null }>('GET', `/api/halls/demo/tickets/${issued.ticket.id}/items`);
    expect(items.caseNumber).toBe('BDC-2026-0042');
  });
});

describe('the region tree in the clerk console', () => {
  it('[CO2][CA4] a city-wide admin adds a 街道 under a district, creates a hall and places it there', async () => {
    const page = await openConsole('people');
    const regionForm = page.getByTestId('region-form');
    await regionForm.getByTestId('region-parent').selectOption({ label: '　中心区（区/县）' });
    await regionForm.getByTestId('region-id').fill('xinhua-street');
    await regionForm.getByTestId('region-name').fill('新华街道');
    await regionForm.getByTestId('region-name-en').fill('Xinhua Subdistrict');
    await regionForm.getByRole('button').click();
    await page.getByTestId('regions-panel').getByRole('status').getByText('已添加区域 新华街道').waitFor();

    const hallForm = page.getByTestId('create-hall');
    await hallForm.getByLabel('大厅标识').fill('xinhua-centre');
    await hallForm.getByLabel('中文名称').fill('新华街道便民服务中心');
    await hallForm.getByLabel('英文名称').fill('Xinhua Service Centre');
    await hallForm.getByRole('button').click();
    await expect.poll(() => page.getByTestId('hall-switch').inputValue()).toBe('xinhua-centre');
    const place = page.getByTestId('hall-place-form');
    await expect.poll(() => place.getByLabel('本大厅名称').inputValue()).toBe('新华街道便民服务中心');
    await place.getByTestId('hall-region').selectOption({ label: '　　新华街道（乡镇/街道）' });
    await place.getByTestId('hall-address').fill('新华街道 12 号');
    await place.getByRole('button').click();
    await page.getByTestId('regions-panel').getByRole('status').getByText('已保存大厅').waitFor();
    await publish(page, 'admin-regions');
    const admin = await suiteAdmin();
    const overview = await admin<{ regions: { id: string; parentId: string | null; level: string }[]; halls: { hallId: string; regionId: string | null }[] }>('GET', '/api/city/overview');
    expect(overview.regions.find((r) => r.id === 'xinhua-street')).toMatchObject({ parentId: 'central', level: 'town' });
    expect(overview.halls.find((h) => h.hallId === 'xinhua-centre')?.regionId).toBe('xinhua-street');
    const catalogue = await admin<{ hall: { address: string } }>('GET', '/api/halls/xinhua-centre/catalogue');
    expect(catalogue.hall.address).toBe('新华街道 12 号');
  });
});
