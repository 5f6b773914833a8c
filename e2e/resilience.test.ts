import type { HallSnapshot, PublicHallState } from '@hallflow/shared';
import { createApiClient, type CallResponse } from '@hallflow/shared/api';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeviceToken, createStaff, signIn, signInAdmin, ApiError } from './support/api.ts';
import { killScreens, screensProcess, until, type ScreensReport } from './support/screens-process.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** Every test starts its own server: none depends on what another left behind. */
const servers: RunningServer[] = [];
afterAll(async () => {
  killScreens();
  for (const server of servers) await server.stop();
});

async function freshServer(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

describe('screens never miss or repeat a call', () => {
  it('[R2][R3] 50 screens in another process; the server is SIGKILLed mid-stream and restarted: every screen ends equal to the server and saw each call once', async () => {
    let server = await freshServer();
    const { api: admin } = await signInAdmin(server.url);
    const password = await createStaff(admin, 'r-clerk', 'clerk');
    const device = await createDeviceToken(admin, 'lobby');
    let { api: clerk } = await signIn(server.url, 'r-clerk', password);
    const windows = ['demo-w1', 'demo-w2', 'demo-w3', 'demo-w4'];
    for (const w of windows) await clerk('POST', `/api/halls/demo/windows/${w}/open`);
    for (let i = 0; i < 40; i++) await clerk('POST', '/api/halls/demo/tickets', { categoryId: ['demo-A', 'demo-C', 'demo-D'][i % 3] });

    const screens = screensProcess(server.url, device, 50);
    await screens.ready;
    await until(async () => (await screens.ask<{ live: number }>({ type: 'status' })).live === 50, '50 live screens');

    const acknowledged: string[] = [];
    const callRound = async () => {
      for (const w of windows) {
        const call = await clerk<CallResponse>('POST', `/api/halls/demo/windows/${w}/call-next`);
        if (!call.ticket) continue;
        acknowledged.push(call.ticket.id);
        await clerk('POST', `/api/halls/demo/tickets/${call.ticket.id}/complete`);
      }
    };
    await callRound();
    await callRound();
    // Crash while calls are being made, once this round has had a call answered: the request in flight may or may not have committed.
    const answeredBefore = acknowledged.length;
    const inFlight = callRound().catch((error: unknown) => {
      if (!(error instanceof ApiError) && !(error instanceof TypeError)) throw error;
    });
    await until(async () => acknowledged.length > answeredBefore, 'a call of the round in flight', 10_000);
    await server.stop('SIGKILL');
    await inFlight;
    server = await freshServer({ port: server.port, databasePath: server.databasePath, env: { CLOCK_START: '2026-11-25T10:40:00+08:00' } });
    clerk = (await signIn(server.url, 'r-clerk', password)).api;
    // A window may still hold a ticket called just before the crash: finish it.
    const before = await clerk<HallSnapshot>('GET', '/api/halls/demo/snapshot');
    for (const w of before.windows.filter((x) => x.currentTicketId)) await clerk('POST', `/api/halls/demo/tickets/${w.currentTicketId}/complete`);
    await callRound();
    await callRound();

    const final = await clerk<HallSnapshot>('GET', '/api/halls/demo/snapshot');
    // What a screen must end with: the public snapshot, read with a screen's own token (PV1).
    const finalPublic = await createApiClient({ baseUrl: server.url, token: () => device })<PublicHallState>('GET', '/api/halls/demo/snapshot');
    expect(finalPublic.seq).toBe(final.seq);
    await until(async () => (await screens.ask<{ lastSeqs: number[] }>({ type: 'status' })).lastSeqs.every((seq) => seq === final.seq), 'every screen at the head seq');
    const report = await screens.ask<ScreensReport>({ type: 'report' });
    const calledOnServer = final.tickets.filter((t) => t.calledAt !== null).map((t) => t.id);
    expect(calledOnServer.length).toBeGreaterThanOrEqual(acknowledged.length);
    for (const client of report.clients) {
      expect(client.state).toEqual(finalPublic); // R3, PV4: exactly the server's public state
      expect(client.seqs).toEqual([...new Set(client.seqs)]); // nothing applied twice
      expect(client.seqs).toEqual(client.seqs.toSorted((a, b) => a - b));
      expect(client.calls.toSorted()).toEqual(calledOnServer.toSorted()); // every call once, none missing
      expect(new Set(client.calls).size).toBe(client.calls.length);
      for (const id of acknowledged) expect(client.calls).toContain(id);
    }
    screens.child.send({ type: 'exit' });
  });

  it('[R2] a screen offline for 30 seconds while calls go on catches up with every call', async () => {
    const server = await freshServer();
    const { api: admin } = await signInAdmin(server.url);
    const device = await createDeviceToken(admin, 'window', 'demo-w6');
    const password = await createStaff(admin, 'o-clerk', 'clerk');
    const { api: clerk } = await signIn(server.url, 'o-clerk', password);
    await clerk('POST', '/api/halls/demo/windows/demo-w6/open');
    for (let i = 0; i < 12; i++) await clerk('POST', '/api/halls/demo/tickets', { categoryId: 'demo-F' });
    const screens = screensProcess(server.url, device, 2);
    await screens.ready;
    await until(async () => (await screens.ask<{ live: number }>({ type: 'status' })).live === 2, 'two live screens');
    await screens.ask({ type: 'offline', index: 0, ms: 30_000 });
    const startedAt = Date.now();
    const called: string[] = [];
    while (Date.now() - startedAt < 28_000) {
      const call = await clerk<CallResponse>('POST', '/api/halls/demo/windows/demo-w6/call-next');
      if (!call.ticket) break;
      called.push(call.ticket.id);
      await clerk('POST', `/api/halls/demo/tickets/${call.ticket.id}/complete`);
      await new Promise((r) => setTimeout(r, 2_500));
    }
    expect(called.length).toBeGreaterThan(5);
    const final = await createApiClient({ baseUrl: server.url, token: () => device })<PublicHallState>('GET', '/api/halls/demo/snapshot');
    await until(async () => (await screens.ask<{ lastSeqs: number[] }>({ type: 'status' })).lastSeqs.every((seq) => seq === final.seq), 'catch-up', 20_000);
    const report = await screens.ask<ScreensReport>({ type: 'report' });
    const [offline, online] = report.clients;
    expect(offline!.state).toEqual(final);
    for (const id of called) expect(offline!.calls).toContain(id);
    expect(offline!.calls).toEqual(online!.calls);
    screens.child.send({ type: 'exit' });
  });

  it('[R4] a screen running an old protocol version, in another process, is told to reload', async () => {
    const server = await freshServer();
    const { api: admin } = await signInAdmin(server.url);
    const device = await createDeviceToken(admin, 'lobby');
    const old = screensProcess(server.url, device, 1, { protocolVersion: 0 });
    await old.ready;
    await until(async () => (await old.ask<{ reloads: number }>({ type: 'status' })).reloads === 1, 'the reload request');
    expect((await old.ask<{ statuses: string[] }>({ type: 'status' })).statuses).toEqual(['outdated']);
    old.child.send({ type: 'exit' });
  });
});
