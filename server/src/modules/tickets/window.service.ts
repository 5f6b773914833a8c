import { ticketTransition, type StaffRole } from '@hallflow/shared';
import type { CommandContext } from '../../core/command-runner.ts';
import { conflict, DomainError } from '../../core/errors.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketView, windowView } from '../hall/views.ts';
import { callingSettings } from '../hall/hall-policy.ts';
import { ticketRow, updateTicket, updateWindow, windowRow } from './ticket.repository.ts';

/** The clerk takes a window: it opens under their name, and a waiting priority visitor is called first (Q3). */
export function openWindow(ctx: CommandContext, hallId: string, windowId: string, clerk: { id: string; name: string }) {
  if (windowRow(ctx.tx, hallId, windowId).retiredAt) throw conflict('WINDOW_RETIRED', '该窗口已停用 · This window is out of service');
  const { normalPerPriority } = callingSettings(getHallRow(ctx.tx, hallId).settings);
  const window = windowView(
    updateWindow(ctx.tx, windowId, { state: 'open', clerkStaffId: clerk.id, clerkName: clerk.name, normalSincePriority: normalPerPriority }),
  );
  ctx.emit({ type: 'window.updated', window });
  return window;
}

/** W2: a break. Only an open window without a called or serving ticket can pause; screens show it paused. */
export function pauseWindow(ctx: CommandContext, hallId: string, windowId: string) {
  const before = windowRow(ctx.tx, hallId, windowId);
  if (before.state !== 'open') throw conflict('WINDOW_STATE', `Window ${before.number} is ${before.state}, not open`);
  if (before.currentTicketId) {
    const current = ticketRow(ctx.tx, hallId, before.currentTicketId);
    if (current.state === 'called' || current.state === 'serving') {
      throw conflict('WINDOW_BUSY', `Finish ticket ${current.number} before pausing window ${before.number}`);
    }
  }
  const window = windowView(updateWindow(ctx.tx, windowId, { state: 'paused' }));
  ctx.emit({ type: 'window.updated', window });
  return window;
}

/** W2: back from the break. */
export function resumeWindow(ctx: CommandContext, hallId: string, windowId: string) {
  const before = windowRow(ctx.tx, hallId, windowId);
  if (before.state !== 'paused') throw conflict('WINDOW_STATE', `Window ${before.number} is ${before.state}, not paused`);
  const window = windowView(updateWindow(ctx.tx, windowId, { state: 'open' }));
  ctx.emit({ type: 'window.updated', window });
  return window;
}

/**
 * W3: the window closes — its clerk signs out, or a supervisor closes it
 * when abandoned. Screens show it closed with no clerk; a ticket called or
 * being served there goes back to its queue with its queue time (Q2), so it
 * is called again first. A clerk closes only the window they hold.
 */
export function closeWindow(ctx: CommandContext, hallId: string, windowId: string, by: { id: string; role: StaffRole }) {
  const before = windowRow(ctx.tx, hallId, windowId);
  if (before.state === 'closed') throw conflict('WINDOW_STATE', `Window ${before.number} is already closed`);
  if (by.role === 'clerk' && before.clerkStaffId !== by.id) {
    throw new DomainError(403, 'NOT_YOUR_WINDOW', `Window ${before.number} is not yours to close; a supervisor can close it`);
  }
  let ticket = null;
  if (before.currentTicketId) {
    const current = ticketRow(ctx.tx, hallId, before.currentTicketId);
    if (ticketTransition(current.state, 'release').ok) {
      ticket = ticketView(
        updateTicket(ctx.tx, current.id, { state: 'waiting', windowId: null, calledAt: null, callCount: 0, serviceStartedAt: null, clerkStaffId: null }),
      );
    }
  }
  const window = windowView(updateWindow(ctx.tx, windowId, { state: 'closed', clerkStaffId: null, clerkName: null, currentTicketId: null }));
  ctx.emit({ type: 'window.updated', window });
  if (ticket) ctx.emit({ type: 'ticket.requeued', ticket });
  return { window, ticket };
}
