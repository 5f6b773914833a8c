import type { IdDocumentKind } from '@hallflow/shared';
import type { AppointmentView, TicketResponse } from '@hallflow/shared/api';

/**
 * KS6: everything a visitor gives or is shown at the terminal, in one
 * object. The idle reset replaces it with an empty one and remounts every
 * screen, so nothing personal is left on screen or in memory.
 */
export interface KioskVisitor {
  /** A service choice (`item:…`, `bundle:…`, `category:…`). */
  service: string | null;
  date: string | null;
  slot: string | null;
  idType: IdDocumentKind | null;
  idNumber: string;
  mobile: string;
  name: string;
  partySize: number | null;
  code: string;
  last4: string;
  found: AppointmentView[] | null;
  booked: AppointmentView | null;
  ticket: TicketResponse | null;
}

export function emptyVisitor(): KioskVisitor {
  return { service: null, date: null, slot: null, idType: null, idNumber: '', mobile: '', name: '', partySize: null, code: '', last4: '', found: null, booked: null, ticket: null };
}

declare global {
  interface Window {
    /** KS6: what the terminal holds about the current visitor, for browser tests to see it emptied. */
    __hallflowKioskVisitor?: () => KioskVisitor;
  }
}
