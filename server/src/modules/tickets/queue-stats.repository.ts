import { CALL_INTERVAL_LOOKBACK, callIntervalMinutes, smoothedHandlingMinutes, ticketsOf, type HallEvent, type QueueView } from '@hallflow/shared';
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { categories, queueCounts, tickets } from '../../db/schema/index.ts';
import { literalLimit, prepared } from '../../db/prepared.ts';
import { StampedCache } from '../../db/stamped-cache.ts';

type Reader = Db | Tx;

/** E1: how many finished services of the day the smoothed handling time looks back on. */
const HANDLING_WINDOW = 20;

/**
 * One queue's figures (E1, E2, E5): the tickets waiting in it (every day's,
 * as Q10 calls them), the smoothed handling time of its services finished on
 * `day` and its call interval on `day`. The first is one row per day kept by
 * triggers (R10), the others come from the (hall, category, state, finished)
 * and (hall, category, day, called) indexes: a few rows, however long the day.
 */
export function queueView(db: Reader, hallId: string, categoryId: string, day: string): QueueView {
  // R10: kept by triggers on every change of a ticket, instead of counted here.
  const waiting = prepared(db, 'queue-waiting', (d) =>
    d
      .select({ n: sql<number>`coalesce(sum(${queueCounts.waiting}), 0)` })
      .from(queueCounts)
      .where(and(eq(queueCounts.hallId, sql.placeholder('hallId')), eq(queueCounts.categoryId, sql.placeholder('categoryId'))))
      .prepare(),
  ).get({ hallId, categoryId });
  return queueFigures(db, hallId, categoryId, day, waiting?.n ?? 0);
}

/**
 * R10: a queue's handling time (E1) and call interval (E5) of a day, read
 * again only after a write to the tickets: an issue reads them twice (its
 * event's figures, then the new ticket's estimate) with no call or finish in
 * between, and the visitors' phones read them between the hall's moves.
 */
const serviceFigures = new StampedCache<Pick<QueueView, 'handlingMinutes' | 'callIntervalMinutes'>>(['tickets']);

/** A queue's figures of `day` (E1, E5) around a waiting count the caller has read. */
export function queueFigures(db: Reader, hallId: string, categoryId: string, day: string, waiting: number): QueueView {
  const figures = serviceFigures.get(db, `${hallId}\u0000${categoryId}\u0000${day}`, () => {
    const handlingMinutes = smoothedHandlingMinutes(recentHandlingMinutes(db, hallId, categoryId, day));
    const interval = callIntervalMinutes(recentCalls(db, hallId, categoryId, day));
    return interval === undefined ? { handlingMinutes } : { handlingMinutes, callIntervalMinutes: interval };
  });
  return { categoryId, waiting, ...figures };
}

/**
 * E5: a queue's latest calls of `day` (at most CALL_INTERVAL_LOOKBACK),
 * oldest first, with when each ticket joined the queue: from the partial
 * (hall, category, day, called) index, a few rows however long the day.
 */
export function recentCalls(db: Reader, hallId: string, categoryId: string, day: string): { queuedAt: string; calledAt: string }[] {
  return prepared(db, 'queue-recent-calls', (d) =>
    d
      .select({ queuedAt: tickets.queuedAt, calledAt: sql<string>`${tickets.calledAt}` })
      .from(tickets)
      .where(and(eq(tickets.hallId, sql.placeholder('hallId')), eq(tickets.categoryId, sql.placeholder('categoryId')), eq(tickets.day, sql.placeholder('day')), isNotNull(tickets.calledAt)))
      .orderBy(desc(tickets.calledAt))
      .limit(literalLimit(CALL_INTERVAL_LOOKBACK))
      .prepare(),
  )
    .all({ hallId, categoryId, day })
    .reverse();
}

/**
 * E1: how long each of a queue's latest services finished on `day` held its
 * window, in minutes, oldest first (at most HANDLING_WINDOW): from the call,
 * since the walk to the window is part of what the next visitor waits for,
 * to the finish. What the screens' figures and a ticket's own estimate both
 * smooth.
 */
export function recentHandlingMinutes(db: Reader, hallId: string, categoryId: string, day: string): number[] {
  return prepared(db, 'queue-recent-services', (d) =>
    d
      .select({ called: tickets.calledAt, started: tickets.serviceStartedAt, finished: tickets.finishedAt })
      .from(tickets)
      .where(
        and(
          eq(tickets.hallId, sql.placeholder('hallId')),
          eq(tickets.categoryId, sql.placeholder('categoryId')),
          eq(tickets.state, 'done'),
          eq(tickets.day, sql.placeholder('day')),
          isNotNull(tickets.serviceStartedAt),
          isNotNull(tickets.finishedAt),
        ),
      )
      .orderBy(desc(tickets.finishedAt))
      .limit(literalLimit(HANDLING_WINDOW))
      .prepare(),
  )
    .all({ hallId, categoryId, day })
    .reverse()
    .map((row) => (Date.parse(row.finished!) - Date.parse(row.called ?? row.started!)) / 60_000);
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
