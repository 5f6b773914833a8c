import { and, asc, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { categories, tickets, windows } from '../../db/schema/index.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { literalLimit, placeholders, prepared, setColumns } from '../../db/prepared.ts';
import { StampedCache } from '../../db/stamped-cache.ts';

/** A service category of the hall, or undefined. */
export function hallCategory(db: Tx | Db, hallId: string, categoryId: string) {
  // R10: every issue asks twice; read again only after a category changed. Keyed by both ids, which no id contains a newline of.
  return categoriesById.get(db, `${hallId}\n${categoryId}`, () =>
    prepared(db, 'category-row', (d) =>
      d
        .select()
        .from(categories)
        .where(and(eq(categories.id, sql.placeholder('categoryId')), eq(categories.hallId, sql.placeholder('hallId'))))
        .prepare(),
    ).get({ categoryId, hallId }),
  );
}

const categoriesById = new StampedCache<typeof categories.$inferSelect | undefined>(['categories']);

export function categoryRow(tx: Tx, hallId: string, categoryId: string) {
  const row = hallCategory(tx, hallId, categoryId);
  if (!row) throw new DomainError(400, 'UNKNOWN_CATEGORY', `categoryId ${categoryId} is not a service category of hall ${hallId}`);
  return row;
}

export function windowRow(tx: Tx | Db, hallId: string, windowId: string) {
  const row = prepared(tx, 'window-row', (d) =>
    d
      .select()
      .from(windows)
      .where(and(eq(windows.id, sql.placeholder('windowId')), eq(windows.hallId, sql.placeholder('hallId'))))
      .prepare(),
  ).get({ windowId, hallId });
  if (!row) throw notFound('Window', windowId);
  return row;
}

export function ticketRow(tx: Tx | Db, hallId: string, ticketId: string) {
  const row = findTicketRow(tx, hallId, ticketId);
  if (!row) throw notFound('Ticket', ticketId);
  return row;
}

/** The hall's ticket of that id, or undefined. */
export function findTicketRow(db: Tx | Db, hallId: string, ticketId: string) {
  return prepared(db, 'ticket-row', (d) =>
    d
      .select()
      .from(tickets)
      .where(and(eq(tickets.id, sql.placeholder('ticketId')), eq(tickets.hallId, sql.placeholder('hallId'))))
      .prepare(),
  ).get({ ticketId, hallId });
}

/**
 * T3: the next number for (hall, day, prefix). Commands run in an IMMEDIATE
 * transaction, so max()+1 cannot race; the unique index is the second line of
 * defence.
 */
export function nextCounter(tx: Tx, hallId: string, day: string, prefix: string): number {
  const row = prepared(tx, 'next-counter', (d) =>
    d
      .select({ last: sql<number | null>`max(${tickets.counter})` })
      .from(tickets)
      .where(and(eq(tickets.hallId, sql.placeholder('hallId')), eq(tickets.day, sql.placeholder('day')), eq(tickets.prefix, sql.placeholder('prefix'))))
      .prepare(),
  ).get({ hallId, day, prefix });
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
  const found = [];
  for (const categoryId of window.categoryIds) {
    for (const priority of [true, false]) {
      for (const group of URGENCY_GROUPS) {
        const row = firstInGroup(tx, group).get({ hallId, categoryId, priority: priority ? 1 : 0, now: nowIso, windowId: window.id });
        if (row) found.push(row);
      }
    }
  }
  return found;
}

/** Q4's urgency groups: appointments due, walk-ins, appointments not yet due. */
const URGENCY_GROUPS = ['due', 'walk-in', 'later'] as const;

/** R10: the earliest waiting ticket of one queue, kind and urgency group, built once per connection. */
function firstInGroup(tx: Tx, group: (typeof URGENCY_GROUPS)[number]) {
  return prepared(tx, `call-candidate-${group}`, (d) => {
    const now = sql.placeholder('now');
    const urgency = {
      due: and(isNotNull(tickets.slotStart), lte(tickets.slotStart, sql`${now}`)),
      'walk-in': isNull(tickets.slotStart),
      later: and(isNotNull(tickets.slotStart), gt(tickets.slotStart, sql`${now}`)),
    }[group];
    return d
      .select()
      .from(tickets)
      .where(
        and(
          eq(tickets.hallId, sql.placeholder('hallId')),
          eq(tickets.categoryId, sql.placeholder('categoryId')),
          eq(tickets.state, 'waiting'),
          eq(tickets.priority, sql`${sql.placeholder('priority')}`),
          urgency,
          or(isNull(tickets.targetWindowId), eq(tickets.targetWindowId, sql.placeholder('windowId'))),
        ),
      )
      .orderBy(asc(tickets.queuedAt), asc(tickets.number))
      .limit(literalLimit(1))
      .prepare();
  });
}

type TicketChange = Partial<typeof tickets.$inferInsert>;
type WindowChange = Partial<typeof windows.$inferInsert>;

/**
 * A ticket's row after setting `values`. R10: prepared once per connection
 * and set of columns (a ticket's moves set a handful of fixed sets); drizzle
 * built the update's SQL on every call, a fifth of a clerk's call and
 * completion together.
 */
export function updateTicket(tx: Tx, ticketId: string, values: TicketChange) {
  const columns = setColumns(values);
  return prepared(tx, `update-ticket:${columns.join(',')}`, (d) =>
    d.update(tickets).set(placeholders<TicketChange>(columns)).where(eq(tickets.id, sql.placeholder('whereId'))).returning().prepare(),
  ).get({ ...values, whereId: ticketId })!;
}

/** A window's row after setting `values`, prepared as `updateTicket` is. */
export function updateWindow(tx: Tx, windowId: string, values: WindowChange) {
  const columns = setColumns(values);
  return prepared(tx, `update-window:${columns.join(',')}`, (d) =>
    d.update(windows).set(placeholders<WindowChange>(columns)).where(eq(windows.id, sql.placeholder('whereId'))).returning().prepare(),
  ).get({ ...values, whereId: windowId })!;
}
