import type { TicketView } from '@hallflow/shared';
import { and, eq, sql } from 'drizzle-orm';
import { eventsSince, headSeq } from '../core/event-log.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/prepared.ts';
import { tickets } from '../db/schema/index.ts';
import { SnapshotCache } from '../modules/hall/snapshot-cache.ts';
import { ticketView } from '../modules/hall/views.ts';
import type { HallReadModel } from './join.ts';

/** The primary's (and a single node's) read model: the SQLite store, with snapshots shared per hall and seq (PV5). */
export function storeReadModel(db: Db): HallReadModel & { snapshots: SnapshotCache } {
  const snapshots = new SnapshotCache(db);
  return {
    snapshots,
    head: (hallId) => headSeq(db, hallId),
    eventsSince: (hallId, afterSeq, limit) => eventsSince(db, hallId, afterSeq, limit),
    staffSnapshot: (hallId, seq, now) => snapshots.staffState(hallId, seq, now),
    publicSnapshot: (hallId, seq, now) => snapshots.publicState(hallId, seq, now),
    ticket(hallId, ticketId): TicketView | null {
      const row = prepared(db, 'ticket-of-hall', (d) =>
        d
          .select()
          .from(tickets)
          .where(and(eq(tickets.id, sql.placeholder('ticketId')), eq(tickets.hallId, sql.placeholder('hallId'))))
          .prepare(),
      ).get({ ticketId, hallId });
      return row ? ticketView(row) : null;
    },
  };
}
