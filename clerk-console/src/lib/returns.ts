import { hallCalling, type HallSnapshot, type TicketView } from '@hallflow/shared';

/**
 * T5: the no-shows of this window a returning visitor may still rejoin with:
 * marked absent within the hall's requeue time, newest first. "Now" is the
 * newest time in the hall's own tickets, so a desk with a wrong clock still
 * offers what the server will accept.
 */
export function returnableNoShows(hall: HallSnapshot, windowId: string): TicketView[] {
  let newest = '';
  for (const t of hall.tickets) for (const at of [t.finishedAt, t.calledAt, t.issuedAt]) if (at && at > newest) newest = at;
  const limitMs = hallCalling(hall.hall).requeueMinutes * 60_000;
  return hall.tickets
    .filter((t): t is TicketView & { finishedAt: string } => t.state === 'no_show' && t.windowId === windowId && t.finishedAt !== null)
    .filter((t) => Date.parse(newest) - Date.parse(t.finishedAt) <= limitMs)
    .toSorted((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}
