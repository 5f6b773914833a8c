/** The hall's local calendar date (YYYY-MM-DD) at an instant: ticket numbers and batches restart each day. */
export function businessDay(instant: Date, timezone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}
