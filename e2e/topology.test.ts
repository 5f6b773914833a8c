import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HallSnapshot, PublicHallState } from '@hallflow/shared';
import { createApiClient, type ApiClient, type CallResponse } from '@hallflow/shared/api';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeviceToken, createStaff, signIn, signInAdmin } from './support/api.ts';
import { privateRedis, type PrivateRedis } from './support/redis-server.ts';
import { killScreens, screensProcess, until, type ScreensReport } from './support/screens-process.ts';
import { startServer, type RunningServer } from './support/server.ts';

const SECRET = 'e2e-relay-secret-0123456789abcdefghij';
const running: RunningServer[] = [];
let redis: PrivateRedis | null = null;
afterAll(async () => {
  killScreens();
  for (const server of running) await server.stop('SIGKILL');
  await redis?.kill();
});

async function node(role: 'primary' | 'relay', env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer({ env: { ROLE: role, REDIS_URL: redis!.url, REDIS_PREFIX: 'topology', RELAY_SECRET: SECRET, ...env } });
  running.push(server);
  return server;
}

describe('a city on several machines: one primary, relays, Redis', () => {
  it('[MN1][MN2][MN3][MN4][MN5][MN6] screens spread over a primary and two relays get every call exactly once and in order, through a relay killed with SIGKILL and a Redis restart', async () => {
    redis = await privateRedis();
    const primary = await node('primary', { TRUST_PROXY: '127.0.0.1' });
    const relayA = await node('relay', { PRIMARY_URL: primary.url });
    const relayB = await node('relay', { PRIMARY_URL: primary.url });
    // MN1: only the primary has a store.
    expect(existsSync(primary.databasePath)).toBe(true);
    expect([relayA, relayB].map((relay) => existsSync(relay.databasePath))).toEqual([false, false]);

    // Staff work through a relay: every command is forwarded to the primary (MN5).
    const { api: admin } = await signInAdmin(relayA.url);
    const password = await createStaff(admin, 'topo-clerk', 'clerk');
    const device = await createDeviceToken(admin, 'lobby');
    const { api: clerk } = await signIn(relayB.url, 'topo-clerk', password);
    const windows = ['demo-w1', 'demo-w2', 'demo-w3'];
    for (const w of windows) await clerk('POST', `/api/halls/demo/windows/${w}/open`);
    for (let i = 0; i < 45; i++) await clerk('POST', '/api/halls/demo/tickets', { categoryId: ['demo-A', 'demo-C', 'demo-D'][i % 3] });

    // 30 screens: 10 on each node; those on a node that goes away move to the next one.
    const screens = screensProcess([primary.url, relayA.url, relayB.url], device, 30);
    await screens.ready;
    await until(async () => (await screens.ask<{ live: number }>({ type: 'status' })).live === 30, '30 live screens');

    const called: string[] = [];
    const callRound = async (api: ApiClient) => {
      for (const w of windows) {
        const call = await api<CallResponse>('POST', `/api/halls/demo/windows/${w}/call-next`);
        if (!call.ticket) continue;
        called.push(call.ticket.id);
        await api('POST', `/api/halls/demo/tickets/${call.ticket.id}/complete`);
      }
    };
    await callRound(clerk);
    await callRound(clerk);

    // MN6: a relay dies without warning; its screens reconnect elsewhere and catch up by seq.
    await relayA.stop('SIGKILL');
    await callRound(clerk);
    await callRound(clerk);
    await until(async () => (await screens.ask<{ live: number }>({ type: 'status' })).live === 30, 'the killed relay’s screens live again elsewhere');

    // MN6: Redis restarts empty; the primary rebuilds the streams from its log and the relays carry on.
    await redis.kill();
    await callRound(clerk);
    await redis.start();
    await callRound(clerk);
    await callRound(clerk);

    const clerkOnPrimary = (await signIn(primary.url, 'topo-clerk', password)).api;
    const final = await clerkOnPrimary<HallSnapshot>('GET', '/api/halls/demo/snapshot');
    const finalPublic = await createApiClient({ baseUrl: primary.url, token: () => device })<PublicHallState>('GET', '/api/halls/demo/snapshot');
    await until(async () => (await screens.ask<{ lastSeqs: number[] }>({ type: 'status' })).lastSeqs.every((seq) => seq === final.seq), 'every screen at the head seq', 60_000);
    const report = await screens.ask<ScreensReport>({ type: 'report' });

    expect(called.length).toBe(7 * windows.length);
    expect(report.clients.filter((client) => client.moves > 0).length).toBeGreaterThanOrEqual(10);
    for (const client of report.clients) {
      expect(client.calls).toEqual(called); // every call, once, in the order the clerks made them
      expect(client.seqs).toEqual([...new Set(client.seqs)]);
      expect(client.seqs).toEqual(client.seqs.toSorted((a, b) => a - b));
      expect(client.state).toEqual(finalPublic); // R3 on every node: the primary's own public state
    }
    screens.child.send({ type: 'exit' });
  }, 240_000);

  it('[MN1] a relay refuses to start without its primary and the secret, naming what is missing', async () => {
    redis ??= await privateRedis();
    await expect(startServer({ env: { ROLE: 'relay', REDIS_URL: redis.url } })).rejects.toThrow(/PRIMARY_URL, RELAY_SECRET|RELAY_SECRET, PRIMARY_URL/);
  });

  it('[A7][MN1] two nodes starting at the same moment on one new SQLite file both come up, and the first start happens once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallflow-twin-'));
    const databasePath = join(dir, 'hall.db');
    const twins = await Promise.all([startServer({ databasePath }), startServer({ databasePath })]);
    running.push(...twins);
    const printed = twins.map((twin) => /First admin account/.test(twin.output()));
    expect(printed.filter(Boolean)).toHaveLength(1);
    const { api } = await signInAdmin(twins[1]!.url);
    const staff = await api<{ username: string }[]>('GET', '/api/staff');
    expect(staff.filter((member) => member.username === 'admin')).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
