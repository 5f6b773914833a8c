import type { TicketView } from '@hallflow/shared';
import { eventsSince, headSeq } from '../core/event-log.ts';
import { StampedCache } from '../db/stamped-cache.ts';
import type { Db } from '../db/connection.ts';
import { SnapshotCache } from '../modules/hall/snapshot-cache.ts';
import { ticketView } from '../modules/hall/views.ts';
import { findTicketRow } from '../modules/tickets/ticket.repository.ts';
import type { HallReadModel } from './join.ts';

/**
 * R10: a hall's head for joins, from memory while neither the log nor the
 * halls have moved (a join storm read it once a join, each a statement and a
 * WAL read lock). A command's append reads the log itself, under its lock.
 */
const heads = new StampedCache<number | null>(['events', 'halls']);

/** The primary's (and a single node's) read model: the SQLite store, with snapshots shared per hall and seq (PV5). */
export function storeReadModel(db: Db): HallReadModel & { snapshots: SnapshotCache } {
  const snapshots = new SnapshotCache(db);
  return {
    snapshots,
    head: (hallId) => heads.get(db, hallId, () => headSeq(db, hallId)),
    eventsSince: (hallId, afterSeq, limit) => eventsSince(db, hallId, afterSeq, limit),
    staffSnapshot: (hallId, seq, now) => snapshots.staffState(hallId, seq, now),
    publicSnapshot: (hallId, seq, now) => snapshots.publicState(hallId, seq, now),
    ticket(hallId, ticketId): TicketView | null {
      const row = findTicketRow(db, hallId, ticketId);
      return row ? ticketView(row) : null;
    },
  };
}
