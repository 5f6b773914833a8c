import { smoothedHandlingMinutes, ticketsOf, type HallEvent, type QueueView } from '@hallflow/shared';
import { and, asc, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { categories, tickets } from '../../db/schema/index.ts';

type Reader = Db | Tx;

/** E1: how many finished services of the day the smoothed handling time looks back on. */
const HANDLING_WINDOW = 20;

/**
 * One queue's figures (E1, E2): the tickets waiting in it, and the smoothed
 * handling time of its services finished on `day`. Both come from the
 * (hall, category, state, finished) index: a few rows, however long the day.
 */
export function queueView(db: Reader, hallId: string, categoryId: string, day: string): QueueView {
  const waiting = db
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.categoryId, categoryId), eq(tickets.state, 'waiting')))
    .get();
  const recent = db
    .select({ started: tickets.serviceStartedAt, finished: tickets.finishedAt })
    .from(tickets)
    .where(
      and(eq(tickets.hallId, hallId), eq(tickets.categoryId, categoryId), eq(tickets.state, 'done'), eq(tickets.day, day), isNotNull(tickets.serviceStartedAt)),
    )
    .orderBy(desc(tickets.finishedAt))
    .limit(HANDLING_WINDOW)
    .all()
    .reverse()
    .map((row) => (Date.parse(row.finished!) - Date.parse(row.started!)) / 60_000);
  return { categoryId, waiting: waiting?.n ?? 0, handlingMinutes: smoothedHandlingMinutes(recent) };
}

/** Every category's figures, in the hall's category order. */
export function allQueueViews(db: Reader, hallId: string, day: string): QueueView[] {
  return db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.hallId, hallId))
    .orderBy(asc(categories.sortOrder), asc(categories.id))
    .all()
    .map((category) => queueView(db, hallId, category.id, day));
}

/**
 * Adds to an event the figures of the queues it changed, in its own
 * transaction: the categories its tickets are in now (a transfer only ever
 * moves a ticket that was not waiting, so the queue it left did not change),
 * or every queue when the hall was reconfigured.
 */
export function withQueueFigures(tx: Tx, hallId: string, event: HallEvent, day: string): HallEvent {
  if (event.type === 'hall.configured') return { ...event, queues: allQueueViews(tx, hallId, day) };
  const changed = [...new Set(ticketsOf(event).map((ticket) => ticket.categoryId))];
  if (changed.length === 0) return event;
  return { ...event, queues: changed.map((categoryId) => queueView(tx, hallId, categoryId, day)) } as HallEvent;
}
