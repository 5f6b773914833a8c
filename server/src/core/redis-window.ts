import type { RedisClientType } from 'redis';

/**
 * One more hit under `key` in a fixed window that starts with its first hit
 * (NX) and lasts `windowMs`: the count so far in the window and the time it
 * has left. What the HTTP rate limits and the visitors' realtime limit (AC5,
 * AC7) both count with when nodes share Redis.
 */
export async function hitRedisWindow(redis: RedisClientType, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const replies = await redis.multi().incr(key).pExpire(key, windowMs, 'NX').pTTL(key).exec();
  return { current: Number(replies[0]), ttl: Math.max(0, Number(replies[2])) };
}
