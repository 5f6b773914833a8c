import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { categories, ratings, tickets } from '../../db/schema/index.ts';

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const average = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);

/** Today's figures of one window: served, average handling minutes, average rating. */
export function windowStats(db: Db, hallId: string, windowId: string, day: string) {
  const done = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.day, day), eq(tickets.windowId, windowId), eq(tickets.state, 'done')))
    .all();
  return {
    day,
    served: done.length,
    averageHandlingMinutes: average(done.filter((t) => t.serviceStartedAt && t.finishedAt).map((t) => minutesBetween(t.serviceStartedAt!, t.finishedAt!))),
    averageRating: average(done.filter((t) => t.rating !== null).map((t) => t.rating!)),
    rated: done.filter((t) => t.rating !== null).length,
  };
}

/** A day's report per category, with the ratings distribution (5 … 1). */
export function dailyReport(db: Db, hallId: string, day: string) {
  const dayTickets = db.select().from(tickets).where(and(eq(tickets.hallId, hallId), eq(tickets.day, day))).all();
  const dayRatings = db.select().from(ratings).where(and(eq(ratings.hallId, hallId), eq(ratings.day, day))).all();
  const rows = db.select().from(categories).where(eq(categories.hallId, hallId)).all();
  return {
    day,
    categories: rows.map((category) => {
      const mine = dayTickets.filter((t) => t.categoryId === category.id);
      const done = mine.filter((t) => t.state === 'done');
      return {
        categoryId: category.id,
        prefix: category.prefix,
        name: category.name,
        issued: mine.length,
        served: done.length,
        noShows: mine.filter((t) => t.state === 'no_show').length,
        averageHandlingMinutes: average(done.filter((t) => t.serviceStartedAt && t.finishedAt).map((t) => minutesBetween(t.serviceStartedAt!, t.finishedAt!))),
        averageWaitMinutes: average(mine.filter((t) => t.calledAt).map((t) => minutesBetween(t.queuedAt, t.calledAt!))),
      };
    }),
    ratings: [5, 4, 3, 2, 1].map((level) => ({ level, count: dayRatings.filter((r) => r.level === level).length })),
    lowRatingReasons: dayRatings.filter((r) => r.level <= 2).flatMap((r) => r.reasons),
  };
}
