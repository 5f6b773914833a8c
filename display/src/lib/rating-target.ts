import type { HallSnapshot, TicketView } from '@hallflow/shared';

/** How long after a service ends its rating pad stays up (the server accepts pad ratings for ten minutes, F2). */
export const PAD_SHOWS_MS = 120_000;

/**
 * L10: the ticket a window's rating pad asks about — the service that just
 * ended at that window, until it is rated, while the window has no one called
 * or being served, and for two minutes after it ended. "Now" is the newest
 * time in the hall's own events, so a TV with a wrong clock still behaves.
 */
export function ratingTarget(hall: HallSnapshot, windowNumber: number): TicketView | null {
  const window = hall.windows.find((w) => w.number === windowNumber);
  if (!window || window.state !== 'open') return null;
  const busy = hall.tickets.some((t) => t.id === window.currentTicketId && (t.state === 'called' || t.state === 'serving'));
  if (busy) return null;
  const finished = hall.tickets
    .filter((t): t is TicketView & { finishedAt: string } => t.windowId === window.id && t.state === 'done' && t.finishedAt !== null)
    .toSorted((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
  if (!finished || finished.rating !== null) return null;
  let newest = '';
  for (const t of hall.tickets) for (const at of [t.finishedAt, t.calledAt, t.issuedAt]) if (at && at > newest) newest = at;
  return Date.parse(newest) - Date.parse(finished.finishedAt) < PAD_SHOWS_MS ? finished : null;
}
