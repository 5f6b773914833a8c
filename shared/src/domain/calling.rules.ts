import type { TicketView } from './types.ts';

export interface CallingWindow {
  /** Categories served, most preferred first. */
  categoryIds: readonly string[];
}

function byQueueTime(a: TicketView, b: TicketView): number {
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/**
 * Q1: "call next" takes, from the first of the window's categories that has
 * anyone waiting, the ticket with the earliest queue time. Queue time is kept
 * across transfers and returns (Q2), so those keep their place.
 */
export function pickNextTicket(waiting: readonly TicketView[], window: CallingWindow): TicketView | null {
  for (const categoryId of window.categoryIds) {
    const candidates = waiting.filter((t) => t.state === 'waiting' && t.categoryId === categoryId);
    if (candidates.length > 0) return [...candidates].sort(byQueueTime)[0] ?? null;
  }
  return null;
}
