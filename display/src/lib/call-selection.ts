import type { CallView, PublicHallState } from '@hallflow/shared';

/**
 * The latest calls, newest first, at windows that still exist: the lobby
 * shows the first large and the next six below. Only today's (the hall's
 * business day) are shown, so a new day starts with a welcome, and a call
 * taken back (the visitor is waiting again) is not shown.
 */
export function recentCalls(state: PublicHallState, today: string, count = 7): CallView[] {
  const windows = new Set(state.windows.map((w) => w.id));
  return state.calls.filter((call) => !call.withdrawn && windows.has(call.windowId) && localDate(call.at, state.hall.timezone) === today).slice(0, count);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(at: string | number, timezone: string): string {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, format);
  }
  return format.format(new Date(at));
}

/**
 * L2: a call that happened while the screen was offline is announced after
 * catch-up only if it is still current — the ticket is still called at that
 * window and the call is recent — so nobody is sent to a window that has
 * moved on.
 */
export function isStillCurrent(call: { ticketId: string; windowId: string }, state: PublicHallState, now: number, freshMs = 120_000): boolean {
  const ticket = state.tickets.find((t) => t.id === call.ticketId);
  const window = state.windows.find((w) => w.id === call.windowId);
  if (!ticket || !window || ticket.state !== 'called' || ticket.windowId !== call.windowId) return false;
  if (window.currentTicketId !== ticket.id || !ticket.calledAt) return false;
  return now - new Date(ticket.calledAt).getTime() <= freshMs;
}
