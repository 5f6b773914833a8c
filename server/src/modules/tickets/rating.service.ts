import { checkRating, type RateServiceBody } from '@hallflow/shared';
import { and, eq, gte } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { ratings, tickets } from '../../db/schema/index.ts';
import { ticketView } from '../hall/views.ts';
import { updateTicket } from './ticket.repository.ts';
import { openFollowUp } from '../follow-ups/follow-ups.service.ts';

type TicketRow = typeof tickets.$inferSelect;

/** F1–F4: record the visitor's rating of a finished service, once. */
export function rateService(ctx: CommandContext, ticket: TicketRow, body: RateServiceBody, source: 'pad' | 'phone') {
  const check = checkRating(ticket, body, ctx.now);
  if (!check.ok) throw new DomainError(check.code === 'REASONS_REQUIRED' ? 400 : 409, check.code, check.message);
  const rating = ctx.tx
    .insert(ratings)
    .values({
      id: newId(),
      hallId: ticket.hallId,
      ticketId: ticket.id,
      day: ticket.day,
      windowId: ticket.windowId,
      clerkStaffId: ticket.clerkStaffId,
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
