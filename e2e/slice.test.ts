import { describe, expect, it } from 'vitest';
import { createDeviceToken, createStaff, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { choose } from './support/door.ts';
import { useServerAndBrowser } from './support/suite.ts';

const SUITE = 'slice';
const suite = useServerAndBrowser();

describe('one visitor from the door to window 3, in a real browser', () => {
  it('[S1][B2][Q1][R2] door admits a green visitor, a clerk at window 3 calls them, the lobby shows it within a second', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const doorPassword = await createStaff(admin, 'door1', 'door', '门岗小李');
    const clerkPassword = await createStaff(admin, 'clerk3', 'clerk', '王芳');
    const device = await createDeviceToken(admin, 'lobby');

    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.goto(`${suite.server.url}/display/lobby?device=${device}`);
    await lobby.getByText('市民服务中心').waitFor();

    // The door: sign in, register a walk-in with a green code, 36.5 °C and a mask.
    const door = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await door.goto(`${suite.server.url}/checkin/`);
    await door.getByTestId('login-username').fill('door1');
    await door.getByTestId('login-password').fill(doorPassword);
    await door.getByTestId('login-submit').click();
    await door.getByTestId('walkin-name').fill('张小三');
    await door.getByTestId('walkin-category').selectOption({ label: 'C · 社保医保' });
    await choose(door, 0, '绿码', '已佩戴口罩');
    await door.getByTestId('temperature').fill('36.5');
    await screenshot(door, SUITE, '1-door-screening');
    await door.getByTestId('screen-submit').click();
    const verdict = door.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('admit');
    await screenshot(door, SUITE, '2-door-admit');
    await door.getByTestId('verdict-dismiss').click();
    await door.getByTestId('holding-queue').getByText('张*三').waitFor();
    await door.getByTestId('admit-batch').click();
    const batch = door.getByTestId('batch-result');
    await batch.getByText('C001').waitFor();
    await screenshot(door, SUITE, '3-door-batch');

    // The clerk: sign in, take window 3, call next.
    const clerk = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await clerk.goto(`${suite.server.url}/clerk/`);
    await clerk.getByTestId('login-username').fill('clerk3');
    await clerk.getByTestId('login-password').fill(clerkPassword);
    await clerk.getByTestId('login-submit').click();
    await clerk.getByTestId('window-select').selectOption({ label: '3号窗口' });
    await clerk.getByTestId('window-open').click();
    await clerk.getByTestId('waiting-C').getByText('C001').waitFor();
    const calledAt = Date.now();
    await clerk.getByTestId('call-next').click();
    await clerk.getByTestId('current-ticket-number').getByText('C001').waitFor();

    // The lobby shows ticket C001 at window 3 within one second of the call.
    await lobby.getByTestId('current-call-number').getByText('C001').waitFor({ timeout: 1_000 });
    await lobby.getByTestId('current-call-window').getByText('3').waitFor({ timeout: 1_000 });
    expect(Date.now() - calledAt).toBeLessThan(2_000);
    await screenshot(clerk, SUITE, '4-clerk-called');
    await screenshot(lobby, SUITE, '5-lobby-called');

    // The voice queue got the call (headless Chromium has no voices, so the hook is the witness).
    const announcements = await lobby.evaluate(() =>
      ((window as unknown as { __hallflowAnnouncements?: { display: string }[] }).__hallflowAnnouncements ?? []).map((a) => a.display),
    );
    expect(announcements).toEqual(['请 C001 号 到 3 号窗口办理']);
  });

  it('[S2] a red-code visitor gets a full-screen DENY with the reason, and never reaches the holding queue', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const password = await createStaff(admin, 'door2', 'door');
    const door = await suite.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await door.goto(`${suite.server.url}/checkin/`);
    await door.getByTestId('login-username').fill('door2');
    await door.getByTestId('login-password').fill(password);
    await door.getByTestId('login-submit').click();
    await door.getByTestId('walkin-name').fill('李四');
    await choose(door, 0, '红码', '已佩戴口罩');
    await door.getByTestId('temperature').fill('36.6');
    await door.getByTestId('screen-submit').click();
    const verdict = door.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('deny');
    expect(await door.getByTestId('verdict-reasons').innerText()).toContain('健康码为红码');
    await screenshot(door, SUITE, '6-door-deny');
  });
});
