import type { HallEvent, HallEventEnvelope } from '@hallflow/shared';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/connection.ts';
import { events, halls } from '../db/schema/index.ts';
import { prepared } from '../db/prepared.ts';
import { notFound } from './errors.ts';

/**
 * The per-hall event log. `append` must run inside the transaction that made
 * the change (rule R1), so an event exists if and only if its change does.
 * A hall's seqs are the log's own: the next is one past the hall's last
 * logged event (the log is never pruned; the key (hall, seq) finds the last
 * at once, and the command's write lock keeps two from taking the same).
 * R10: no counter on the hall's row, so a command does not rewrite that row
 * and the hall's settings stay cached between commands.
 */
export function appendEvent(tx: Tx, hallId: string, event: HallEvent, at: Date): HallEventEnvelope {
  const head = headSeq(tx, hallId);
  if (head === null) throw notFound('Hall', hallId);
  const envelope: HallEventEnvelope = { hallId, seq: head + 1, at: at.toISOString(), event };
  prepared(tx, 'append-event', (d) =>
    d
      .insert(events)
      .values({ hallId: sql.placeholder('hallId'), seq: sql.placeholder('seq'), type: sql.placeholder('type'), payload: sql.placeholder('payload'), at: sql.placeholder('at') })
      .prepare(),
  ).run({ hallId, seq: envelope.seq, type: event.type, payload: event, at: envelope.at });
  return envelope;
}

/** The hall's last seq (0 before its first event); null when there is no such hall. */
export function headSeq(db: Db | Tx, hallId: string): number | null {
  const row = prepared(db, 'head-seq', (d) =>
    d
      .select({ seq: sql<number>`(select coalesce(max(${events.seq}), 0) from ${events} where ${events.hallId} = ${halls.id})` })
      .from(halls)
      .where(eq(halls.id, sql.placeholder('hallId')))
      .prepare(),
  ).get({ hallId });
  return row ? row.seq : null;
}

/** Events after `afterSeq`, oldest first, at most `limit`. */
export function eventsSince(db: Db | Tx, hallId: string, afterSeq: number, limit: number): HallEventEnvelope[] {
  return db
    .select()
    .from(events)
    .where(and(eq(events.hallId, hallId), gt(events.seq, afterSeq)))
    .orderBy(asc(events.seq))
    .limit(limit)
    .all()
    .map((row) => ({ hallId: row.hallId, seq: row.seq, at: row.at, event: row.payload as HallEvent }));
}
