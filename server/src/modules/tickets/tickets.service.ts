import type { TicketView } from '@hallflow/shared';
import { formatTicketNumber, pickNextTicket, ticketTransition, type TicketAction } from '@hallflow/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import type { Tx } from '../../db/connection.ts';
import { categories, tickets, windows } from '../../db/schema/index.ts';
import { businessDay } from '../../core/business-day.ts';
import { conflict, DomainError, notFound } from '../../core/errors.ts';
import { newId, newToken } from '../../core/ids.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketView, windowView } from '../hall/views.ts';

export interface NewTicket {
  categoryId: string;
  priority: boolean;
  partyId: string | null;
  partySize: number;
  /** Place in the queue; defaults to now. */
  queuedAt?: string;
}

function categoryRow(tx: Tx, hallId: string, categoryId: string) {
  const row = tx
    .select()
    .from(categories)
    .where(and(eq(categories.id, categoryId), eq(categories.hallId, hallId)))
    .get();
  if (!row) throw new DomainError(400, 'UNKNOWN_CATEGORY', `categoryId ${categoryId} is not a service category of hall ${hallId}`);
  return row;
}

/**
 * T3: the next number for (hall, day, prefix). The command runs in an
 * IMMEDIATE transaction, so max()+1 cannot race; the unique index is the
 * second line of defence.
 */
function nextCounter(tx: Tx, hallId: string, day: string, prefix: string): number {
  const row = tx
    .select({ last: sql<number | null>`max(${tickets.counter})` })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.day, day), eq(tickets.prefix, prefix)))
    .get();
  return (row?.last ?? 0) + 1;
}

/** Issues a ticket inside the caller's transaction; emits ticket.issued unless `silent` (batch admission emits its own event). */
export function issueTicketTx(ctx: CommandContext, hallId: string, input: NewTicket, silent = false): TicketView {
  const hall = getHallRow(ctx.tx, hallId);
  const category = categoryRow(ctx.tx, hallId, input.categoryId);
  const day = businessDay(ctx.now, hall.timezone);
  const counter = nextCounter(ctx.tx, hallId, day, category.prefix);
  const at = ctx.now.toISOString();
  const row = ctx.tx
    .insert(tickets)
    .values({
      id: newId(),
      hallId,
      day,
      categoryId: category.id,
      prefix: category.prefix,
      counter,
      number: formatTicketNumber(category.prefix, counter),
      state: 'waiting',
      priority: input.priority,
      partyId: input.partyId,
      partySize: input.partySize,
      publicToken: newToken(),
      queuedAt: input.queuedAt ?? at,
      issuedAt: at,
    })
    .returning()
    .get();
  const ticket = ticketView(row);
  if (!silent) ctx.emit({ type: 'ticket.issued', ticket });
  return ticket;
}

export function windowRow(tx: Tx, hallId: string, windowId: string) {
  const row = tx
    .select()
    .from(windows)
    .where(and(eq(windows.id, windowId), eq(windows.hallId, hallId)))
    .get();
  if (!row) throw notFound('Window', windowId);
  return row;
}

export function ticketRow(tx: Tx, hallId: string, ticketId: string) {
  const row = tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.hallId, hallId)))
    .get();
  if (!row) throw notFound('Ticket', ticketId);
  return row;
}

function requireTransition(from: TicketView['state'], action: TicketAction) {
  const result = ticketTransition(from, action);
  if (!result.ok) throw conflict('TICKET_STATE', result.message);
  return result.to;
}

/** The clerk takes a window: it opens under their name. */
export function openWindow(ctx: CommandContext, hallId: string, windowId: string, clerk: { id: string; name: string }) {
  windowRow(ctx.tx, hallId, windowId);
  const row = ctx.tx
    .update(windows)
    .set({ state: 'open', clerkStaffId: clerk.id, clerkName: clerk.name })
    .where(eq(windows.id, windowId))
    .returning()
    .get();
  const window = windowView(row!);
  ctx.emit({ type: 'window.updated', window });
  return window;
}

/**
 * Q1: the window calls the next waiting ticket by the calling policy. W1: the
 * window must be open and free (its current ticket finished or handed on).
 */
export function callNext(ctx: CommandContext, hallId: string, windowId: string) {
  const window = windowRow(ctx.tx, hallId, windowId);
  if (window.state !== 'open') throw conflict('WINDOW_NOT_OPEN', `Window ${window.number} is ${window.state}; open it before calling`);
  if (window.currentTicketId) {
    const current = ticketRow(ctx.tx, hallId, window.currentTicketId);
    if (current.state === 'called' || current.state === 'serving' || current.state === 'held') {
      throw conflict('WINDOW_BUSY', `Window ${window.number} still has ticket ${current.number} (${current.state}); finish it first`);
    }
  }
  const waiting = ctx.tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.state, 'waiting'), inArray(tickets.categoryId, window.categoryIds)))
    .all()
    .map(ticketView);
  const next = pickNextTicket(waiting, { categoryIds: window.categoryIds });
  if (!next) return { ticket: null, window: windowView(window) };
  requireTransition(next.state, 'call');
  const at = ctx.now.toISOString();
  const called = ctx.tx
    .update(tickets)
    .set({ state: 'called', windowId, calledAt: at, callCount: 1 })
    .where(eq(tickets.id, next.id))
    .returning()
    .get();
  const updatedWindow = ctx.tx
    .update(windows)
    .set({ currentTicketId: next.id })
    .where(eq(windows.id, windowId))
    .returning()
    .get();
  const result = { ticket: ticketView(called!), window: windowView(updatedWindow!) };
  ctx.emit({ type: 'ticket.called', ...result });
  return result;
}

/** T1: complete a called or serving ticket; the window becomes free. */
export function completeTicket(ctx: CommandContext, hallId: string, ticketId: string) {
  const ticket = ticketRow(ctx.tx, hallId, ticketId);
  requireTransition(ticket.state, 'complete');
  const at = ctx.now.toISOString();
  const done = ctx.tx
    .update(tickets)
    .set({ state: 'done', finishedAt: at, serviceStartedAt: ticket.serviceStartedAt ?? ticket.calledAt })
    .where(eq(tickets.id, ticketId))
    .returning()
    .get();
  const windowId = ticket.windowId;
  if (!windowId) throw conflict('TICKET_STATE', `Ticket ${ticket.number} is not at a window`);
  const window = ctx.tx
    .update(windows)
    .set({ currentTicketId: null })
    .where(and(eq(windows.id, windowId), eq(windows.currentTicketId, ticketId)))
    .returning()
    .get();
  const result = { ticket: ticketView(done!), window: windowView(window ?? windowRow(ctx.tx, hallId, windowId)) };
  ctx.emit({ type: 'ticket.completed', ...result });
  return result;
}
