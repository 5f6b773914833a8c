import { PROTOCOL_VERSION, type HandshakeAuth, type JoinResult } from '@hallflow/shared';
import { ERROR_MESSAGES, errorMessage } from '@hallflow/shared/i18n';
import type { FastifyInstance } from 'fastify';
import { createClient, type RedisClientType } from 'redis';
import { io as rawClient, type Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FallbackWindowCounter, MemoryWindowCounter, VISITOR_WINDOW_MS, type WindowCounter } from '../src/realtime/visitor-limit.ts';
import { build, buildRelay } from './helper.ts';
import { listening } from './support/listening.ts';

/** What a connection attempt ended in: connected, or the handshake's refusal code. */
type Outcome = { connected: true; socket: Socket } | { connected: false; code: string | undefined };

const opened: Socket[] = [];
afterEach(() => {
  for (const socket of opened.splice(0)) socket.disconnect();
});

/** A page's realtime connection, optionally through a proxy that says whom it forwards (X-Forwarded-For). */
function connect(url: string, auth: Partial<HandshakeAuth> = { credential: 'visitor' }, forwardedFor?: string): Promise<Outcome> {
  const socket = rawClient(url, {
    transports: ['websocket'],
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
    ...(forwardedFor ? { extraHeaders: { 'x-forwarded-for': forwardedFor } } : {}),
  });
  opened.push(socket);
  return new Promise((resolve) => {
    socket.on('connect', () => resolve({ connected: true, socket }));
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => resolve({ connected: false, code: error.data?.code }));
  });
}

function join(socket: Socket, hallId = 'demo'): Promise<JoinResult> {
  return new Promise((resolve) => socket.emit('hall:join', { hallId, lastSeq: null }, resolve));
}

async function visitorJoined(url: string, forwardedFor?: string): Promise<Socket> {
  const outcome = await connect(url, { credential: 'visitor' }, forwardedFor);
  if (!outcome.connected) throw new Error(`refused: ${outcome.code}`);
  expect(await join(outcome.socket)).toMatchObject({ ok: true, audience: 'public' });
  return outcome.socket;
}

describe('visitor realtime connections are limited per address (AC7)', () => {
  it('[AC7] a page without a credential may connect and join so many times a minute from one address; then connections and joins are refused with REALTIME_RATE_LIMITED, in both languages; staff are not counted', async () => {
    const test = await listening({ VISITOR_REALTIME_RATE_LIMIT: '3' });
    // One page: a connection and a join (2 of 3); a second connection (3 of 3).
    const first = await visitorJoined(test.url);
    const second = await connect(test.url);
    expect(second.connected).toBe(true);
    // A fourth connection is refused at the handshake, a join on an open connection in its answer.
    expect(await connect(test.url)).toEqual({ connected: false, code: 'REALTIME_RATE_LIMITED' });
    expect(await join(first)).toEqual({ ok: false, code: 'REALTIME_RATE_LIMITED', message: ERROR_MESSAGES.REALTIME_RATE_LIMITED.en });
    expect(errorMessage('zh', 'REALTIME_RATE_LIMITED')).toBe('此网络的实时连接过于频繁，请稍后再试');
    expect(errorMessage('en', 'REALTIME_RATE_LIMITED')).toBe('Too many live connections from this network; try again shortly');
    // A staff app at the same address is not a visitor: it connects and joins as before.
    const staff = await connect(test.url, { credential: 'staff', token: test.admin });
    if (!staff.connected) throw new Error(`staff refused: ${staff.code}`);
    expect(await join(staff.socket)).toMatchObject({ ok: true, audience: 'staff' });
  });

  it('[AC7] the address is the one Fastify believes: X-Forwarded-For counts only from a TRUST_PROXY proxy, so visitors behind a trusted proxy are counted apart and a visitor cannot choose its own address', async () => {
    const trusting = await listening({ VISITOR_REALTIME_RATE_LIMIT: '2', TRUST_PROXY: '127.0.0.1' });
    await visitorJoined(trusting.url, '203.0.113.7');
    expect(await connect(trusting.url, { credential: 'visitor' }, '203.0.113.7')).toEqual({ connected: false, code: 'REALTIME_RATE_LIMITED' });
    await visitorJoined(trusting.url, '203.0.113.8'); // another phone behind the proxy has its own count

    const untrusting = await listening({ VISITOR_REALTIME_RATE_LIMIT: '2' });
    await visitorJoined(untrusting.url, '203.0.113.7');
    // A header of its own choosing does not give the same client a fresh count.
    expect(await connect(untrusting.url, { credential: 'visitor' }, '198.51.100.1')).toEqual({ connected: false, code: 'REALTIME_RATE_LIMITED' });
  });

  it('[AC7] the default leaves room for a lobby: 200 phones behind one address open the booking page in the same minute and all go live', async () => {
    const test = await listening();
    expect(test.env.VISITOR_REALTIME_RATE_LIMIT).toBe(600);
    const phones = await Promise.all(Array.from({ length: 200 }, () => visitorJoined(test.url)));
    expect(phones.every((socket) => socket.connected)).toBe(true);
  });

  it('[AC7] a minute later the address may connect again; counted in memory, the window is a minute from its first connection', async () => {
    let now = 0;
    const counter = new MemoryWindowCounter(() => now);
    expect([await counter.hit('10.0.0.1', VISITOR_WINDOW_MS), await counter.hit('10.0.0.1', VISITOR_WINDOW_MS), await counter.hit('10.0.0.2', VISITOR_WINDOW_MS)]).toEqual([1, 2, 1]);
    now = VISITOR_WINDOW_MS - 1;
    expect(await counter.hit('10.0.0.1', VISITOR_WINDOW_MS)).toBe(3);
    now = VISITOR_WINDOW_MS;
    expect(await counter.hit('10.0.0.1', VISITOR_WINDOW_MS)).toBe(1);
  });

  it('[AC7] with Redis away the limit still holds, counted on the node, and the outage is reported', async () => {
    const failing: WindowCounter = { hit: () => Promise.reject(new Error('ECONNREFUSED')) };
    const reported: unknown[] = [];
    const counter = new FallbackWindowCounter(failing, new MemoryWindowCounter(), (error) => reported.push(error));
    expect([await counter.hit('10.0.0.1', VISITOR_WINDOW_MS), await counter.hit('10.0.0.1', VISITOR_WINDOW_MS)]).toEqual([1, 2]);
    expect(reported).toHaveLength(2);
  });
});

describe('visitor realtime limit across nodes (AC7, Redis)', () => {
  const prefixes: string[] = [];
  const redis = createClient({ url: 'redis://127.0.0.1:6379' }) as RedisClientType;
  afterAll(async () => {
    if (!redis.isOpen) await redis.connect();
    for (const prefix of prefixes) for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
    await redis.close();
  });

  async function listen(app: FastifyInstance): Promise<string> {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  it('[AC7] a primary and its relay count one address together in Redis, under the deployment\'s own key prefix', async () => {
    const prefix = `hallflow-visitor-limit-${process.pid}-${Date.now()}`;
    prefixes.push(prefix);
    const shared = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: prefix, RELAY_SECRET: 'relay-secret-of-this-test-0123456789abcdef', VISITOR_REALTIME_RATE_LIMIT: '3' };
    const primaryUrl = await listen((await build({ ...shared, ROLE: 'primary' })).app);
    const relayUrl = await listen(await buildRelay(primaryUrl, shared));
    // A page on the primary (2 of 3), a page opening on the relay (3 of 3): its join is refused.
    await visitorJoined(primaryUrl);
    const onRelay = await connect(relayUrl);
    if (!onRelay.connected) throw new Error(`relay refused: ${onRelay.code}`);
    expect(await join(onRelay.socket)).toMatchObject({ ok: false, code: 'REALTIME_RATE_LIMITED' });
    expect(await connect(primaryUrl)).toEqual({ connected: false, code: 'REALTIME_RATE_LIMITED' });
    if (!redis.isOpen) await redis.connect();
    const keys = await redis.keys(`${prefix}:visitor-realtime:*`);
    expect(keys).toHaveLength(1);
    expect(Number(await redis.get(keys[0]!))).toBe(5);
  });
});
