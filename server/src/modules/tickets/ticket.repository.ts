import { and, eq, inArray, sql } from 'drizzle-orm';
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

export function waitingTickets(tx: Tx, hallId: string, categoryIds: readonly string[]) {
  return tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.state, 'waiting'), inArray(tickets.categoryId, [...categoryIds])))
    .all();
}

export function updateTicket(tx: Tx, ticketId: string, values: Partial<typeof tickets.$inferInsert>) {
  return tx.update(tickets).set(values).where(eq(tickets.id, ticketId)).returning().get()!;
}

export function updateWindow(tx: Tx, windowId: string, values: Partial<typeof windows.$inferInsert>) {
  return tx.update(windows).set(values).where(eq(windows.id, windowId)).returning().get()!;
}
