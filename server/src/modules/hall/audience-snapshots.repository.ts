import { projectPublicSnapshot, PUBLIC_CALLS_KEPT, type HallEvent, type PublicHallState } from '@hallflow/shared';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { batches, events, tickets, windows } from '../../db/schema/index.ts';
import { literalLimit } from '../../db/prepared.ts';
import { businessDay } from '../../core/business-day.ts';
import { allQueueViews } from '../tickets/queue-stats.repository.ts';
import { getHallRow, hallCategories, occupancyOf } from './hall.repository.ts';
import { batchView, hallView, ticketView, windowView } from './views.ts';
import { headSeq } from '../../core/event-log.ts';

type Reader = Db | Tx;

/** A ticket is called at most 1 + 3 recalls times (T4): this many call events always hold PUBLIC_CALLS_KEPT distinct tickets. */
const CALL_EVENTS_READ = PUBLIC_CALLS_KEPT * 4;

/**
 * PV1, L1: the public screens' snapshot. Every read is bounded by the number
 * of windows and categories, never by the tickets of the day, so a screen
 * joining late in a busy day costs what it costs at opening.
 */
export function publicSnapshot(db: Reader, hallId: string, now: Date): PublicHallState {
  const hall = getHallRow(db, hallId);
  // Read with the hall, before the rest: a snapshot's data is never older than its seq.
  const seq = headSeq(db, hallId) ?? 0;
  const windowRows = db.select().from(windows).where(eq(windows.hallId, hallId)).orderBy(asc(windows.number)).all();
  const currentIds = windowRows.flatMap((w) => (w.currentTicketId ? [w.currentTicketId] : []));
  const currentTickets = currentIds.length > 0 ? db.select().from(tickets).where(inArray(tickets.id, currentIds)).all().map(ticketView) : [];
  const recentCalls = db
    .select()
    .from(events)
    .where(and(eq(events.hallId, hallId), inArray(events.type, ['ticket.called', 'ticket.recalled'])))
    .orderBy(desc(events.seq))
    .limit(literalLimit(CALL_EVENTS_READ))
    .all()
    .map((row) => ({ hallId: row.hallId, seq: row.seq, at: row.at, event: row.payload as HallEvent }));
  const calledIds = [...new Set(recentCalls.flatMap((envelope) => ('ticket' in envelope.event ? [envelope.event.ticket.id] : [])))];
  const waitingAgain =
    calledIds.length > 0
      ? db
          .select({ id: tickets.id })
          .from(tickets)
          .where(and(inArray(tickets.id, calledIds), eq(tickets.state, 'waiting')))
          .all()
          .map((row) => row.id)
      : [];
  const finished = windowRows.flatMap((window) => {
    const row = db
      .select()
      .from(tickets)
      .where(and(eq(tickets.hallId, hallId), eq(tickets.windowId, window.id), eq(tickets.state, 'done'), isNotNull(tickets.finishedAt)))
      .orderBy(desc(tickets.finishedAt), desc(sql`${tickets}.rowid`))
      .limit(literalLimit(1))
      .get();
    return row ? [ticketView(row)] : [];
  });
  const latestBatchRow = db.select().from(batches).where(eq(batches.hallId, hallId)).orderBy(desc(batches.admittedAt), desc(batches.number)).limit(literalLimit(1)).get();
  let latestBatch = null;
  if (latestBatchRow) {
    const batchTickets = latestBatchRow.partyIds.length > 0 ? db.select().from(tickets).where(inArray(tickets.partyId, latestBatchRow.partyIds)).all() : [];
    // In the batch's own order (holding order, B1), as the admission event listed them.
    const ordered = latestBatchRow.partyIds.flatMap((partyId) => batchTickets.filter((t) => t.partyId === partyId)).map(ticketView);
    latestBatch = { batch: batchView(latestBatchRow), tickets: ordered };
  }
  const day = businessDay(now, hall.timezone);
  return projectPublicSnapshot({
    seq,
    day,
    hall: hallView(hall),
    categories: hallCategories(db, hallId),
    windows: windowRows.map(windowView),
    currentTickets,
    recentCalls,
    waitingAgain,
    finished,
    queues: allQueueViews(db, hallId, day),
    latestBatch,
    occupancy: occupancyOf(db, hallId),
  });
}
