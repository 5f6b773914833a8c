/**
 * A20: each booking page has its own address, so a reload or Back shows the
 * same page: the form (?hall=), a confirmation (?appointment=CODE), the page
 * to change or cancel (?code=CODE, the link the door also reads, A15), and
 * "find my booking" (?find).
 */
export type BookingView =
  | { kind: 'book'; hallId: string }
  /** `just`: the page was reached by booking or by moving the appointment (the heading says so). */
  | { kind: 'confirmation'; hallId: string; code: string; just: 'booked' | 'moved' | null }
  | { kind: 'manage'; hallId: string; code: string }
  | { kind: 'find'; hallId: string };

const DEFAULT_HALL = 'demo';

/** The page an address shows. */
export function viewOf(search: string): BookingView {
  const params = new URLSearchParams(search);
  const hallId = params.get('hall') || DEFAULT_HALL;
  const manage = params.get('code');
  const confirmation = params.get('appointment');
  if (manage) return { kind: 'manage', hallId, code: manage };
  if (confirmation) return { kind: 'confirmation', hallId, code: confirmation, just: params.has('moved') ? 'moved' : params.has('booked') ? 'booked' : null };
  if (params.has('find')) return { kind: 'find', hallId };
  return { kind: 'book', hallId };
}

/** The address of a page (the query part). */
export function hrefOf(view: BookingView): string {
  const params = new URLSearchParams({ hall: view.hallId });
  if (view.kind === 'manage') params.set('code', view.code);
  if (view.kind === 'confirmation') {
    params.set('appointment', view.code);
    if (view.just) params.set(view.just, '');
  }
  if (view.kind === 'find') params.set('find', '');
  return `?${params.toString().replace(/=(&|$)/g, '$1')}`;
}
