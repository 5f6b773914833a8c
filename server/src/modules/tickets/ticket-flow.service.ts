import { afterCompletion, ticketTransition, type TicketAction } from '@hallflow/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError, conflict } from '../../core/errors.ts';
import { serviceItems, ticketItems, windows } from '../../db/schema/index.ts';
import { bundleRow } from '../catalogue/catalogue.repository.ts';
import { prepared } from '../../db/prepared.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketView, windowView } from '../hall/views.ts';
import { callingSettings } from '../hall/hall-policy.ts';
import { requireFreeWindow } from './calling.service.ts';
import { categoryRow, ticketRow, updateTicket, updateWindow, windowRow } from './ticket.repository.ts';

function moving(ctx: CommandContext, hallId: string, ticketId: string, action: TicketAction) {
  const ticket = ticketRow(ctx.tx, hallId, ticketId);
  const move = ticketTransition(ticket.state, action);
  if (!move.ok) throw conflict('TICKET_STATE', move.message);
  return ticket;
}

/** The window the ticket was at, with the ticket released from it. */
function releaseWindow(ctx: CommandContext, hallId: string, windowId: string | null, ticketId: string) {
  if (!windowId) return null;
  // R10: prepared once per connection (drizzle built this update on every completion and no-show).
  prepared(ctx.tx, 'release-window', (d) =>
    d
      .update(windows)
      .set({ currentTicketId: null })
      .where(and(eq(windows.id, sql.placeholder('windowId')), eq(windows.currentTicketId, sql.placeholder('ticketId'))))
      .prepare(),
  ).run({ windowId, ticketId });
  return windowView(windowRow(ctx.tx, hallId, windowId));
}

/** T1: the visitor has arrived at the window. */
export function startService(ctx: CommandContext, hallId: string, ticketId: string) {
  moving(ctx, hallId, ticketId, 'start');
  const ticket = ticketView(updateTicket(ctx.tx, ticketId, { state: 'serving', serviceStartedAt: ctx.now.toISOString() }));
  const window = windowView(windowRow(ctx.tx, hallId, ticket.windowId!));
  ctx.emit({ type: 'ticket.service_started', ticket, window });
  return { ticket, window };
}

/**
 * K2/K3: completing a bundle ticket finishes its items — all at a
 * comprehensive window, or the current one when routed, after which the
 * ticket moves on to the next item's category keeping its queue time.
 */
function completeBundleStep(ctx: CommandContext, hallId: string, before: ReturnType<typeof ticketRow>) {
  const bundle = bundleRow(ctx.tx, hallId, before.bundleId!);
  const items = ctx.tx
    .select({ itemId: ticketItems.itemId, state: ticketItems.state, categoryId: serviceItems.categoryId })
    .from(ticketItems)
    .innerJoin(serviceItems, eq(serviceItems.id, ticketItems.itemId))
    .where(eq(ticketItems.ticketId, before.id))
    .orderBy(asc(ticketItems.position))
    .all();
  const step = afterCompletion(bundle.mode, items);
  for (const itemId of step.finished) {
    ctx.tx
      .update(ticketItems)
      .set({ state: 'done', doneAt: ctx.now.toISOString(), windowId: before.windowId })
      .where(and(eq(ticketItems.ticketId, before.id), eq(ticketItems.itemId, itemId)))
      .run();
  }
  return step.nextCategoryId;
}

/** T1: complete a called or serving ticket; the window becomes free. */
export function completeTicket(ctx: CommandContext, hallId: string, ticketId: string) {
  const before = moving(ctx, hallId, ticketId, 'complete');
  if (!before.windowId) throw conflict('TICKET_STATE', `Ticket ${before.number} is not at a window`);
  const nextCategoryId = before.bundleId ? completeBundleStep(ctx, hallId, before) : null;
  if (nextCategoryId) {
    const moved = ticketView(
      updateTicket(ctx.tx, ticketId, { state: 'waiting', categoryId: nextCategoryId, windowId: null, calledAt: null, callCount: 0, targetWindowId: null }),
    );
    const left = releaseWindow(ctx, hallId, before.windowId, ticketId);
    ctx.emit({ type: 'ticket.transferred', ticket: moved, window: left });
    return { ticket: moved, window: left };
  }
  const ticket = ticketView(
    updateTicket(ctx.tx, ticketId, {
      state: 'done',
      finishedAt: ctx.now.toISOString(),
      serviceStartedAt: before.serviceStartedAt ?? before.calledAt,
    }),
  );
  const window = releaseWindow(ctx, hallId, before.windowId, ticketId)!;
  ctx.emit({ type: 'ticket.completed', ticket, window });
  return { ticket, window };
}

/** T5: the visitor did not come; the window becomes free. */
export function markNoShow(ctx: CommandContext, hallId: string, ticketId: string) {
  const before = moving(ctx, hallId, ticketId, 'no_show');
  const ticket = ticketView(updateTicket(ctx.tx, ticketId, { state: 'no_show', finishedAt: ctx.now.toISOString() }));
  const window = releaseWindow(ctx, hallId, before.windowId, ticketId);
  ctx.emit({ type: 'ticket.no_show', ticket, window });
  return { ticket, window };
}

/** T5: a returning visitor goes back to the original place, within the hall's requeue time. */
export function requeueTicket(ctx: CommandContext, hallId: string, ticketId: string) {
  const before = moving(ctx, hallId, ticketId, 'requeue');
  const { requeueMinutes } = callingSettings(getHallRow(ctx.tx, hallId).settings);
  const since = (ctx.now.getTime() - new Date(before.finishedAt ?? before.calledAt ?? before.issuedAt).getTime()) / 60_000;
  if (since > requeueMinutes) {
    throw conflict('REQUEUE_EXPIRED', `Ticket ${before.number} was marked absent ${Math.floor(since)} minutes ago; returns are accepted within ${requeueMinutes} minutes. Issue a new ticket.`);
  }
  const ticket = ticketView(
    updateTicket(ctx.tx, ticketId, { state: 'waiting', windowId: null, calledAt: null, callCount: 0, finishedAt: null }),
  );
  ctx.emit({ type: 'ticket.requeued', ticket });
  return { ticket, window: null };
}

/** T6: transfer to another category, or to one window, keeping the original queue time (Q2). */
export function transferTicket(ctx: CommandContext, hallId: string, ticketId: string, target: { categoryId?: string; windowId?: string }) {
  const before = moving(ctx, hallId, ticketId, 'transfer');
  let categoryId = target.categoryId ?? before.categoryId;
  if (target.categoryId && categoryRow(ctx.tx, hallId, target.categoryId).retiredAt) {
    throw new DomainError(400, 'CATEGORY_RETIRED', `body/categoryId ${target.categoryId} 已停办 · takes no new visitors`);
  }
  if (target.windowId) {
    const window = windowRow(ctx.tx, hallId, target.windowId);
    if (!window.categoryIds.includes(categoryId)) {
      if (target.categoryId) throw conflict('NOT_SERVED', `Window ${window.number} does not serve that category`);
      categoryId = window.categoryIds[0]!;
    }
  }
  const ticket = ticketView(
    updateTicket(ctx.tx, ticketId, {
      state: 'waiting',
      categoryId,
      targetWindowId: target.windowId ?? null,
      windowId: null,
      calledAt: null,
      callCount: 0,
    }),
  );
  const window = releaseWindow(ctx, hallId, before.windowId, ticketId);
  ctx.emit({ type: 'ticket.transferred', ticket, window });
  return { ticket, window };
}

/** T7: put a case aside (the visitor fetches a document); the window may call others meanwhile. */
export function holdTicket(ctx: CommandContext, hallId: string, ticketId: string) {
  const before = moving(ctx, hallId, ticketId, 'hold');
  const ticket = ticketView(updateTicket(ctx.tx, ticketId, { state: 'held' }));
  const window = releaseWindow(ctx, hallId, before.windowId, ticketId)!;
  ctx.emit({ type: 'ticket.held', ticket, window });
  return { ticket, window };
}

/** T7: take a held case up again at its window, once that window is free. */
export function resumeTicket(ctx: CommandContext, hallId: string, ticketId: string) {
  const before = moving(ctx, hallId, ticketId, 'resume');
  const free = requireFreeWindow(ctx.tx, hallId, before.windowId!);
  const ticket = ticketView(updateTicket(ctx.tx, ticketId, { state: 'serving' }));
  const window = windowView(updateWindow(ctx.tx, free.id, { currentTicketId: ticketId }));
  ctx.emit({ type: 'ticket.service_started', ticket, window });
  return { ticket, window };
}
