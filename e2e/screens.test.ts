import { PROTOCOL_VERSION } from '@hallflow/shared';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CallResponse, TicketResponse } from '@hallflow/shared/api';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDeviceToken, createStaff, signIn, signInAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';
import { ROOT, startServer } from './support/server.ts';

const SUITE = 'screens';
const suite = useServerAndBrowser();

/** Keeps the good screenshots for the README. */
async function publish(page: Page, name: string) {
  const path = await screenshot(page, SUITE, name);
  mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
  copyFileSync(path, join(ROOT, 'docs', 'screenshots', `${name}.png`));
}

async function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as unknown as { __hallflowAnnouncements?: { display: string }[] }).__hallflowAnnouncements ?? []).map((a) => a.display),
  );
}

describe('screens', () => {
  it('[L1][L5][L7][L10][F2] lobby (landscape and portrait), window, rating pad, outdoor and phone screens follow the hall live', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const clerkPassword = await createStaff(admin, 'screens-clerk', 'clerk', '陈静');
    const doorPassword = await createStaff(admin, 'screens-door', 'door', '门岗');
    const { api: clerk } = await signIn(suite.server.url, 'screens-clerk', clerkPassword);
    const { api: door } = await signIn(suite.server.url, 'screens-door', doorPassword);
    const lobbyToken = await createDeviceToken(admin, 'lobby');
    const outdoorToken = await createDeviceToken(admin, 'outdoor');
    const windowToken = await createDeviceToken(admin, 'window', 'demo-w3');
    const ratingToken = await createDeviceToken(admin, 'rating', 'demo-w3');
    // A second clerk keeps window 4 (C first) open, so the phone has an estimate from the start (E2: 3 × 10 min ÷ 1 window).
    const otherPassword = await createStaff(admin, 'screens-clerk-4', 'clerk', '李娜');
    const { api: otherClerk } = await signIn(suite.server.url, 'screens-clerk-4', otherPassword);
    await otherClerk('POST', '/api/halls/demo/windows/demo-w4/open');

    // A batch at the door, for the outdoor screen.
    const green = { healthCode: 'green', temperature: 36.4, mask: true, symptoms: { fever: false, cough: false, other: false } };
    for (const name of ['王小明', '刘芳芳', '赵四']) await door('POST', '/api/halls/demo/screenings', { name, categoryId: 'demo-E', people: [green] });
    await door('POST', '/api/halls/demo/batches');
    // Desk tickets: the visitor's phone follows the second one.
    const issued: TicketResponse[] = [];
    for (let i = 0; i < 4; i++) issued.push(await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C', ...(i === 3 ? { priority: true, priorityReason: 'age65' } : {}) }));
    const mine = issued[1]!;

    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.goto(`${suite.server.url}/display/lobby?device=${lobbyToken}`);
    const portrait = await suite.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await portrait.goto(`${suite.server.url}/display/lobby?device=${lobbyToken}`);
    const windowScreen = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await windowScreen.goto(`${suite.server.url}/display/window/3?device=${windowToken}`);
    const ratingTablet = await suite.browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    await ratingTablet.goto(`${suite.server.url}/display/rating/3?device=${ratingToken}`);
    const outdoor = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await outdoor.goto(`${suite.server.url}/display/outdoor?device=${outdoorToken}`);
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${suite.server.url}/t/${mine.phoneToken}`);

    // Q9: C001 and the priority visitor C004 will be called before C002 (window 4 just opened: priority first, Q3).
    await phone.getByTestId('phone-position').getByText('2', { exact: true }).waitFor();
    expect(await phone.getByTestId('phone-state').innerText()).toContain('等候叫号');
    expect(await phone.getByTestId('phone-wait').innerText()).toContain('约 30 分钟');
    await publish(phone, 'phone-waiting');
    await outdoor.getByTestId('batch-announcement').getByText('第 1 批 请以下人员入场').waitFor();
    // PV2: the entrance calls a batch by ticket number, never by name.
    const firstBatch = await outdoor.getByTestId('batch-announcement').innerText();
    expect(firstBatch).toMatch(/E001[\s\S]*E002[\s\S]*E003/);
    expect(firstBatch).not.toMatch(/王|刘|赵|\*/);
    await publish(outdoor, 'outdoor');
    expect(await windowScreen.getByTestId('window-state').innerText()).toContain('暂停办理');

    await clerk('POST', '/api/halls/demo/windows/demo-w3/open');
    const calls: string[] = [];
    for (let i = 0; i < 3; i++) {
      const call = await clerk<CallResponse>('POST', '/api/halls/demo/windows/demo-w3/call-next');
      calls.push(call.ticket!.number);
      if (i < 2) await clerk('POST', `/api/halls/demo/tickets/${call.ticket!.id}/complete`);
    }
    expect(calls).toEqual(['C004', 'C001', 'C002']); // the priority ticket first (Q3)

    await lobby.getByTestId('current-call-number').getByText('C002').waitFor();
    expect(await lobby.getByTestId('current-call-window').innerText()).toBe('3');
    expect(await lobby.getByTestId('wait-C').innerText()).toMatch(/约 \d+ 分钟/);
    expect(await lobby.getByTestId('lobby').getAttribute('data-orientation')).toBe('landscape');
    expect(await portrait.getByTestId('lobby').getAttribute('data-orientation')).toBe('portrait');
    expect(await lobby.getByTestId('recent-calls').innerText()).toMatch(/C001[\s\S]*C004/);
    await windowScreen.getByTestId('window-ticket').getByText('C002').waitFor();
    await phone.getByTestId('phone-window').getByText('3', { exact: false }).waitFor();
    expect(await phone.getByTestId('phone-state').innerText()).toContain('请到窗口办理');
    await publish(lobby, 'lobby');
    await publish(portrait, 'lobby-portrait');
    await publish(windowScreen, 'window');
    await publish(phone, 'phone-called');

    // L3: three calls were queued in order; none cut another off.
    await lobby.waitForFunction(() =>
      ((window as unknown as { __hallflowAnnouncements?: { status: string }[] }).__hallflowAnnouncements ?? []).length === 3,
    );
    expect(await announcements(lobby)).toEqual(['请 C004 号 到 3 号窗口办理', '请 C001 号 到 3 号窗口办理', '请 C002 号 到 3 号窗口办理']);
    // The outdoor screen never speaks calls; it speaks batches (L6).
    expect(await announcements(outdoor)).toEqual([]);
    await door('POST', '/api/halls/demo/screenings', { name: '钱多多', categoryId: 'demo-E', people: [green] });
    await door('POST', '/api/halls/demo/batches');
    await outdoor.waitForFunction(() => ((window as unknown as { __hallflowAnnouncements?: unknown[] }).__hallflowAnnouncements ?? []).length === 1);
    expect(await announcements(outdoor)).toEqual(['第2批 请以下人员入场：E004']);

    // F2, L10: after completion the window screen and the window's own rating tablet ask for a rating; a low one needs a reason.
    expect(await ratingTablet.getByTestId('rating-idle').innerText()).toContain('3 号窗口');
    const current = (await clerk<{ tickets: { id: string; number: string }[] }>('GET', '/api/halls/demo/snapshot')).tickets.find((t) => t.number === 'C002')!;
    await clerk('POST', `/api/halls/demo/tickets/${current.id}/complete`);
    await windowScreen.getByTestId('rating-pad').waitFor();
    await ratingTablet.getByTestId('rating-pad').waitFor();
    await publish(windowScreen, 'window-rating');
    await publish(ratingTablet, 'rating-pad');
    await ratingTablet.getByTestId('rate-2').click();
    await ratingTablet.getByRole('button', { name: '办理时间长' }).click();
    await ratingTablet.getByTestId('rate-send').click();
    await ratingTablet.getByTestId('rating-thanks').waitFor();
    await windowScreen.getByTestId('rating-pad').waitFor({ state: 'detached' });
    await phone.getByTestId('phone-rated').waitFor(); // the visitor's phone follows: rated once, from the pad
    const report = await admin<{ ratings: { level: number; count: number }[]; lowRatingReasons: string[] }>('GET', '/api/halls/demo/reports/daily');
    expect(report.ratings.find((r) => r.level === 2)?.count).toBe(1);
    expect(report.lowRatingReasons).toEqual(['slow']);
  });

  it('[L4][L2][R2] the lobby shows "connection lost" within 5 s of a crash, catches up after restart, and announces only the call still current', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const clerkPassword = await createStaff(admin, 'crash-clerk', 'clerk');
    const lobbyToken = await createDeviceToken(admin, 'lobby');
    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.goto(`${suite.server.url}/display/lobby?device=${lobbyToken}`);
    await lobby.getByText('市民服务中心').waitFor();
    const before = (await announcements(lobby)).length;

    await suite.server.stop('SIGKILL');
    const lostAt = Date.now();
    await lobby.getByTestId('connection-lost').waitFor({ timeout: 5_000 });
    expect(Date.now() - lostAt).toBeLessThan(5_000);
    await screenshot(lobby, SUITE, 'connection-lost');
    // Keep the lobby away until the calls below are made, so it must catch up rather than hear them live
    // (otherwise the test depends on how fast Socket.IO's reconnect back-off happens to fire).
    await lobby.context().setOffline(true);

    // The restarted server's clock continues later in the day, as a real clock would.
    suite.server = await startServer({ port: suite.server.port, databasePath: suite.server.databasePath, env: { CLOCK_START: '2026-11-25T10:30:00+08:00' } });
    const { api: clerk } = await signIn(suite.server.url, 'crash-clerk', clerkPassword);
    // While the lobby is still reconnecting: one call that is finished again at once, and one that stays current.
    await clerk('POST', '/api/halls/demo/windows/demo-w5/open');
    const gone = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-E' });
    const stays = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-E' });
    await clerk('POST', '/api/halls/demo/windows/demo-w5/call', { ticketId: gone.ticket.id });
    await clerk('POST', `/api/halls/demo/tickets/${gone.ticket.id}/no-show`);
    await clerk('POST', '/api/halls/demo/windows/demo-w5/call', { ticketId: stays.ticket.id });
    // Offline all along: the calls above can reach it only by catching up.
    expect(await lobby.getByTestId('connection-lost').isVisible()).toBe(true);
    await lobby.context().setOffline(false);

    await lobby.getByTestId('current-call-number').getByText(stays.ticket.number).waitFor({ timeout: 15_000 });
    await lobby.getByTestId('connection-lost').waitFor({ state: 'detached' });
    await lobby.waitForFunction(
      (count) => ((window as unknown as { __hallflowAnnouncements?: unknown[] }).__hallflowAnnouncements ?? []).length > count,
      before,
    );
    const spoken = (await announcements(lobby)).slice(before);
    expect(spoken).toEqual([`请 ${stays.ticket.number} 号 到 5 号窗口办理`]);
  });

  it('[L9][L3] a lobby set up by its URL stays silent and in English; the settings panel turns the voice on, in English, and saves it', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const clerkPassword = await createStaff(admin, 'settings-clerk', 'clerk');
    const { api: clerk } = await signIn(suite.server.url, 'settings-clerk', clerkPassword);
    const lobbyToken = await createDeviceToken(admin, 'lobby');
    const lobby = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await lobby.goto(`${suite.server.url}/display/lobby?device=${lobbyToken}&voice=off&lang=en&orientation=portrait`);
    await lobby.getByTestId('lobby').waitFor();
    expect(await lobby.getByTestId('lobby').getAttribute('data-orientation')).toBe('portrait'); // forced, on a landscape screen

    await clerk('POST', '/api/halls/demo/windows/demo-w2/open');
    const ticket = await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-B' });
    await clerk('POST', '/api/halls/demo/windows/demo-w2/call', { ticketId: ticket.ticket.id });
    await lobby.getByTestId('current-call-number').getByText(ticket.ticket.number).waitFor();
    expect(await lobby.getByText('Now calling').count()).toBe(1);
    expect(await announcements(lobby)).toEqual([]); // voice=off

    await lobby.keyboard.press('s');
    await lobby.getByTestId('settings-panel').waitFor();
    await lobby.getByTestId('settings-voice').check();
    await lobby.getByTestId('settings-voice-lang').selectOption('en');
    await screenshot(lobby, SUITE, 'settings-panel');
    await lobby.getByTestId('settings-test-voice').click();
    await lobby.waitForFunction(() => ((window as unknown as { __hallflowAnnouncements?: unknown[] }).__hallflowAnnouncements ?? []).length === 1);
    expect(await announcements(lobby)).toEqual(['Ticket A001, please go to window 1']);
    const record = await lobby.evaluate(() => (window as unknown as { __hallflowAnnouncements: { text: string; lang: string; at: string; status: string }[] }).__hallflowAnnouncements[0]!);
    expect(record).toMatchObject({ text: 'Ticket A001, please go to window 1', lang: 'en-US' });
    expect(Number.isNaN(Date.parse(record.at))).toBe(false);
    const saved = await lobby.evaluate(() => JSON.parse(localStorage.getItem('hallflow.settings.lobby') ?? '{}') as Record<string, unknown>);
    expect(saved).toMatchObject({ voice: true, voiceLang: 'en', lang: 'en', orientation: 'portrait' });
  });

  it('[L11][R4] the built lobby, refused for an old protocol version, reloads itself once and comes back live', async () => {
    const { api: admin } = await signInAdmin(suite.server.url);
    const lobbyToken = await createDeviceToken(admin, 'lobby');
    const page = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // The first load sends protocol version 0 in its realtime handshake, as a screen still running an old app would.
    await page.addInitScript((current: number) => {
      sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') ?? '0') + 1));
      if (sessionStorage.getItem('downgraded')) return;
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
        if (typeof data === 'string' && data.startsWith('40') && data.includes(`"protocolVersion":${current}`)) {
          sessionStorage.setItem('downgraded', 'yes');
          return send.call(this, data.replace(`"protocolVersion":${current}`, '"protocolVersion":0'));
        }
        return send.call(this, data);
      };
    }, PROTOCOL_VERSION);
    await page.goto(`${suite.server.url}/display/lobby?device=${lobbyToken}`);
    await page.waitForFunction(() => sessionStorage.getItem('loads') === '2', undefined, { timeout: 15_000 });
    await page.getByTestId('lobby').waitFor();
    await page.getByTestId('connection-lost').waitFor({ state: 'detached' });
    const state = await page.evaluate(() => ({ loads: sessionStorage.getItem('loads'), downgraded: sessionStorage.getItem('downgraded'), reloadedAt: sessionStorage.getItem('hallflow.reloadedAt') }));
    expect(state.loads).toBe('2');
    expect(state.downgraded).toBe('yes');
    expect(Number(state.reloadedAt)).toBeGreaterThan(0);
  });
});
