import type { HallEventEnvelope } from '@hallflow/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisClientType } from 'redis';
import { ENVELOPE_FIELD, hallStreamKey, isAlreadyStreamed, lastStreamedSeq, streamId } from './event-stream.ts';

export interface StreamPublisherOptions {
  redis: RedisClientType;
  prefix: string;
  /** Entries kept per hall (approximately): relays further behind fetch the rest from the primary. */
  keep: number;
  /** The primary's event log: the source of truth the stream is rebuilt from. */
  head(hallId: string): number | null;
  eventsSince(hallId: string, afterSeq: number, limit: number): HallEventEnvelope[];
  halls(): string[];
  log: FastifyBaseLogger;
  /** How long to wait before trying Redis again after a failure. */
  retryMs?: number;
}

const CHUNK = 500;

/**
 * MN2: the primary's outbox to Redis. Every committed event is appended to its
 * hall's stream with the ID `<seq>-0`, in seq order; Redis refuses an ID that
 * is already there, so a retry never duplicates. When Redis is unreachable
 * (down, restarting, emptied), nothing is queued in memory: the hall is marked
 * and, once Redis answers again, the stream is brought level from the SQLite
 * event log, which is what the relays would otherwise miss.
 */
export class StreamPublisher {
  readonly #options: StreamPublisherOptions;
  /** Events waiting to be appended, per hall, in seq order. */
  readonly #queued = new Map<string, HallEventEnvelope[]>();
  /** Halls whose stream may lag the log: rebuilt from the log before anything else is appended. */
  readonly #behind = new Set<string>();
  #draining: Promise<void> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #closed = false;

  constructor(options: StreamPublisherOptions) {
    this.#options = options;
  }

  /** Called after each commit (R6: after the command has answered). */
  publish(envelopes: readonly HallEventEnvelope[]): void {
    for (const envelope of envelopes) {
      const queue = this.#queued.get(envelope.hallId) ?? [];
      queue.push(envelope);
      this.#queued.set(envelope.hallId, queue);
    }
    this.#drainSoon();
  }

  /** At start: every hall's stream may lag (a crash between a commit and its append). */
  reconcileAll(): void {
    for (const hallId of this.#options.halls()) this.#behind.add(hallId);
    this.#drainSoon();
  }

  /** Resolves once everything handed over so far has been appended (or has failed and awaits a retry). */
  async flushed(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  close(): void {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
  }

  #drainSoon(): void {
    if (this.#draining || this.#closed) return;
    this.#draining = this.#drain().finally(() => {
      this.#draining = null;
      if (this.#queued.size > 0 && !this.#retry) this.#drainSoon();
    });
  }

  async #drain(): Promise<void> {
    while (!this.#closed && (this.#queued.size > 0 || this.#behind.size > 0)) {
      try {
        for (const hallId of [...this.#behind]) {
          this.#queued.delete(hallId);
          await this.#level(hallId);
          this.#behind.delete(hallId);
        }
        for (const [hallId, queue] of this.#queued) {
          this.#queued.delete(hallId);
          try {
            for (const envelope of queue) await this.#append(envelope);
          } catch (error) {
            // The queue has left #queued: without this the rest of it would never reach the stream, and a hall
            // whose last events are lost gives the relays no later event to notice the gap by.
            this.#behind.add(hallId);
            throw error;
          }
        }
      } catch (error) {
        // Whatever was queued is in the log: rebuild those halls from it once Redis is back.
        for (const hallId of this.#queued.keys()) this.#behind.add(hallId);
        this.#queued.clear();
        this.#options.log.warn({ err: error, halls: [...this.#behind] }, 'event stream: Redis unavailable; the streams will be rebuilt from the event log');
        this.#retry = setTimeout(() => {
          this.#retry = null;
          this.#drainSoon();
        }, this.#options.retryMs ?? 1_000);
        this.#retry.unref();
        return;
      }
    }
  }

  /** Appends what the log holds beyond the stream's last entry (at most `keep` of it). */
  async #level(hallId: string): Promise<void> {
    const { redis, prefix, keep } = this.#options;
    const head = this.#options.head(hallId);
    if (head === null) return;
    let after = Math.max((await lastStreamedSeq(redis, prefix, hallId)) ?? 0, head - keep);
    while (after < head) {
      const events = this.#options.eventsSince(hallId, after, CHUNK);
      if (events.length === 0) return;
      for (const envelope of events) await this.#append(envelope);
      after = events[events.length - 1]!.seq;
    }
  }

  async #append(envelope: HallEventEnvelope): Promise<void> {
    const { redis, prefix, keep } = this.#options;
    try {
      await redis.xAdd(hallStreamKey(prefix, envelope.hallId), streamId(envelope.seq), { [ENVELOPE_FIELD]: JSON.stringify(envelope) }, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: keep } });
    } catch (error) {
      if (!isAlreadyStreamed(error)) throw error;
    }
  }
}
