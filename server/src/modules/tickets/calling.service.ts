import { canCallSpecific, normalSincePriorityAfter, pickNextTicket, ticketTransition } from '@hallflow/shared';
import type { CommandContext } from '../../core/command-runner.ts';
import { conflict } from '../../core/errors.ts';
import type { Tx } from '../../db/connection.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketView, windowView } from '../hall/views.ts';
import { callingSettings } from '../hall/hall-policy.ts';
import { callCandidates, ticketRow, updateTicket, updateWindow, windowRow } from './ticket.repository.ts';

/** W1: a window calls only when it is open and has no ticket called, being served or on hold at it. */
export function requireFreeWindow(tx: Tx, hallId: string, windowId: string) {
  const window = windowRow(tx, hallId, windowId);
  if (window.state !== 'open') throw conflict('WINDOW_NOT_OPEN', `Window ${window.number} is ${window.state}; open or resume it first`);
  if (window.currentTicketId) {
    const current = ticketRow(tx, hallId, window.currentTicketId);
    if (current.state === 'called' || current.state === 'serving') {
      throw conflict('WINDOW_BUSY', `Window ${window.number} still has ticket ${current.number} (${current.state}); finish it first`);
    }
  }
  return window;
}

function call(ctx: CommandContext, hallId: string, window: ReturnType<typeof windowRow>, ticketId: string, priority: boolean) {
  const called = updateTicket(ctx.tx, ticketId, {
    state: 'called',
    windowId: window.id,
    targetWindowId: null,
    calledAt: ctx.now.toISOString(),
    callCount: 1,
    clerkStaffId: window.clerkStaffId,
  });
  const updated = updateWindow(ctx.tx, window.id, {
    currentTicketId: ticketId,
    normalSincePriority: normalSincePriorityAfter({ priority }, window.normalSincePriority),
  });
  const result = { ticket: ticketView(called), window: windowView(updated) };
  ctx.emit({ type: 'ticket.called', ...result });
  return result;
}

/** Q1–Q6: call the ticket the calling policy ranks first for this window. */
export function callNext(ctx: CommandContext, hallId: string, windowId: string) {
  const window = requireFreeWindow(ctx.tx, hallId, windowId);
  const settings = callingSettings(getHallRow(ctx.tx, hallId).settings);
  const waiting = callCandidates(ctx.tx, hallId, window, ctx.now).map(ticketView);
  const next = pickNextTicket(waiting, window, ctx.now, { normalPerPriority: settings.normalPerPriority });
  if (!next) return { ticket: null, window: windowView(window) };
  return call(ctx, hallId, window, next.id, next.priority);
}

/** Q7: call one particular waiting ticket. */
export function callTicket(ctx: CommandContext, hallId: string, windowId: string, ticketId: string) {
  const window = requireFreeWindow(ctx.tx, hallId, windowId);
  const ticket = ticketView(ticketRow(ctx.tx, hallId, ticketId));
  const allowed = canCallSpecific(ticket, window);
  if (!allowed.ok) throw conflict('NOT_CALLABLE', allowed.message);
  return call(ctx, hallId, window, ticket.id, ticket.priority);
}

/** T4: announce a called ticket again, at most `maxRecalls` times. */
export function recallTicket(ctx: CommandContext, hallId: string, ticketId: string) {
  const ticket = ticketRow(ctx.tx, hallId, ticketId);
  const move = ticketTransition(ticket.state, 'recall');
  if (!move.ok) throw conflict('TICKET_STATE', move.message);
  const { maxRecalls } = callingSettings(getHallRow(ctx.tx, hallId).settings);
  if (ticket.callCount > maxRecalls) {
    throw conflict('RECALL_LIMIT', `Ticket ${ticket.number} was already recalled ${maxRecalls} times; mark it as a no-show`);
  }
  const recalled = updateTicket(ctx.tx, ticketId, { callCount: ticket.callCount + 1, calledAt: ctx.now.toISOString() });
  const result = { ticket: ticketView(recalled), window: windowView(windowRow(ctx.tx, hallId, ticket.windowId!)) };
  ctx.emit({ type: 'ticket.recalled', ...result });
  return result;
}
