import { MAX_REPLAY_EVENTS, type HallEventEnvelope, type HallSnapshot, type PublicHallState, type TicketView } from '@hallflow/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisClientType } from 'redis';
import { businessDay } from '../core/business-day.ts';
import { ENVELOPE_FIELD, hallStreamKey, streamId } from '../realtime/event-stream.ts';
import type { HallReadModel } from '../realtime/join.ts';
import { HallMirror } from './hall-mirror.ts';
import type { PrimaryClient } from './primary-client.ts';

export interface RelayHubOptions {
  primary: PrimaryClient;
  /** A connection of its own: XREAD blocks it. */
  reader: RedisClientType;
  prefix: string;
  log: FastifyBaseLogger;
  now: () => Date;
  /** Every event applied to a mirror, once, in seq order per hall: the relay fans it out to its own sockets. */
  onEvent(envelope: HallEventEnvelope): void;
  /** How long one XREAD waits for new entries. */
  blockMs?: number;
}

/**
 * MN3, MN4: the relay's halls. Each hall a client joined is mirrored: loaded
 * once from the primary, then kept in step from the hall's Redis stream. Every
 * event reaches `onEvent` exactly once and in order; a gap (a stream trimmed
 * or emptied by a Redis restart) is filled from the primary's event log
 * before anything after it is delivered.
 */
export class RelayHub implements HallReadModel {
  readonly #options: RelayHubOptions;
  readonly #mirrors = new Map<string, HallMirror>();
  readonly #loading = new Map<string, Promise<HallMirror | null>>();
  /** Per hall, the delivery in progress: deliveries of one hall never interleave. */
  readonly #delivering = new Map<string, Promise<unknown>>();
  #running = false;
  #loop: Promise<void> | null = null;

  constructor(options: RelayHubOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#readLoop();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  /** The hall's mirror, loading it from the primary on first use and again on a new business day. */
  async ensure(hallId: string): Promise<HallMirror | null> {
    const mirror = this.#mirrors.get(hallId);
    if (mirror && businessDay(this.#options.now(), mirror.timezone) === mirror.day) return mirror;
    const loading = this.#loading.get(hallId);
    if (loading) return loading;
    const load = this.#load(hallId).finally(() => this.#loading.delete(hallId));
    this.#loading.set(hallId, load);
    return load;
  }

  async #load(hallId: string): Promise<HallMirror | null> {
    let state = await this.#options.primary.mirror(hallId);
    if (!state) return null;
    const existing = this.#mirrors.get(hallId);
    if (!existing) {
      const mirror = new HallMirror(state);
      this.#mirrors.set(hallId, mirror);
      return mirror;
    }
    // A new day. Deliver what lies between the mirror and the fresh state first, so no socket of this relay
    // misses it; a state the stream has already overtaken is fetched again.
    for (let attempt = 0; attempt < 5 && state; attempt++) {
      const fresh = state;
      const replaced = await this.#serialized(hallId, async () => {
        if (existing.seq > fresh.seq) return false;
        await this.#fill(existing, fresh.seq);
        existing.replace(fresh);
        return true;
      });
      if (replaced) break;
      state = await this.#options.primary.mirror(hallId);
    }
    return existing;
  }

  /** The mirrored halls and their seq (the relay's health report). */
  mirrored(): Record<string, number> {
    return Object.fromEntries([...this.#mirrors].map(([hallId, mirror]) => [hallId, mirror.seq]));
  }

  head(hallId: string): number | null {
    return this.#mirrors.get(hallId)?.seq ?? null;
  }
  eventsSince(hallId: string, afterSeq: number, limit: number): HallEventEnvelope[] {
    return this.#mirrors.get(hallId)?.eventsSince(afterSeq, limit) ?? [];
  }
  staffSnapshot(hallId: string): HallSnapshot {
    return this.#mirror(hallId).staff;
  }
  publicSnapshot(hallId: string): PublicHallState {
    return this.#mirror(hallId).public;
  }
  ticket(hallId: string, ticketId: string): TicketView | null {
    return this.#mirrors.get(hallId)?.ticket(ticketId) ?? null;
  }

  #mirror(hallId: string): HallMirror {
    const mirror = this.#mirrors.get(hallId);
    if (!mirror) throw new Error(`Hall ${hallId} is not mirrored on this relay`);
    return mirror;
  }

  async #readLoop(): Promise<void> {
    const { reader, prefix, log } = this.#options;
    let failures = 0;
    while (this.#running) {
      const halls = [...this.#mirrors.entries()];
      if (halls.length === 0) {
        await sleep(100);
        continue;
      }
      try {
        const streams = halls.map(([hallId, mirror]) => ({ key: hallStreamKey(prefix, hallId), id: streamId(mirror.seq) }));
        const answer = (await reader.xRead(streams, { BLOCK: this.#options.blockMs ?? 1_000, COUNT: 500 })) as StreamReply | null;
        failures = 0;
        for (const stream of answer ?? []) {
          const hallId = stream.name.slice(prefix.length + ':events:'.length);
          for (const entry of stream.messages) {
            const envelope = JSON.parse(String(entry.message[ENVELOPE_FIELD])) as HallEventEnvelope;
            await this.#serialized(hallId, () => this.#deliver(hallId, envelope));
          }
        }
      } catch (error) {
        failures++;
        // Redis restarting or a primary unreachable during a gap: try again with a short back-off; the mirrors keep their place.
        if (failures === 1 || failures % 30 === 0) log.warn({ err: error }, 'relay: reading the event streams failed; retrying');
        await sleep(Math.min(2_000, 100 * failures));
      }
    }
  }

  async #deliver(hallId: string, envelope: HallEventEnvelope): Promise<void> {
    const mirror = this.#mirrors.get(hallId);
    if (!mirror || envelope.seq <= mirror.seq) return;
    if (envelope.seq > mirror.seq + 1) await this.#fill(mirror, envelope.seq - 1);
    if (mirror.apply(envelope)) this.#options.onEvent(envelope);
  }

  /** Brings a mirror to `seq` from the primary's log, delivering each event. */
  async #fill(mirror: HallMirror, seq: number): Promise<void> {
    const hallId = mirror.staff.hall.id;
    while (mirror.seq < seq) {
      const events = await this.#options.primary.events(hallId, mirror.seq, Math.min(MAX_REPLAY_EVENTS, seq - mirror.seq));
      const before = mirror.seq;
      for (const envelope of events) if (mirror.apply(envelope)) this.#options.onEvent(envelope);
      if (mirror.seq === before) throw new Error(`The primary's log of hall ${hallId} has no event ${before + 1}`);
    }
  }

  #serialized<T>(hallId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#delivering.get(hallId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.#delivering.set(hallId, settled);
    void settled.then(() => {
      if (this.#delivering.get(hallId) === settled) this.#delivering.delete(hallId);
    });
    return next;
  }
}

type StreamReply = { name: string; messages: { id: string; message: Record<string, string> }[] }[];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
