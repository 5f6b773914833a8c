/** PR1/PR2: the printable pages and the paper they are laid out for. */
export type PrintRoute = { kind: 'ticket'; token: string; paper: Paper } | { kind: 'appointment'; code: string; paper: Paper };
export type Paper = 80 | 58;

/** The two thermal roll widths halls use; anything else prints on 80 mm. */
export function paperFrom(search: URLSearchParams): Paper {
  return search.get('paper') === '58' ? 58 : 80;
}

/** `/t/<token>/print` (a ticket) or `/checkin/book/<code>/print` (an appointment confirmation); null for every other page. */
export function printRoute(pathname: string, search: URLSearchParams): PrintRoute | null {
  const ticket = /^\/t\/([A-Za-z0-9_-]{16,64})\/print\/?$/.exec(pathname);
  if (ticket) return { kind: 'ticket', token: ticket[1]!, paper: paperFrom(search) };
  const appointment = /^\/checkin\/book\/([A-Za-z0-9]{4,16})\/print\/?$/.exec(pathname);
  if (appointment) return { kind: 'appointment', code: appointment[1]!, paper: paperFrom(search) };
  return null;
}

/** Local time of an instant in the hall's zone, 24-hour, as printed on the slip: 2026-11-25 10:03. */
export function printedTime(iso: string, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
