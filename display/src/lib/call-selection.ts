import type { HallSnapshot, TicketView } from '@hallflow/shared';

export interface CallEntry {
  ticketId: string;
  number: string;
  windowNumber: number;
  calledAt: string;
}

/** The latest calls, newest first: the lobby shows the first large and the next six below. */
export function recentCalls(state: HallSnapshot, count = 7): CallEntry[] {
  const windowNumber = new Map(state.windows.map((w) => [w.id, w.number]));
  return state.tickets
    .filter((t): t is TicketView & { calledAt: string; windowId: string } => t.calledAt !== null && t.windowId !== null && windowNumber.has(t.windowId))
    .toSorted((a, b) => b.calledAt.localeCompare(a.calledAt))
    .slice(0, count)
    .map((t) => ({ ticketId: t.id, number: t.number, windowNumber: windowNumber.get(t.windowId)!, calledAt: t.calledAt }));
}

/**
 * L2: a call that happened while the screen was offline is announced after
 * catch-up only if it is still current — the ticket is still called at that
 * window and the call is recent — so nobody is sent to a window that has
 * moved on.
 */
export function isStillCurrent(call: { ticketId: string; windowId: string }, state: HallSnapshot, now: number, freshMs = 120_000): boolean {
  const ticket = state.tickets.find((t) => t.id === call.ticketId);
  const window = state.windows.find((w) => w.id === call.windowId);
  if (!ticket || !window || ticket.state !== 'called' || ticket.windowId !== call.windowId) return false;
  if (window.currentTicketId !== ticket.id || !ticket.calledAt) return false;
  return now - new Date(ticket.calledAt).getTime() <= freshMs;
}
