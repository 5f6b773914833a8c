import type { FinishedTicketsPage, FinishedTicketsQuery } from '@hallflow/shared/api';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { businessDay } from '../../core/business-day.ts';
import type { Db } from '../../db/connection.ts';
import { tickets } from '../../db/schema/index.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketView } from '../hall/views.ts';

/**
 * R9: the day's finished tickets a page at a time, latest first (the staff
 * snapshot carries only the latest ones). The cursor is the last ticket's
 * finish time and id, so a page never repeats or skips a ticket while new
 * ones finish.
 */
export function finishedTickets(db: Db, hallId: string, now: Date, query: FinishedTicketsQuery): FinishedTicketsPage {
  const hall = getHallRow(db, hallId);
  const limit = query.limit ?? 50;
  const conditions: SQL[] = [eq(tickets.hallId, hallId), eq(tickets.day, businessDay(now, hall.timezone)), eq(tickets.state, 'done')];
  if (query.windowId) conditions.push(eq(tickets.windowId, query.windowId));
  if (query.before) {
    const [finishedAt, id] = query.before.split('~') as [string, string];
    conditions.push(or(lt(tickets.finishedAt, finishedAt), and(eq(tickets.finishedAt, finishedAt), lt(tickets.id, id)))!);
  }
  const rows = db
    .select()
    .from(tickets)
    .where(and(...conditions))
    .orderBy(desc(tickets.finishedAt), desc(tickets.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map(ticketView);
  const last = page.at(-1);
  return { tickets: page, next: rows.length > limit && last ? `${last.finishedAt}~${last.id}` : null };
}
