import type { HallEvent, HallEventEnvelope } from '@hallflow/shared';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/connection.ts';
import { events, halls } from '../db/schema/index.ts';
import { prepared } from '../db/prepared.ts';
import { notFound } from './errors.ts';

/**
 * The per-hall event log. `append` must run inside the transaction that made
 * the change (rule R1), so an event exists if and only if its change does.
 */
export function appendEvent(tx: Tx, hallId: string, event: HallEvent, at: Date): HallEventEnvelope {
  const bumped = prepared(tx, 'bump-seq', (d) =>
    d
      .update(halls)
      .set({ lastSeq: sql`${halls.lastSeq} + 1` })
      .where(eq(halls.id, sql.placeholder('hallId')))
      .returning({ seq: halls.lastSeq })
      .prepare(),
  ).get({ hallId });
  if (!bumped) throw notFound('Hall', hallId);
  const envelope: HallEventEnvelope = { hallId, seq: bumped.seq, at: at.toISOString(), event };
  prepared(tx, 'append-event', (d) =>
    d
      .insert(events)
      .values({ hallId: sql.placeholder('hallId'), seq: sql.placeholder('seq'), type: sql.placeholder('type'), payload: sql.placeholder('payload'), at: sql.placeholder('at') })
      .prepare(),
  ).run({ hallId, seq: envelope.seq, type: event.type, payload: event, at: envelope.at });
  return envelope;
}

export function headSeq(db: Db | Tx, hallId: string): number | null {
  const row = prepared(db, 'head-seq', (d) => d.select({ seq: halls.lastSeq }).from(halls).where(eq(halls.id, sql.placeholder('hallId'))).prepare()).get({ hallId });
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
