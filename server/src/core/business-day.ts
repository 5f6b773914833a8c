import { localClock } from '@hallflow/shared';

/** The hall's local calendar date (YYYY-MM-DD) at an instant: ticket numbers and batches restart each day. */
export function businessDay(instant: Date, timezone: string): string {
  return localClock(instant, timezone).date;
}
