import type { HallEventEnvelope, HallSnapshot, JoinResult } from '@hallflow/shared';
import { HallSync, type HallSocket } from '@hallflow/shared/realtime';
import { io as rawClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { bearer, type TestApp } from './helper.ts';
import { client, join, listening, track, until } from './support/listening.ts';

async function issue(test: TestApp, admin: string, count: number) {
  for (let i = 0; i < count; i++) {
    await test.app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } });
  }
}

async function serverSnapshot(test: TestApp, admin: string): Promise<HallSnapshot> {
  return (await test.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(admin) })).json<HallSnapshot>();
}

describe('realtime protocol with real Socket.IO clients', () => {
  it('[R2] joining with no seq gets a snapshot; with a recent seq, exactly the missed events', async () => {
    const test = await listening();
    await issue(test, test.admin, 4);
    const socket = client(test.url, test.admin);
    const fresh = await join(socket, null);
    expect(fresh.ok && fresh.mode).toBe('snapshot');
    if (fresh.ok && fresh.mode === 'snapshot') expect(fresh.snapshot.seq).toBe(4);
    const behind = await join(socket, 1);
    expect(behind.ok && behind.mode).toBe('events');
    if (behind.ok && behind.mode === 'events') expect(behind.events.map((e) => e.seq)).toEqual([2, 3, 4]);
    const current = await join(socket, 4);
    if (current.ok && current.mode === 'events') expect(current.events).toEqual([]);
    else throw new Error('expected events mode');
  });

  it('[R2] a client too far behind, or ahead of a reset server, gets a snapshot', async () => {
    const test = await listening();
    const occupancy = { inside: 0, capacity: 54, holding: 0, level: 'normal' as const };
    for (let i = 0; i < 502; i++) test.app.commands.run('demo', (ctx) => ctx.emit({ type: 'occupancy.corrected', occupancy }));
    const socket = client(test.url, test.admin);
    const far = await join(socket, 1);
    expect(far.ok && far.mode).toBe('snapshot');
    const ahead = await join(socket, 9_999);
    expect(ahead.ok && ahead.mode).toBe('snapshot');
  });

  it('[R2][R3] HallSync applies live events once, catches up after a disconnect, and ends equal to the server', async () => {
    const test = await listening();
    const socket = client(test.url, test.admin);
    const sync = new HallSync(socket, 'demo');
    const seen: HallEventEnvelope[] = [];
    const liveFlags: boolean[] = [];
    sync.subscribe({ event: (envelope, { live }) => (seen.push(envelope), liveFlags.push(live)) });
    await until(() => sync.status === 'live', 'live');
    await issue(test, test.admin, 3);
    await until(() => sync.lastSeq === 3, 'three live events');

    socket.disconnect();
    await until(() => sync.status === 'offline', 'offline');
    await issue(test, test.admin, 5);
    socket.connect();
    await until(() => sync.lastSeq === 8, 'catch-up to seq 8');
    await issue(test, test.admin, 1);
    await until(() => sync.lastSeq === 9, 'live again');

    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(liveFlags).toEqual([true, true, true, false, false, false, false, false, true]);
    expect(sync.state).toEqual(await serverSnapshot(test, test.admin));
  });

  it('[R2] a duplicated or out-of-order live event is not applied twice and a gap triggers a catch-up', async () => {
    const test = await listening();
    const socket = client(test.url, test.admin);
    const sync = new HallSync(socket, 'demo');
    const seqs: number[] = [];
    sync.subscribe({ event: (envelope) => seqs.push(envelope.seq) });
    await until(() => sync.status === 'live', 'live');
    await issue(test, test.admin, 2);
    await until(() => sync.lastSeq === 2, 'two events');
    // Replay a stale copy and fake a gap, as a second node could deliver them.
    const listeners = (socket as unknown as { listeners(e: string): ((env: HallEventEnvelope) => void)[] }).listeners('hall:changed');
    const stale = { hallId: 'demo', seq: 2, at: new Date().toISOString(), event: { type: 'occupancy.corrected', occupancy: { inside: 9, capacity: 9, holding: 9, level: 'full' } } } as HallEventEnvelope;
    for (const listener of listeners) listener(stale);
    await issue(test, test.admin, 1); // seq 3, delivered normally
    await until(() => sync.lastSeq === 3, 'seq 3');
    const gap = { ...stale, seq: 5 };
    test.app.commands.setPublisher({ publish: () => undefined }); // seq 4 is committed but never pushed
    await issue(test, test.admin, 1);
    for (const listener of listeners) listener(gap); // a bogus seq 5 reveals the gap; the re-join fetches the real seq 4
    await until(() => sync.lastSeq === 4, 'gap filled from the log');
    expect(seqs).toEqual([1, 2, 3, 4]);
    expect(sync.state?.occupancy.inside).toBe(0);
  });

  it('[R4] a client with an old protocol version is refused and told to reload', async () => {
    const test = await listening();
    const socket = rawClient(test.url, { transports: ['websocket'], auth: { protocolVersion: 0, credential: 'staff', token: test.admin } });
    track(socket);
    const error = await new Promise<Error & { data?: { reload?: boolean; code?: string } }>((resolve) => socket.on('connect_error', resolve));
    expect(error.data).toMatchObject({ code: 'PROTOCOL_OUTDATED', reload: true });

    const old = rawClient(test.url, { transports: ['websocket'], auth: { protocolVersion: 0, credential: 'staff', token: test.admin } });
    track(old);
    let reload = false;
    const sync = new HallSync(old as unknown as HallSocket, 'demo');
    sync.subscribe({ reloadRequired: () => (reload = true) });
    await until(() => reload, 'reload request');
    expect(sync.status).toBe('outdated');
  });

  it('[R5] a handshake without a valid token is refused; a screen cannot join another hall', async () => {
    const test = await listening();
    const bad = client(test.url, 'forged');
    const error = await new Promise<Error & { data?: { code?: string } }>((resolve) => bad.on('connect_error', resolve));
    expect(error.data?.code).toBe('UNAUTHORIZED');

    const device = (
      await test.app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(test.admin), payload: { name: 'TV', kind: 'lobby' } })
    ).json<{ token: string }>();
    const screen = client(test.url, device.token, 'device');
    await new Promise((resolve) => screen.on('connect', () => resolve(null)));
    const other = await new Promise<JoinResult>((resolve) => screen.emit('hall:join', { hallId: 'elsewhere', lastSeq: null }, resolve));
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const own = await join(screen, null);
    expect(own.ok).toBe(true);
    const malformed = await new Promise<JoinResult>((resolve) =>
      (screen as unknown as { emit(e: string, p: unknown, a: (r: JoinResult) => void): void }).emit('hall:join', { hallId: 'demo', lastSeq: -1 }, resolve),
    );
    expect(malformed).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
