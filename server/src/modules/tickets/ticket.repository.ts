import { and, asc, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { categories, tickets, windows } from '../../db/schema/index.ts';
import { DomainError, notFound } from '../../core/errors.ts';

export function categoryRow(tx: Tx, hallId: string, categoryId: string) {
  const row = tx
    .select()
    .from(categories)
    .where(and(eq(categories.id, categoryId), eq(categories.hallId, hallId)))
    .get();
  if (!row) throw new DomainError(400, 'UNKNOWN_CATEGORY', `categoryId ${categoryId} is not a service category of hall ${hallId}`);
  return row;
}

export function windowRow(tx: Tx | Db, hallId: string, windowId: string) {
  const row = tx
    .select()
    .from(windows)
    .where(and(eq(windows.id, windowId), eq(windows.hallId, hallId)))
    .get();
  if (!row) throw notFound('Window', windowId);
  return row;
}

export function ticketRow(tx: Tx | Db, hallId: string, ticketId: string) {
  const row = tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.hallId, hallId)))
    .get();
  if (!row) throw notFound('Ticket', ticketId);
  return row;
}

/**
 * T3: the next number for (hall, day, prefix). Commands run in an IMMEDIATE
 * transaction, so max()+1 cannot race; the unique index is the second line of
 * defence.
 */
export function nextCounter(tx: Tx, hallId: string, day: string, prefix: string): number {
  const row = tx
    .select({ last: sql<number | null>`max(${tickets.counter})` })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.day, day), eq(tickets.prefix, prefix)))
    .get();
  return (row?.last ?? 0) + 1;
}

/**
 * Q10: the few waiting tickets that can be first for a window, read through
 * the (hall, category, state, priority, queue time) index instead of the
 * whole waiting list: for each category the window serves, each kind
 * (priority or not) and each urgency group of Q4 (due appointment, walk-in,
 * appointment not yet due), the earliest by queue time. The calling policy
 * ranks within groups by queue time, so its choice among these is its choice
 * among all (`pickNextTicket` over the candidates equals it over everyone).
 */
export function callCandidates(tx: Tx, hallId: string, window: { id: string; categoryIds: readonly string[] }, now: Date) {
  const nowIso = now.toISOString();
  const groups = [
    and(isNotNull(tickets.slotStart), lte(tickets.slotStart, nowIso)),
    isNull(tickets.slotStart),
    and(isNotNull(tickets.slotStart), gt(tickets.slotStart, nowIso)),
  ];
  const found = [];
  for (const categoryId of window.categoryIds) {
    for (const priority of [true, false]) {
      for (const group of groups) {
        const row = tx
          .select()
          .from(tickets)
          .where(
            and(
              eq(tickets.hallId, hallId),
              eq(tickets.categoryId, categoryId),
              eq(tickets.state, 'waiting'),
              eq(tickets.priority, priority),
              group,
              or(isNull(tickets.targetWindowId), eq(tickets.targetWindowId, window.id)),
            ),
          )
          .orderBy(asc(tickets.queuedAt), asc(tickets.number))
          .limit(1)
          .get();
        if (row) found.push(row);
      }
    }
  }
  return found;
}

export function updateTicket(tx: Tx, ticketId: string, values: Partial<typeof tickets.$inferInsert>) {
  return tx.update(tickets).set(values).where(eq(tickets.id, ticketId)).returning().get()!;
}

export function updateWindow(tx: Tx, windowId: string, values: Partial<typeof windows.$inferInsert>) {
  return tx.update(windows).set(values).where(eq(windows.id, windowId)).returning().get()!;
}
