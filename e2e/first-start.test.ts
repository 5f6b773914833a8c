import { describe, expect, it } from 'vitest';
import { publishScreenshot, screenshot } from './support/browser.ts';
import { watchProblems } from './support/console.ts';
import { ADMIN_PASSWORD } from './support/server.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'first-start';
const suite = useServerAndBrowser();

describe('after the first start', () => {
  it('[A23][L14] the landing page is styled and leads to every app and the booking page, with no console error or 404', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const problems = watchProblems(page, { allStatuses: true });
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { name: /HallFlow 政务服务大厅/ }).waitFor();
    // Styled: cards, not a bare list of links.
    expect(await page.getByTestId('landing-book').evaluate((card) => getComputedStyle(card).borderRadius)).toBe('12px');
    await publishScreenshot(page, SUITE, 'landing');
    const destinations: [string, string, RegExp][] = [
      ['landing-book', '/checkin/book', /网上预约/],
      ['landing-find', '/checkin/book?find', /查找我的预约/],
      ['landing-door', '/checkin/', /入口核验/],
      ['landing-clerk', '/clerk/', /窗口工作台/],
      ['landing-screens', '/display/', /大厅显示屏/],
    ];
    for (const [testId, path, heading] of destinations) {
      await page.goto(`${suite.server.url}/`);
      await page.getByTestId(testId).click();
      await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
      await page.getByRole('heading', { name: heading }).first().waitFor();
    }
    await page.goto(`${suite.server.url}/`);
    await page.getByTestId('landing-api').click();
    await page.waitForURL(/\/api\/docs/);
    expect(problems.problems).toEqual([]);
  });

  it('[A23][L8] an admin finds the demo screens\' links in 人员与屏幕, and a demo window screen opens with its window', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${suite.server.url}/clerk/#people`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    const demo = page.getByTestId('demo-links');
    await demo.getByText('演示屏幕链接（18个）').click();
    const links = await demo.getByTestId('demo-link').allInnerTexts();
    expect(links).toHaveLength(18);
    expect(links.filter((link) => /\/display\/lobby\?device=/.test(link))).toHaveLength(1);
    expect(links.filter((link) => /\/display\/window\/\d\?device=/.test(link))).toHaveLength(8);
    expect(links.filter((link) => /\/display\/rating\/\d\?device=/.test(link))).toHaveLength(8);
    await screenshot(page, SUITE, 'admin-demo-links');

    const windowLink = links.find((link) => link.includes('/display/window/3?'))!;
    const screen = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(windowLink);
    await screen.getByText('3 号窗口 Window').waitFor();
    expect(await screen.getByTestId('window-state').innerText()).toContain('暂停办理');
  });
});
