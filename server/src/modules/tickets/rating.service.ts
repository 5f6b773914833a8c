import { checkRating, ratingTarget, type RateServiceBody } from '@hallflow/shared';
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { bundles, ratings, ticketItems, tickets } from '../../db/schema/index.ts';
import { ticketView } from '../hall/views.ts';
import { updateTicket } from './ticket.repository.ts';
import { openFollowUp } from '../follow-ups/follow-ups.service.ts';

type TicketRow = typeof tickets.$inferSelect;

/** F1–F4, F6: record the visitor's rating of a finished service, once (once per window for a routed 一件事). */
export function rateService(ctx: CommandContext, ticket: TicketRow, body: RateServiceBody, source: 'pad' | 'phone') {
  const routed = ticket.bundleId ? ctx.tx.select({ mode: bundles.mode }).from(bundles).where(eq(bundles.id, ticket.bundleId)).get()?.mode === 'routed' : false;
  const served = routed
    ? [...new Set(ctx.tx.select({ windowId: ticketItems.windowId }).from(ticketItems).where(and(eq(ticketItems.ticketId, ticket.id), isNotNull(ticketItems.windowId))).all().map((r) => r.windowId!))]
    : [];
  const ratedWindows = ctx.tx.select({ windowId: ratings.windowId }).from(ratings).where(eq(ratings.ticketId, ticket.id)).all().map((r) => r.windowId);
  // F6: the window first (a wrong one is bad input), then the general checks, which see the ticket as unrated when that window is.
  const target = ratingTarget({ windowId: ticket.windowId, routed }, served, ratedWindows, body.windowId);
  if (!target.ok && target.status === 400) throw new DomainError(target.status, target.code, target.message);
  const check = checkRating({ ...ticket, rating: routed ? null : ticket.rating }, body, ctx.now);
  if (!check.ok) throw new DomainError(check.code === 'REASONS_REQUIRED' ? 400 : 409, check.code, check.message);
  if (!target.ok) throw new DomainError(target.status, target.code, target.message);
  const rating = ctx.tx
    .insert(ratings)
    .values({
      id: newId(),
      hallId: ticket.hallId,
      ticketId: ticket.id,
      day: ticket.day,
      windowId: target.windowId,
      // The clerk of an earlier window of a routed case is not kept on the ticket; the report finds them by the window's service.
      clerkStaffId: target.windowId === ticket.windowId ? ticket.clerkStaffId : null,
      categoryId: ticket.categoryId,
      level: body.level,
      reasons: body.reasons ?? [],
      comment: body.comment ?? null,
      source,
      at: ctx.now.toISOString(),
    })
    .returning()
    .get();
  // FU1: a low rating opens its follow-up case in the same transaction.
  openFollowUp(ctx, ticket, rating, body.contactPhone ?? null);
  const rated = ticketView(updateTicket(ctx.tx, ticket.id, { rating: body.level }));
  ctx.emit({ type: 'ticket.rated', ticket: rated });
  return { ticket: rated };
}

/** The rating pad at a window may rate only what that window finished in the last ten minutes. */
export function ticketForPad(ctx: CommandContext, hallId: string, ticketId: string, windowId: string): TicketRow {
  const since = new Date(ctx.now.getTime() - 10 * 60_000).toISOString();
  const ticket = ctx.tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.hallId, hallId), eq(tickets.windowId, windowId), gte(tickets.finishedAt, since)))
    .get();
  if (!ticket) throw new DomainError(404, 'NOT_FOUND', `Ticket ${ticketId} was not finished at this window in the last ten minutes`);
  return ticket;
}
