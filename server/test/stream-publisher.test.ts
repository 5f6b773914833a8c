import type { HallEventEnvelope } from '@hallflow/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisClientType } from 'redis';
import { describe, expect, it } from 'vitest';
import { StreamPublisher } from '../src/realtime/stream-publisher.ts';

/** One hall's stream in memory; `failures` makes the next XADDs throw as a Redis that is restarting does. */
function fakeRedis() {
  const entries: { id: string; message: Record<string, string> }[] = [];
  const state = { failures: 0 };
  const redis = {
    async xAdd(_key: string, id: string, message: Record<string, string>) {
      if (state.failures > 0) {
        state.failures--;
        throw new Error('Socket closed unexpectedly');
      }
      const last = entries.at(-1);
      if (last && Number(last.id.split('-')[0]) >= Number(id.split('-')[0])) throw new Error('ERR The ID specified in XADD is equal or smaller than the target stream top item');
      entries.push({ id, message });
      return id;
    },
    async xRevRange() {
      return entries.slice(-1).reverse();
    },
  };
  return { redis: redis as unknown as RedisClientType, entries, state };
}

const envelope = (seq: number): HallEventEnvelope => ({ hallId: 'demo', seq, at: '2026-11-29T08:00:00.000Z', event: { type: 'hall.opened' } }) as unknown as HallEventEnvelope;
const silent = { warn() {} } as unknown as FastifyBaseLogger;

describe('the primary’s outbox to Redis', () => {
  it('[MN2][MN6] an append that fails in the middle of a hall’s queue rebuilds that hall from the log once Redis answers, so its last events are not lost', async () => {
    const log = [1, 2, 3].map(envelope);
    const { redis, entries, state } = fakeRedis();
    const publisher = new StreamPublisher({
      redis,
      prefix: 'test',
      keep: 100,
      head: () => log.at(-1)!.seq,
      eventsSince: (_hallId, after, limit) => log.filter((event) => event.seq > after).slice(0, limit),
      halls: () => ['demo'],
      log: silent,
      retryMs: 10,
    });
    state.failures = 1; // Redis is coming back: the first append of the batch fails, the others would work
    publisher.publish(log);
    await publisher.flushed();
    expect(entries).toEqual([]);
    // No later event comes (the last call of the day): the retry alone must bring the stream level.
    await expect.poll(() => entries.map((entry) => entry.id), { timeout: 2_000 }).toEqual(['1-0', '2-0', '3-0']);
    publisher.close();
  });
});
