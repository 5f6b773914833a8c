import { bothLangs } from '../i18n';
import type { Interval } from '@hallflow/shared';

/**
 * The opening-hours form edits each weekday as text ("08:30-12:00, 13:30-17:30";
 * empty = closed) and date lists as "2026-10-01 2026-10-02". These turn the
 * text into the API's shape, or say exactly what is wrong with it.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const formatIntervals = (intervals: readonly Interval[]) => intervals.map((i) => `${i.open}-${i.close}`).join(', ');

export function parseIntervals(text: string): Parsed<Interval[]> {
  const parts = text.split(/[,，、]/).map((part) => part.trim()).filter(Boolean);
  const intervals: Interval[] = [];
  for (const part of parts) {
    const [open, close, extra] = part.split(/\s*[-–~至]\s*/);
    if (extra !== undefined || !open || !close || !TIME.test(open) || !TIME.test(close)) return { ok: false, error: bothLangs('hoursNotInterval', { part }) };
    if (close <= open) return { ok: false, error: bothLangs('hoursClosesFirst', { part }) };
    const previous = intervals.at(-1);
    if (previous && open < previous.close) return { ok: false, error: bothLangs('hoursOverlap', { part }) };
    intervals.push({ open, close });
  }
  if (intervals.length > 4) return { ok: false, error: bothLangs('hoursTooMany') };
  return { ok: true, value: intervals };
}

export const formatDates = (dates: readonly string[]) => dates.join(' ');

export function parseDates(text: string): Parsed<string[]> {
  const dates = text.split(/[\s,，、]+/).filter(Boolean);
  const wrong = dates.find((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)));
  if (wrong) return { ok: false, error: bothLangs('hoursNotDate', { part: wrong }) };
  return { ok: true, value: [...new Set(dates)].sort() };
}
