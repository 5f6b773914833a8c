import type { RedisClientType } from 'redis';

/**
 * AC5: sign-in backs off after failed attempts, per account and per address.
 * After `freeFailures` failures within the window, each further attempt must
 * wait: 30 s, then doubling, up to 15 minutes. A success clears the account's
 * count (not the address's: one address guessing many accounts stays slowed).
 *
 * The counts live in memory on one node, or in Redis when several nodes serve
 * one city, so moving between nodes does not reset them. They are never
 * written to the database: a refused sign-in writes nothing (IN4).
 */
export interface FailureCounter {
  /** The failures recorded under `key` within the window and the time of the last one, or null. */
  read(key: string): Promise<{ count: number; lastAt: number } | null>;
  record(key: string, at: number, windowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
}

export class MemoryFailureCounter implements FailureCounter {
  readonly #entries = new Map<string, { count: number; lastAt: number; expiresAt: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  async read(key: string) {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return null;
    }
    return { count: entry.count, lastAt: entry.lastAt };
  }

  async record(key: string, at: number, windowMs: number) {
    const entry = this.#entries.get(key);
    const count = entry && entry.expiresAt > this.now() ? entry.count + 1 : 1;
    this.#entries.set(key, { count, lastAt: at, expiresAt: this.now() + windowMs });
    // Bounded: an attacker cycling addresses cannot grow this without end.
    if (this.#entries.size > 50_000) this.#entries.delete(this.#entries.keys().next().value!);
  }

  async clear(key: string) {
    this.#entries.delete(key);
  }
}

export class RedisFailureCounter implements FailureCounter {
  constructor(
    private readonly redis: RedisClientType,
    private readonly prefix: string,
  ) {}

  async read(key: string) {
    const values = await this.redis.hmGet(`${this.prefix}:login:${key}`, ['count', 'lastAt']);
    const [count, lastAt] = values.map((value) => Number(value ?? 0));
    return count ? { count: count!, lastAt: lastAt! } : null;
  }

  async record(key: string, at: number, windowMs: number) {
    const name = `${this.prefix}:login:${key}`;
    await this.redis.multi().hIncrBy(name, 'count', 1).hSet(name, 'lastAt', String(at)).pExpire(name, windowMs).exec();
  }

  async clear(key: string) {
    await this.redis.del(`${this.prefix}:login:${key}`);
  }
}

/**
 * Redis when it answers, this node's memory when it does not: a Redis outage
 * must not lock a hall's staff out, and the back-off still holds on this node
 * meanwhile.
 */
export class FallbackFailureCounter implements FailureCounter {
  constructor(
    private readonly primary: FailureCounter,
    private readonly fallback: FailureCounter,
    private readonly onFallback: (error: unknown) => void,
  ) {}

  async #either<T>(work: (counter: FailureCounter) => Promise<T>): Promise<T> {
    try {
      return await work(this.primary);
    } catch (error) {
      this.onFallback(error);
      return work(this.fallback);
    }
  }

  read(key: string) {
    return this.#either((counter) => counter.read(key));
  }
  record(key: string, at: number, windowMs: number) {
    return this.#either((counter) => counter.record(key, at, windowMs));
  }
  clear(key: string) {
    return this.#either((counter) => counter.clear(key));
  }
}

export interface ThrottlePolicy {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 };
/** A hall's staff share one address behind the hall's router: more room before it slows. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 };

/** How long after the last failure the next attempt must wait (0: it may try now). Pure. */
export function backoffMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failures - policy.freeFailures));
}

export class LoginThrottle {
  constructor(
    private readonly counter: FailureCounter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this account may try again from this address; 0 when it may try now. */
  async waitMs(username: string, address: string): Promise<number> {
    const [account, fromAddress] = await Promise.all([this.counter.read(`u:${username.toLowerCase()}`), this.counter.read(`a:${address}`)]);
    const now = this.now();
    const wait = (entry: { count: number; lastAt: number } | null, policy: ThrottlePolicy) =>
      entry ? Math.max(0, entry.lastAt + backoffMs(entry.count, policy) - now) : 0;
    return Math.max(wait(account, ACCOUNT_POLICY), wait(fromAddress, ADDRESS_POLICY));
  }

  async failed(username: string, address: string): Promise<void> {
    const at = this.now();
    await Promise.all([
      this.counter.record(`u:${username.toLowerCase()}`, at, ACCOUNT_POLICY.windowMs),
      this.counter.record(`a:${address}`, at, ADDRESS_POLICY.windowMs),
    ]);
  }

  async succeeded(username: string): Promise<void> {
    await this.counter.clear(`u:${username.toLowerCase()}`);
  }
}
