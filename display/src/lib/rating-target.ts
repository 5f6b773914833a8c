import type { FinishedView, PublicHallState } from '@hallflow/shared';

/** How long after a service ends its rating pad stays up (the server accepts pad ratings for ten minutes, F2). */
export const PAD_SHOWS_MS = 120_000;

/**
 * L10: the service a window's rating pad asks about — the one that just
 * ended at that window, until it is rated, while the window is open with no
 * one called or being served, and for two minutes after it ended. `now` is
 * the hall's clock (server time), so a TV with a wrong clock still behaves.
 */
export function ratingTarget(hall: PublicHallState, windowNumber: number, now: number): FinishedView | null {
  const window = hall.windows.find((w) => w.number === windowNumber);
  if (!window || window.state !== 'open') return null;
  const busy = hall.tickets.some((t) => t.id === window.currentTicketId && (t.state === 'called' || t.state === 'serving'));
  if (busy) return null;
  const finished = hall.finished.find((f) => f.windowId === window.id);
  if (!finished || finished.rated) return null;
  return now - Date.parse(finished.finishedAt) < PAD_SHOWS_MS ? finished : null;
}
