import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { RedisClientType } from 'redis';
import { hitRedisWindow } from '../../core/redis-window.ts';

type Incremented = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * The rate-limit counters in Redis, through the node-redis client the other
 * shared state uses (@fastify/rate-limit's own Redis store needs ioredis).
 */
function redisStore(redis: RedisClientType, prefix: string) {
  return class RedisRateStore {
    readonly #key: string;
    constructor(_options?: unknown, key = prefix) {
      this.#key = key;
    }

    incr(address: string, done: Incremented, timeWindow = 60_000): void {
      hitRedisWindow(redis, this.#key + address, timeWindow).then(
        (counted) => done(null, counted),
        (error: Error) => done(error),
      );
    }

    child(routeOptions: object) {
      // The plugin passes the route's merged options, with the route itself under routeInfo.
      const route = (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo;
      return new RedisRateStore(undefined, `${this.#key}${String(route?.method)}${route?.url}:`);
    }
  };
}

/**
 * Rate limiting is opt-in per route (`config.rateLimit`): visitor routes and
 * sign-in use it. With several nodes the counters live in Redis, so a limit
 * holds for the city, not per node (AC5).
 */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      // Redis unreachable: serve the request unlimited rather than refuse a hall's visitors (the outage is logged by the client).
      skipOnError: true,
      ...(app.redis ? { store: redisStore(app.redis, `${app.redisPrefix}:ratelimit:`) } : {}),
    });
  },
  { name: 'rate-limit', dependencies: ['redis'] },
);
