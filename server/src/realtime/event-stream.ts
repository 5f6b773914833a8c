import type { HallEventEnvelope } from '@hallflow/shared';
import type { RedisClientType } from 'redis';

/** MN2: each hall's committed events, in seq order, as a Redis stream whose entry IDs are `<seq>-0`. */
export const hallStreamKey = (prefix: string, hallId: string) => `${prefix}:events:${hallId}`;
export const streamId = (seq: number) => `${seq}-0`;
export const seqOfStreamId = (id: string) => Number(id.slice(0, id.indexOf('-')));

/** The field of a stream entry that holds the envelope (JSON). */
export const ENVELOPE_FIELD = 'e';

/** Redis refuses an explicit ID not above the stream's last: the entry is already there. */
export function isAlreadyStreamed(error: unknown): boolean {
  return error instanceof Error && /equal or smaller than the target stream top item/.test(error.message);
}

/** Reads one hall's stream from after `afterSeq`, oldest first. */
export async function readStream(redis: RedisClientType, prefix: string, hallId: string, afterSeq: number, count: number): Promise<HallEventEnvelope[]> {
  const entries = await redis.xRange(hallStreamKey(prefix, hallId), `(${streamId(afterSeq)}`, '+', { COUNT: count });
  return entries.map((entry) => JSON.parse(String(entry.message[ENVELOPE_FIELD])) as HallEventEnvelope);
}

/** The last seq a hall's stream holds, or null for an empty or missing stream. */
export async function lastStreamedSeq(redis: RedisClientType, prefix: string, hallId: string): Promise<number | null> {
  const [last] = await redis.xRevRange(hallStreamKey(prefix, hallId), '+', '-', { COUNT: 1 });
  return last ? seqOfStreamId(last.id) : null;
}
