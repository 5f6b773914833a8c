import type { PriorityReason, TicketView } from '@hallflow/shared';
import { bundleStartQueue, formatTicketNumber } from '@hallflow/shared';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { CommandContext } from '../../core/command-runner.ts';
import { businessDay } from '../../core/business-day.ts';
import { newId, newIndexedToken } from '../../core/ids.ts';
import { ticketItems, tickets } from '../../db/schema/index.ts';
import { DomainError, invalidField } from '../../core/errors.ts';
import { bundleRow, itemRows } from '../catalogue/catalogue.repository.ts';
import { hallTimezone, type HallRow } from '../hall/hall.repository.ts';
import { connectionOf, prepared } from '../../db/prepared.ts';
import { ticketView } from '../hall/views.ts';
import { placeOfTicket } from '../screens/ticket-status.repository.ts';
import { categoryRow, nextCounter } from './ticket.repository.ts';

export interface NewTicket {
  categoryId: string;
  priority: boolean;
  /** DK2: why, when `priority` (checked by the caller against the hall's reasons). */
  priorityReason?: PriorityReason | null;
  partyId: string | null;
  partySize: number;
  /** The appointment slot, when the ticket comes from one (Q4). */
  slotStart?: string | null;
  bundleId?: string | null;
  itemIds?: readonly string[];
}

/** K2/K3: a bundle's queue is its comprehensive window's category, or, when routed, its first item's. */
export function ticketPlan(tx: CommandContext['tx'], hallId: string, input: { categoryId?: string; bundleId?: string; itemIds?: readonly string[] }, offeredOnly = true) {
  if (input.bundleId) {
    const bundle = bundleRow(tx, hallId, input.bundleId, offeredOnly);
    const items = itemRows(tx, hallId, bundle.itemIds, false);
    return { categoryId: bundleStartQueue(bundle, items), bundleId: bundle.id, itemIds: bundle.itemIds };
  }
  if (!input.categoryId) throw invalidField('categoryId', { zh: '请选择业务或一件事', en: 'is required (or body/bundleId)' });
  if (offeredOnly && categoryRow(tx, hallId, input.categoryId).retiredAt) throw new DomainError(400, 'CATEGORY_RETIRED', `body/categoryId ${input.categoryId} 已停办 · takes no new visitors`);
  const items = input.itemIds ? itemRows(tx, hallId, input.itemIds, offeredOnly) : [];
  const elsewhere = items.filter((item) => item.categoryId !== input.categoryId).map((item) => item.id);
  if (elsewhere.length > 0) throw invalidField('itemIds', { zh: `${elsewhere.join('、')} 属于其他业务`, en: `${elsewhere.join(', ')} belong to another category` });
  return { categoryId: input.categoryId, bundleId: null, itemIds: items.map((item) => item.id) };
}

/** Issues a ticket inside the caller's transaction; emits ticket.issued unless `silent` (batch admission emits its own event). */
export function issueTicketTx(ctx: CommandContext, hallId: string, input: NewTicket, silent = false): TicketView {
  return ticketView(issueTicketRow(ctx, hallId, input, silent));
}

/** `issueTicketTx`, answering the stored row: the desk hands out its phone token and counts its place from it without reading it back. */
export function issueTicketRow(ctx: CommandContext, hallId: string, input: NewTicket, silent = false): typeof tickets.$inferSelect {
  const category = categoryRow(ctx.tx, hallId, input.categoryId);
  const day = businessDay(ctx.now, hallTimezone(ctx.tx, hallId));
  const counter = nextCounter(ctx.tx, hallId, day, category.prefix);
  const at = ctx.now.toISOString();
  const row: TicketRow = {
    id: newId(),
    hallId,
    day,
    categoryId: category.id,
    prefix: category.prefix,
    counter,
    number: formatTicketNumber(category.prefix, counter),
    state: 'waiting',
    priority: input.priority,
    priorityReason: input.priorityReason ?? null,
    aheadAtIssue: null,
    windowId: null,
    partyId: input.partyId,
    partySize: input.partySize,
    publicToken: newIndexedToken(),
    queuedAt: at,
    slotStart: input.slotStart ?? null,
    targetWindowId: null,
    issuedAt: at,
    calledAt: null,
    callCount: 0,
    serviceStartedAt: null,
    finishedAt: null,
    rating: null,
    clerkStaffId: null,
    bundleId: input.bundleId ?? null,
    caseNumber: null,
  };
  insertTicket(ctx.tx).run({ ...row, priority: row.priority ? 1 : 0 });
  (input.itemIds ?? []).forEach((itemId, position) => {
    ctx.tx.insert(ticketItems).values({ ticketId: row.id, itemId, position, hallId, state: 'pending' }).run();
  });
  if (!silent) ctx.emit({ type: 'ticket.issued', ticket: ticketView(row) });
  return row;
}

type TicketRow = typeof tickets.$inferSelect;

/**
 * R10: the new ticket's insert, every column named and bound from the row
 * built above (so the row answered is the row stored, no column left to a
 * default), on the connection's own statement: drizzle's placeholder filling,
 * value mapping and RETURNING's row mapping were a twentieth of an issue.
 */
function insertTicket(tx: CommandContext['tx']): Database.Statement {
  return prepared(tx, 'insert-ticket', () => {
    const columns = Object.entries(getTableColumns(tickets));
    const names = columns.map(([, column]) => `"${column.name}"`).join(', ');
    const values = columns.map(([key]) => `@${key}`).join(', ');
    return (connectionOf(tx) as Database.Database).prepare(`INSERT INTO "tickets" (${names}) VALUES (${values})`);
  });
}

/**
 * A ticket handed to the visitor there and then (the desk, DK1; a terminal,
 * KS5): issued, with its place as the visitor's phone will count it (DK4:
 * Q9, E1–E3), kept for the printout (PR1), and its phone token.
 */
export function issueHandedTicket(ctx: CommandContext, hall: HallRow, input: NewTicket) {
  const row = issueTicketRow(ctx, hall.id, input);
  const place = placeOfTicket(ctx.tx, row, ctx.now, hall.settings);
  const ahead = place.ahead ?? 0;
  recordAheadAtIssue(ctx.tx, row.id, ahead);
  return { ticket: ticketView(row), phoneToken: row.publicToken, ahead, estimatedWaitMinutes: place.estimatedWaitMinutes };
}

/** PR1: the people ahead at issue, kept for the printed ticket. */
export function recordAheadAtIssue(tx: CommandContext['tx'], ticketId: string, ahead: number): void {
  prepared(tx, 'record-ahead', (d) => d.update(tickets).set({ aheadAtIssue: sql`${sql.placeholder('ahead')}` }).where(eq(tickets.id, sql.placeholder('ticketId'))).prepare()).run({ ahead, ticketId });
}

/** The visitor's phone-page token of a ticket; handed only to the staff member who issued it. */
export function phoneTokenOf(tx: CommandContext['tx'], ticketId: string): string {
  return prepared(tx, 'phone-token', (d) => d.select({ token: tickets.publicToken }).from(tickets).where(eq(tickets.id, sql.placeholder('ticketId'))).prepare()).get({ ticketId })!.token;
}
