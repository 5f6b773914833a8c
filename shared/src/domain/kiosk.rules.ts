/**
 * KS5: a visitor takes a ticket at a self-service terminal only where the
 * hall allows it (calling policy `kioskTickets`) and the terminal stands
 * inside the hall, past the door's screening: a terminal outside (a 24-hour
 * lobby, the entrance) books and looks up, but never lets anyone skip the door.
 */
export function kioskTicketRefusal(hallAllows: boolean, terminalInside: boolean): 'KIOSK_TICKETS_OFF' | 'KIOSK_OUTSIDE' | null {
  if (!hallAllows) return 'KIOSK_TICKETS_OFF';
  if (!terminalInside) return 'KIOSK_OUTSIDE';
  return null;
}

/** KS6: seconds without a touch or key before a terminal clears everything and returns to its start screen. */
export const KIOSK_IDLE_SECONDS = { default: 60, min: 5, max: 600 } as const;

/** KS6: the idle time a terminal's address asks for (`?idle=`), within bounds; anything else is the default. */
export function kioskIdleSeconds(raw: string | null): number {
  const value = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isInteger(value)) return KIOSK_IDLE_SECONDS.default;
  return Math.min(KIOSK_IDLE_SECONDS.max, Math.max(KIOSK_IDLE_SECONDS.min, value));
}

/**
 * EL3: what elder mode chooses for the visitor, so the fewest decisions are
 * left: the commonest service — the first item (in the hall's own order) of
 * the queue with the most people waiting now, or with nobody waiting (or no
 * live figures, the booking page) the first item the hall lists — and the
 * nearest time: the first slot with a free place on the first open day that
 * has one. The visitor may still change either.
 */
export function elderService(
  items: readonly { id: string; categoryId: string }[],
  queues: readonly { id: string; retired?: boolean }[],
  waiting: Readonly<Record<string, number>> = {},
): { kind: 'item'; id: string } | { kind: 'category'; id: string } | null {
  const open = queues.filter((queue) => !queue.retired);
  const busiest = open.reduce<{ id: string; n: number } | null>((best, queue) => {
    const n = waiting[queue.id] ?? 0;
    return n > (best?.n ?? 0) ? { id: queue.id, n } : best;
  }, null);
  const order = busiest ? [busiest.id, ...open.map((queue) => queue.id).filter((id) => id !== busiest.id)] : open.map((queue) => queue.id);
  for (const queueId of order) {
    const item = items.find((candidate) => candidate.categoryId === queueId);
    if (item) return { kind: 'item', id: item.id };
  }
  return order[0] ? { kind: 'category', id: order[0] } : null;
}

/** EL3: the nearest slot with a free place, from slots in time order. */
export function nearestFreeSlot<T extends { start: string; free: number }>(slots: readonly T[]): T | null {
  return slots.find((slot) => slot.free > 0) ?? null;
}
