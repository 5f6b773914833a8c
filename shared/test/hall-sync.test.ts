import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HallEventEnvelope } from '../src/domain/index.ts';
import { HallSync, PROTOCOL_VERSION, RETRY_RATE_LIMITED, type JoinResult, type SyncSocket } from '../src/realtime/index.ts';
import { aHall, aPublicHall } from './support/views.ts';

type Listener = (...args: never[]) => void;

/** A socket double: the test decides when the server answers a join. */
class FakeSocket implements SyncSocket {
  connected = false;
  readonly joins: { lastSeq: number | null; ack: (result: JoinResult) => void }[] = [];
  readonly #listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(_event: 'hall:join', request: { lastSeq: number | null }, ack: (result: JoinResult) => void) {
    this.joins.push({ lastSeq: request.lastSeq, ack });
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const listener of this.#listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
  connect() {
    this.connectAttempts++;
    this.connected = true;
    this.fire('connect');
    return this;
  }
  connectAttempts = 0;
  disconnect() {
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }
}

const snapshot = (seq: number) => aHall({ seq });
const event = (seq: number): HallEventEnvelope => ({
  hallId: 'h',
  seq,
  at: '2026-11-25T02:00:00.000Z',
  event: { type: 'occupancy.corrected', occupancy: { inside: seq, capacity: 10, holding: 0, level: 'normal' } },
});

describe('HallSync against a scripted server', () => {
  it('[R2] a join whose ack is lost in a disconnect is retried on the next connect', () => {
    const socket = new FakeSocket();
    const sync = new HallSync(socket, 'h');
    socket.connect();
    expect(socket.joins).toHaveLength(1);
    socket.disconnect(); // the first ack never comes
    socket.connect();
    expect(socket.joins).toHaveLength(2);
    socket.joins[0]!.ack({ ok: true, audience: 'staff', serverTime: '2026-11-25T02:00:00.000Z', protocolVersion: PROTOCOL_VERSION, mode: 'snapshot', snapshot: snapshot(99) }); // stale: ignored
    expect(sync.state).toBeNull();
    socket.joins[1]!.ack({ ok: true, audience: 'staff', serverTime: '2026-11-25T02:00:00.000Z', protocolVersion: PROTOCOL_VERSION, mode: 'snapshot', snapshot: snapshot(3) });
    expect(sync.lastSeq).toBe(3);
    expect(sync.status).toBe('live');
  });

  it('[R2] live events that race the join reply are buffered and applied once, in order', () => {
    const socket = new FakeSocket();
    const sync = new HallSync(socket, 'h', 'staff', snapshot(2));
    const applied: number[] = [];
    sync.subscribe({ event: (envelope) => applied.push(envelope.seq) });
    socket.connect();
    expect(socket.joins[0]!.lastSeq).toBe(2);
    socket.fire('hall:changed', event(4)); // arrives before the join reply
    socket.fire('hall:changed', event(5));
    socket.joins[0]!.ack({ ok: true, audience: 'staff', serverTime: '2026-11-25T02:00:00.000Z', protocolVersion: PROTOCOL_VERSION, mode: 'events', events: [event(3), event(4)], headSeq: 4 });
    expect(applied).toEqual([3, 4, 5]);
    expect(sync.state?.occupancy.inside).toBe(5);
  });

  it('[A17] a connection the server closes is retried once; a refused credential ends as revoked, with no more retries', () => {
    const socket = new FakeSocket();
    const sync = new HallSync(socket, 'h');
    const statuses: string[] = [];
    sync.subscribe({ status: (status) => statuses.push(status) });
    socket.connect();
    socket.joins.at(-1)!.ack({ ok: true, audience: 'staff', serverTime: '2026-11-25T02:00:00.000Z', mode: 'snapshot', protocolVersion: PROTOCOL_VERSION, snapshot: snapshot(1) });
    expect(sync.status).toBe('live');
    socket.connected = false;
    socket.fire('disconnect', 'io server disconnect');
    expect(socket.connectAttempts).toBe(2);
    socket.connected = false;
    socket.fire('connect_error', Object.assign(new Error('Unknown or expired token'), { data: { code: 'UNAUTHORIZED', reload: false } }));
    expect(sync.status).toBe('revoked');
    socket.fire('connect_error', new Error('later network noise'));
    expect(sync.status).toBe('revoked');
    expect(statuses).toContain('revoked');
  });

  it('[R4] a server speaking another protocol version makes the client reload', () => {
    const socket = new FakeSocket();
    const sync = new HallSync(socket, 'h');
    let reloads = 0;
    sync.subscribe({ reloadRequired: () => reloads++ });
    socket.connect();
    socket.joins[0]!.ack({ ok: true, audience: 'staff', serverTime: '2026-11-25T02:00:00.000Z', protocolVersion: PROTOCOL_VERSION + 1, mode: 'snapshot', snapshot: snapshot(1) });
    expect(reloads).toBe(1);
    expect(sync.status).toBe('outdated');
    expect(socket.connected).toBe(false);
  });

  it('[R2] events of another hall are ignored', () => {
    const socket = new FakeSocket();
    const sync = new HallSync(socket, 'h', 'staff', snapshot(1));
    socket.connect();
    socket.joins[0]!.ack({ ok: true, audience: 'staff', serverTime: '2026-11-25T02:00:00.000Z', protocolVersion: PROTOCOL_VERSION, mode: 'events', events: [], headSeq: 1 });
    socket.fire('hall:changed', { ...event(2), hallId: 'other' });
    expect(sync.lastSeq).toBe(1);
  });
});

describe('noticing a dead link', () => {
  afterEach(() => vi.useRealTimers());

  it('[R8][L4] a screen that hears nothing for 5 s (no beat, no event) says offline and connects again; beats keep it live', () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const sync = new HallSync(socket, 'h', 'staff');
    socket.connect();
    socket.joins[0]!.ack({ ok: true, audience: 'staff', serverTime: '2026-11-25T02:00:00.000Z', protocolVersion: PROTOCOL_VERSION, mode: 'snapshot', snapshot: snapshot(1) });
    expect(sync.status).toBe('live');
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(2_000);
      socket.fire('hall:beat', { at: '2026-11-25T02:00:02.000Z' });
    }
    expect(sync.status).toBe('live');
    expect(socket.connectAttempts).toBe(1);
    vi.advanceTimersByTime(6_500); // silence
    expect(socket.connectAttempts).toBe(2);
    expect(socket.joins).toHaveLength(2); // it rejoins, catching up by seq
    expect(socket.joins[1]!.lastSeq).toBe(1);
    sync.close();
  });
});

describe('a visitor refused for its address\'s rate (AC7)', () => {
  afterEach(() => vi.useRealTimers());
  const limited = () => Object.assign(new Error('Too many live connections from this network; try again shortly'), { data: { code: 'REALTIME_RATE_LIMITED', reload: false } });

  it('[AC7] a refused handshake says offline and connects again after a pause of at least 15 s, not at once and not never', () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const sync = new HallSync(socket, 'h', 'public');
    socket.fire('connect_error', limited());
    expect(sync.status).toBe('offline');
    vi.advanceTimersByTime(RETRY_RATE_LIMITED.minMs - 1);
    expect(socket.connectAttempts).toBe(0);
    vi.advanceTimersByTime(RETRY_RATE_LIMITED.spreadMs + 1);
    expect(socket.connectAttempts).toBe(1);
    expect(socket.joins).toHaveLength(1);
  });

  it('[AC7] a refused join says offline and joins again on the same connection after the pause, then goes live', () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const sync = new HallSync(socket, 'h', 'public');
    socket.connect();
    socket.joins[0]!.ack({ ok: false, code: 'REALTIME_RATE_LIMITED', message: 'Too many live connections from this network; try again shortly' });
    expect(sync.status).toBe('offline');
    vi.advanceTimersByTime(RETRY_RATE_LIMITED.minMs - 1);
    expect(socket.joins).toHaveLength(1);
    vi.advanceTimersByTime(RETRY_RATE_LIMITED.spreadMs + 1);
    expect(socket.joins).toHaveLength(2);
    expect(socket.connectAttempts).toBe(1);
    socket.joins[1]!.ack({ ok: true, audience: 'public', serverTime: '2026-11-25T02:00:00.000Z', protocolVersion: PROTOCOL_VERSION, mode: 'snapshot', snapshot: aPublicHall() });
    expect(sync.status).toBe('live');
  });
});
