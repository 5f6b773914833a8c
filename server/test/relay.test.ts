import type { HallEventEnvelope, HallSnapshot, PublicHallState } from '@hallflow/shared';
import type { TicketResponse } from '@hallflow/shared/api';
import { createClient, type RedisClientType } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { hallStreamKey } from '../src/realtime/event-stream.ts';
import { HallMirror, type MirrorState } from '../src/relay/hall-mirror.ts';
import { ADMIN_PASSWORD, bearer, build, login } from './helper.ts';

const SECRET = 'relay-secret-of-this-test-0123456789abcdef';
const relay = { authorization: `Bearer ${SECRET}` };
const prefixes: string[] = [];
const redis = createClient({ url: 'redis://127.0.0.1:6379' }) as RedisClientType;
afterAll(async () => {
  for (const prefix of prefixes) for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
  await redis.close();
});

async function primary() {
  const prefix = `hallflow-relay-test-${process.pid}-${prefixes.length}-${Date.now()}`;
  prefixes.push(prefix);
  if (!redis.isOpen) await redis.connect();
  const built = await build({ ROLE: 'primary', REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: prefix, RELAY_SECRET: SECRET });
  return { ...built, prefix, admin: await login(built.app, 'admin', ADMIN_PASSWORD) };
}

async function streamedSeqs(prefix: string, hallId: string): Promise<number[]> {
  return (await redis.xRange(hallStreamKey(prefix, hallId), '-', '+')).map((entry) => Number(entry.id.split('-')[0]));
}

describe('a primary and its relays', () => {
  it('[MN2] every committed event is appended to its hall stream with the ID <seq>-0, once and in order; an emptied stream is rebuilt from the log', async () => {
    const { app, prefix, admin } = await primary();
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } });
    await new Promise((resolve) => setImmediate(resolve));
    await app.eventStream!.flushed();
    expect(await streamedSeqs(prefix, 'demo')).toEqual([1, 2, 3, 4, 5]);
    const entry = (await redis.xRange(hallStreamKey(prefix, 'demo'), '3-0', '3-0'))[0]!;
    expect(JSON.parse(String(entry.message.e))).toMatchObject({ hallId: 'demo', seq: 3, event: { type: 'ticket.issued' } });

    // Redis lost its data (a restart without persistence): the log is the truth, and nothing is appended twice.
    await redis.del(hallStreamKey(prefix, 'demo'));
    app.eventStream!.reconcileAll();
    await app.eventStream!.flushed();
    await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } });
    await new Promise((resolve) => setImmediate(resolve));
    await app.eventStream!.flushed();
    app.eventStream!.reconcileAll();
    await app.eventStream!.flushed();
    expect(await streamedSeqs(prefix, 'demo')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('[MN4][R3] a mirror kept in step from the events equals the primary’s own staff and public snapshots', async () => {
    const { app, admin } = await primary();
    const mirrorOf = async () => (await app.inject({ method: 'GET', url: '/api/internal/halls/demo/mirror', headers: relay })).json<MirrorState>();
    const clerkWindow = 'demo-w1';
    await app.inject({ method: 'POST', url: `/api/halls/demo/windows/${clerkWindow}/open`, headers: bearer(admin) });
    const mirror = new HallMirror(await mirrorOf());
    const issued: TicketResponse[] = [];
    for (let i = 0; i < 6; i++) issued.push((await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: i % 2 ? 'demo-A' : 'demo-C' } })).json<TicketResponse>());
    for (let i = 0; i < 3; i++) {
      const called = (await app.inject({ method: 'POST', url: `/api/halls/demo/windows/${clerkWindow}/call-next`, headers: bearer(admin) })).json<{ ticket: { id: string } | null }>();
      if (called.ticket) await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${called.ticket.id}/complete`, headers: bearer(admin) });
    }
    const { events } = (await app.inject({ method: 'GET', url: `/api/internal/halls/demo/events?after=${mirror.seq}`, headers: relay })).json<{ events: HallEventEnvelope[] }>();
    for (const envelope of events) expect(mirror.apply(envelope)).toBe(true);
    const fresh = await mirrorOf();
    expect(mirror.seq).toBe(fresh.seq);
    expect(mirror.staff).toEqual(fresh.staff satisfies HallSnapshot);
    expect(mirror.public).toEqual(fresh.public satisfies PublicHallState);
    // Catch-up from the mirror: exactly the events after a seq; none it never held.
    expect(mirror.eventsSince(fresh.seq - 2, 500).map((e) => e.seq)).toEqual([fresh.seq - 1, fresh.seq]);
    expect(mirror.ticket(issued[0]!.ticket.id)?.number).toBe(issued[0]!.ticket.number);
    expect(mirror.apply({ ...events[0]!, seq: fresh.seq + 2 })).toBe(false);
  });

  it('[MN1] the internal routes answer only the relay secret; a credential resolves to its audience, an unknown one to null', async () => {
    const { app, admin } = await primary();
    const ticket = (await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } })).json<TicketResponse>();
    const identify = (headers: Record<string, string>, body: object) => app.inject({ method: 'POST', url: '/api/internal/realtime-identity', headers, payload: body });
    expect((await identify({}, { credential: 'staff', token: admin })).statusCode).toBe(401);
    expect((await identify({ authorization: `Bearer ${SECRET.replace(/.$/, 'x')}` }, { credential: 'staff', token: admin })).statusCode).toBe(401);
    expect((await identify(bearer(admin), { credential: 'staff', token: admin })).statusCode).toBe(403);
    expect((await identify(relay, { credential: 'staff', token: admin })).json()).toMatchObject({ identity: { audience: 'staff', role: 'admin', hallIds: null } });
    expect((await identify(relay, { credential: 'ticket', token: ticket.phoneToken })).json()).toMatchObject({ identity: { audience: 'phone', hallIds: ['demo'], ticketId: ticket.ticket.id } });
    expect((await identify(relay, { credential: 'device', token: admin })).json()).toEqual({ identity: null });
    expect((await identify(relay, { credential: 'screen', token: 'x' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/internal/halls/nowhere/mirror', headers: relay })).statusCode).toBe(404);
  });

  it('[MN1] without a relay secret configured nobody is a relay, whatever they present', async () => {
    const { app } = await build();
    expect((await app.inject({ method: 'GET', url: '/api/internal/city-overview', headers: { authorization: 'Bearer ' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/internal/city-overview', headers: relay })).statusCode).toBe(401);
  });
});
