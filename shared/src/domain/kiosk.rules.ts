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
