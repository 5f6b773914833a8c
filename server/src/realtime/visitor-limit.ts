import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisClientType } from 'redis';
import { hitRedisWindow } from '../core/redis-window.ts';
import { clientAddressOf } from './client-address.ts';

/**
 * AC7: how many realtime connections and hall joins a page without a
 * credential (`visitor`, LV13) may make from one address in a minute. A
 * visitor's page needs one of each when it opens (and again after a dropped
 * link), so the limit stops a script that opens sockets in a loop, not a lobby
 * of phones behind one NAT.
 *
 * Counted in fixed one-minute windows, like the HTTP rate limits: in this
 * node's memory, or in Redis when several nodes serve one city, so the limit
 * holds for the city and not per node.
 */
export interface WindowCounter {
  /** Counts one more under `key` and answers the count in the current window. */
  hit(key: string, windowMs: number): Promise<number>;
}

export class MemoryWindowCounter implements WindowCounter {
  readonly #windows = new Map<string, { count: number; endsAt: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<number> {
    const now = this.now();
    const current = this.#windows.get(key);
    const window = current && current.endsAt > now ? { count: current.count + 1, endsAt: current.endsAt } : { count: 1, endsAt: now + windowMs };
    // Re-inserted so the oldest windows are first in line to be dropped.
    this.#windows.delete(key);
    this.#windows.set(key, window);
    // Bounded: an attacker cycling addresses cannot grow this without end.
    if (this.#windows.size > 50_000) this.#windows.delete(this.#windows.keys().next().value!);
    return window.count;
  }
}

export class RedisWindowCounter implements WindowCounter {
  constructor(
    private readonly redis: RedisClientType,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowMs: number): Promise<number> {
    // The same window as the HTTP limits' counters.
    return (await hitRedisWindow(this.redis, `${this.prefix}:visitor-realtime:${key}`, windowMs)).current;
  }
}

/**
 * Redis when it answers, this node's memory when it does not: a Redis outage
 * neither refuses every visitor nor lifts the limit; it only counts per node
 * meanwhile (as sign-in back-off does, AC5).
 */
export class FallbackWindowCounter implements WindowCounter {
  constructor(
    private readonly primary: WindowCounter,
    private readonly fallback: WindowCounter,
    private readonly onFallback: (error: unknown) => void,
  ) {}

  async hit(key: string, windowMs: number): Promise<number> {
    try {
      return await this.primary.hit(key, windowMs);
    } catch (error) {
      this.onFallback(error);
      return this.fallback.hit(key, windowMs);
    }
  }
}

export const VISITOR_WINDOW_MS = 60_000;

export class VisitorRealtimeLimit {
  constructor(
    private readonly counter: WindowCounter,
    /** Connections and joins per address per minute (VISITOR_REALTIME_RATE_LIMIT). */
    readonly max: number,
  ) {}

  /** Counts one connection or join from `address`; false once the address has used its minute's share. */
  async allows(address: string): Promise<boolean> {
    return (await this.counter.hit(address, VISITOR_WINDOW_MS)) <= this.max;
  }
}

export interface VisitorGateOptions {
  /** VISITOR_REALTIME_RATE_LIMIT. */
  perMinute: number;
  /** TRUST_PROXY: whose X-Forwarded-For names the visitor's address. */
  trustProxy: string[] | false;
}

/** The limit as a node applies it to a connection's handshake request: counted in Redis when the node has it. */
export function visitorGate(log: FastifyBaseLogger, redis: RedisClientType | null, prefix: string, options: VisitorGateOptions): { allows(request: IncomingMessage): Promise<boolean> } {
  const memory = new MemoryWindowCounter();
  const counter = redis ? new FallbackWindowCounter(new RedisWindowCounter(redis, prefix), memory, (error) => log.warn({ err: error }, 'visitor realtime limit: Redis unavailable, counting on this node')) : memory;
  const limit = new VisitorRealtimeLimit(counter, options.perMinute);
  const addressOf = clientAddressOf(options.trustProxy);
  return { allows: (request) => limit.allows(addressOf(request)) };
}
