import type { CallResponse } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDeviceToken, createStaff, signIn, signInAdmin } from './support/api.ts';
import { publishScreenshot, screenshot } from './support/browser.ts';
import { watchProblems } from './support/console.ts';
import { createHall, createHallStaff, pairScreen } from './support/halls.ts';
import { cutOff, SCREEN_SIZES } from './support/layout.ts';
import { ADMIN_PASSWORD } from './support/server.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'screens-fit';
const suite = useServerAndBrowser();

const green = { healthCode: 'green', temperature: 36.4, mask: true, symptoms: { fever: false, cough: false, other: false } };

async function signInPage(page: Page, path: string, username: string, password: string) {
  await page.goto(`${suite.server.url}${path}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('screens show the hall as it is set, whole, and say what to do when refused', () => {
  it("[S11][L1] the outdoor screen shows the hall's own entry rules and follows a supervisor's change at once", async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    await createHall(admin, { id: 'rules', name: '规则分中心', categories: { A: ['综合受理', 'General'] }, windows: { 1: ['A'] } });
    const password = await createHallStaff(admin, 'rules', 'rules-sup', 'supervisor', '规则主管');
    const outdoor = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const problems = watchProblems(outdoor);
    await outdoor.goto(`${suite.server.url}/display/outdoor?device=${await pairScreen(admin, 'rules', 'outdoor')}&voice=off`);
    const rules = outdoor.getByTestId('entry-rules');
    await rules.getByText('体温低于 37.3 °C').waitFor();
    expect(await rules.innerText()).toMatch(/全程佩戴口罩[\s\S]*出示绿色健康码/);

    // The supervisor sets a higher threshold and drops the mask rule in the clerk console's hall settings.
    const console = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInPage(console, '/clerk/#settings', 'rules-sup', password);
    const form = console.getByTestId('screening-policy');
    await form.getByTestId('fever-threshold').fill('37.5');
    await form.getByTestId('mask-required').uncheck();
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').waitFor();

    // hall.configured carries the new rules: the screen changes without a reload.
    await rules.getByText('体温低于 37.5 °C').waitFor();
    const shown = await rules.innerText();
    expect(shown).not.toContain('口罩');
    expect(shown).toContain('出示绿色健康码');
    await screenshot(outdoor, SUITE, 'outdoor-rules-changed');
    expect(problems.problems).toEqual([]);
  });

  it('[L12][L14] lobby, outdoor, window screen and rating pad fit whole at 1920×1080, 1366×768 and portrait 1080×1920, with no console error or 404', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const { api: clerk } = await signIn(suite.server.url, 'fit-clerk', await createStaff(admin, 'fit-clerk', 'clerk', '陈静'));
    const { api: door } = await signIn(suite.server.url, 'fit-door', await createStaff(admin, 'fit-door', 'door', '门岗'));
    const screens = [
      { path: 'lobby', token: await createDeviceToken(admin, 'lobby'), ready: 'current-call-number' },
      { path: 'outdoor', token: await createDeviceToken(admin, 'outdoor'), ready: 'batch-tickets' },
      { path: 'window/3', token: await createDeviceToken(admin, 'window', 'demo-w3'), ready: 'window-ticket' },
      { path: 'rating/3', token: await createDeviceToken(admin, 'rating', 'demo-w3'), ready: 'rating-idle' },
    ];
    // A busy morning: seven calls at window 3, a batch of ten at the door.
    await clerk('POST', '/api/halls/demo/windows/demo-w3/open');
    for (let i = 0; i < 8; i++) await clerk('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C' });
    for (let i = 0; i < 7; i++) {
      const call = await clerk<CallResponse>('POST', '/api/halls/demo/windows/demo-w3/call-next');
      if (i < 6) await clerk('POST', `/api/halls/demo/tickets/${call.ticket!.id}/complete`);
    }
    for (let i = 0; i < 10; i++) await door('POST', '/api/halls/demo/screenings', { name: `访客${i}`, categoryId: 'demo-E', people: [green] });
    await door('POST', '/api/halls/demo/batches');

    const found: string[] = [];
    for (const size of SCREEN_SIZES) {
      for (const screen of screens) {
        const page = await suite.browser.newPage({ viewport: size });
        const problems = watchProblems(page, { allStatuses: true });
        await page.goto(`${suite.server.url}/display/${screen.path}?device=${screen.token}&voice=off`);
        await page.getByTestId(screen.ready).waitFor();
        await page.getByTestId('connection-lost').waitFor({ state: 'detached' });
        const name = `${screen.path.replace('/', '-')}-${size.width}x${size.height}`;
        found.push(...(await cutOff(page)).map((problem) => `${name}: ${problem}`), ...problems.problems.map((problem) => `${name}: ${problem}`));
        if (name === 'lobby-1366x768' || name === 'outdoor-1080x1920') await publishScreenshot(page, SUITE, name);
        else await screenshot(page, SUITE, name);
        await page.close();
      }
    }
    expect(found).toEqual([]);
  });

  it('[L14] the landing page, the apps, a visitor\'s ticket page and the API docs load with no console error and no 404, favicon included', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const { api: clerk } = await signIn(suite.server.url, 'clean-clerk', await createStaff(admin, 'clean-clerk', 'clerk'));
    const ticket = await clerk<{ phoneToken: string }>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-B' });
    const found: string[] = [];
    for (const path of ['/', '/checkin/', '/checkin/book', '/clerk/', '/display/', '/api/docs', `/t/${ticket.phoneToken}`]) {
      const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchProblems(page, { allStatuses: true });
      await page.goto(`${suite.server.url}${path}`);
      await page.waitForLoadState('networkidle');
      // The icon the page names (browsers fall back to /favicon.ico) is there.
      const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? `${location.origin}/favicon.ico`);
      expect((await page.request.get(icon)).status(), `${path} ${icon}`).toBe(200);
      found.push(...problems.problems.map((problem) => `${path}: ${problem}`));
      await page.close();
    }
    // Signed in, the door and the clerk console too.
    for (const path of ['/checkin/', '/clerk/']) {
      const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchProblems(page, { allStatuses: true });
      await signInPage(page, path, 'admin', ADMIN_PASSWORD);
      await page.getByTestId('connection-lost').waitFor({ state: 'detached' });
      await page.waitForLoadState('networkidle');
      found.push(...problems.problems.map((problem) => `${path} signed in: ${problem}`));
      await page.close();
    }
    expect((await fetch(`${suite.server.url}/favicon.ico`)).status).toBe(200);
    expect(found).toEqual([]);
  });

  it('[L13][L8] a bad or revoked screen link and an unknown ticket link say in Chinese what to do and stop asking; an unreachable server is tried again', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    // A screen whose pairing an admin revoked, opened again (say, after a power cut).
    const revoked = await admin<{ id: string; token: string }>('POST', '/api/halls/demo/devices', { name: '旧大厅屏', kind: 'lobby' });
    await admin('POST', `/api/halls/demo/devices/${revoked.id}/revoke`);
    for (const token of ['not-a-real-token', revoked.token]) {
      const page = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.clock.install();
      let asked = 0;
      page.on('request', (request) => void (request.url().includes('/api/devices/me') && asked++));
      await page.goto(`${suite.server.url}/display/lobby?device=${token}`);
      const message = page.getByTestId('screen-refused');
      await message.waitFor();
      expect(await message.innerText()).toMatch(/链接无效或已被撤销[\s\S]*重新配对[\s\S]*pair the screen again/);
      // A minute on the screen's own clock: it does not ask again.
      await page.clock.runFor(60_000);
      expect(asked).toBe(1);
      expect(await page.getByTestId('settings-panel').count()).toBe(0);
      await screenshot(page, SUITE, token === revoked.token ? 'lobby-revoked-link' : 'lobby-bad-link');
      await page.close();
    }

    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(`${suite.server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(await phone.getByTestId('screen-refused').innerText()).toMatch(/取号链接无效或已过期[\s\S]*工作人员/);
    await screenshot(phone, SUITE, 'phone-bad-link');

    // The server out of reach at first: the screen says so and tries again, and then shows the hall.
    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.clock.install();
    let refuse = true;
    await lobby.route('**/api/devices/me', (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
    await lobby.goto(`${suite.server.url}/display/lobby?device=${await createDeviceToken(admin, 'lobby')}&voice=off`);
    expect(await lobby.getByTestId('screen-unreachable').innerText()).toContain('暂时无法连接服务器');
    refuse = false;
    await lobby.clock.runFor(10_000);
    await lobby.getByTestId('lobby').waitFor();
  });
});
