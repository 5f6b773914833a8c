/**
 * RP1–RP6: the figures of a hall or the city over a date range, as pure
 * functions of what the server loaded (parties, screenings, tickets, the
 * call and service events, ratings). The server only reads; everything that
 * is counted is counted here, so a fixture day's answers can be worked out
 * by hand and checked.
 */
import { localClock } from './hours.rules.ts';
import type { HallEvent } from './events.ts';
import { fieldRefusal } from '../i18n/index.ts';

export interface Spread {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** RP2: nearest-rank percentile (the smallest value with at least p of the values at or below it). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, mean: null, median: null, p90: null };
  return {
    count: sorted.length,
    mean: round1(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    median: round1(percentile(sorted, 0.5)!),
    p90: round1(percentile(sorted, 0.9)!),
  };
}

/** RP2: minutes waited, in buckets [from, to) (the last open-ended). */
export const WAIT_BUCKETS = [0, 5, 10, 15, 20, 30, 45, 60] as const;

export function histogram(values: readonly number[], edges: readonly number[] = WAIT_BUCKETS): { from: number; to: number | null; count: number }[] {
  return edges.map((from, index) => {
    const to = edges[index + 1] ?? null;
    return { from, to, count: values.filter((v) => v >= from && (to === null || v < to)).length };
  });
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/** One screening record as stored: the people read (null once purged, P2), the decision and its reasons. */
export interface ScreeningRecord {
  admitted: boolean;
  people: number;
  readings: readonly { temperatureRecheck?: number | null; healthCodeSource?: string }[] | null;
  reasons: readonly { code: string }[];
}

export interface DoorFigures {
  screenedPeople: number;
  admittedPeople: number;
  deniedPeople: number;
  /** Reasons given to people turned away, by code (one person may have several). */
  deniedByReason: { code: string; count: number }[];
  fevers: number;
  rechecks: number;
  /** Health codes recorded from what staff saw on the phone (S7: no verification service). */
  manualVerifications: number;
}

/** RP1: the door's figures from its screening records. */
export function doorFigures(records: readonly ScreeningRecord[]): DoorFigures {
  const byReason = new Map<string, number>();
  for (const record of records) if (!record.admitted) for (const reason of record.reasons) byReason.set(reason.code, (byReason.get(reason.code) ?? 0) + 1);
  const readings = records.flatMap((record) => record.readings ?? []);
  return {
    screenedPeople: records.reduce((n, r) => n + r.people, 0),
    admittedPeople: records.filter((r) => r.admitted).reduce((n, r) => n + r.people, 0),
    deniedPeople: records.filter((r) => !r.admitted).reduce((n, r) => n + r.people, 0),
    deniedByReason: [...byReason].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    fevers: byReason.get('FEVER') ?? 0,
    rechecks: readings.filter((r) => typeof r.temperatureRecheck === 'number').length,
    // MV2: people checked by hand (no code on a phone), as the door recorded them.
    manualVerifications: readings.filter((r) => r.healthCodeSource === 'manual_check').length,
  };
}

/** A logged event as the report reads it. */
export interface LoggedEvent {
  hallId: string;
  at: string;
  event: HallEvent;
}

/** RP3: one stretch of work on a ticket at one window, from the service start (or the call) to its completion or hand-on. */
export interface ServiceSegment {
  hallId: string;
  ticketId: string;
  windowId: string;
  windowNumber: number;
  clerkName: string | null;
  start: string;
  end: string;
  outcome: 'completed' | 'transferred' | 'held';
}

/**
 * RP3: the service segments of the events, in order. A call opens a segment
 * at its window; the service start moves its start; completing, transferring
 * (a routed bundle moving on counts too) or holding the ticket closes it; a
 * no-show drops it; a held case resumed opens a new one.
 */
export function serviceSegments(events: readonly LoggedEvent[]): ServiceSegment[] {
  const open = new Map<string, Omit<ServiceSegment, 'end' | 'outcome'> & { started: boolean }>();
  const done: ServiceSegment[] = [];
  for (const { hallId, at, event } of events) {
    if (!('ticket' in event)) continue;
    const ticketId = event.ticket.id;
    const window = 'window' in event ? event.window : null;
    switch (event.type) {
      case 'ticket.called':
        open.set(ticketId, { hallId, ticketId, windowId: event.window.id, windowNumber: event.window.number, clerkName: event.window.clerkName, start: at, started: false });
        break;
      case 'ticket.service_started': {
        const current = open.get(ticketId);
        if (current && !current.started) open.set(ticketId, { ...current, start: at, started: true });
        else if (!current) open.set(ticketId, { hallId, ticketId, windowId: event.window.id, windowNumber: event.window.number, clerkName: event.window.clerkName, start: at, started: true });
        break;
      }
      case 'ticket.completed':
      case 'ticket.transferred':
      case 'ticket.held': {
        const current = open.get(ticketId);
        if (!current || (window && window.id !== current.windowId)) break;
        open.delete(ticketId);
        const outcome = event.type === 'ticket.completed' ? 'completed' : event.type === 'ticket.held' ? 'held' : 'transferred';
        const { started: _started, ...segment } = current;
        done.push({ ...segment, end: at, outcome });
        break;
      }
      case 'ticket.no_show':
        open.delete(ticketId);
        break;
      default:
        break;
    }
  }
  return done;
}

/** RP3: handling minutes per key (window, clerk, item …), each group's spread, in key order. */
export function handlingBy<K extends string>(segments: readonly ServiceSegment[], keyOf: (segment: ServiceSegment) => K | null): { key: K; spread: Spread }[] {
  const groups = new Map<K, number[]>();
  for (const segment of segments) {
    const key = keyOf(segment);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), minutes(segment.start, segment.end)]);
  }
  return [...groups].map(([key, values]) => ({ key, spread: spread(values) })).sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}

/** RP4: per local hour of the day, tickets issued and services finished (a bundle finished at several windows counts once, at the end). */
export function throughputPerHour(tickets: readonly { issuedAt: string; finishedAt: string | null; state: string; timezone: string }[]): { hour: number; issued: number; finished: number }[] {
  const rows = Array.from({ length: 24 }, (_, hour) => ({ hour, issued: 0, finished: 0 }));
  for (const ticket of tickets) {
    rows[Math.floor(localClock(new Date(ticket.issuedAt), ticket.timezone).minute / 60)]!.issued++;
    if (ticket.state === 'done' && ticket.finishedAt) rows[Math.floor(localClock(new Date(ticket.finishedAt), ticket.timezone).minute / 60)]!.finished++;
  }
  return rows;
}

/**
 * RP4: occupancy over the day against the limit: per local hour, the highest
 * count inside that any change reported (the count before the hour carries
 * into it), and the limit then. For a city, the halls' counts are added.
 */
export function occupancyPerHour(points: readonly { hallId: string; at: string; inside: number; capacity: number; timezone: string }[]): { hour: number; peak: number; limit: number }[] {
  const sorted = [...points].sort((a, b) => a.at.localeCompare(b.at));
  const current = new Map<string, { inside: number; capacity: number }>();
  const rows = Array.from({ length: 24 }, (_, hour) => ({ hour, peak: 0, limit: 0 }));
  const total = () => [...current.values()].reduce((sum, v) => ({ inside: sum.inside + v.inside, capacity: sum.capacity + v.capacity }), { inside: 0, capacity: 0 });
  let lastHour = -1;
  let lastDate = '';
  for (const point of sorted) {
    const local = localClock(new Date(point.at), point.timezone);
    const hour = Math.floor(local.minute / 60);
    // The count carries over the hours with no change, and into the hour of this change until it (within the same day).
    if (local.date === lastDate) {
      const carried = total();
      for (let h = lastHour + 1; h <= hour; h++) {
        rows[h]!.peak = Math.max(rows[h]!.peak, carried.inside);
        rows[h]!.limit = Math.max(rows[h]!.limit, carried.capacity);
      }
    } else current.clear();
    current.set(point.hallId, { inside: point.inside, capacity: point.capacity });
    const now = total();
    rows[hour]!.peak = Math.max(rows[hour]!.peak, now.inside);
    rows[hour]!.limit = Math.max(rows[hour]!.limit, now.capacity);
    lastHour = hour;
    lastDate = local.date;
  }
  return rows;
}

export interface SatisfactionRow {
  key: string;
  ratings: number;
  average: number | null;
  /** Share rated 基本满意 or better. */
  satisfied: number | null;
  low: number;
}

/** RP5: satisfaction per key: ratings, mean level, share satisfied (≥ 3), low ratings (≤ 2). */
export function satisfactionBy(ratings: readonly { level: number; key: string | null }[]): SatisfactionRow[] {
  const groups = new Map<string, number[]>();
  for (const rating of ratings) if (rating.key !== null) groups.set(rating.key, [...(groups.get(rating.key) ?? []), rating.level]);
  return [...groups]
    .map(([key, levels]) => ({
      key,
      ratings: levels.length,
      average: round1(levels.reduce((a, b) => a + b, 0) / levels.length),
      satisfied: Math.round((1000 * levels.filter((l) => l >= 3).length) / levels.length) / 1000,
      low: levels.filter((l) => l <= 2).length,
    }))
    .sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}

/** RP6: a date range is whole local days, `from` ≤ `to`, at most this many days. */
export const MAX_REPORT_DAYS = 366;

export function checkDateRange(from: string, to: string): { ok: true; days: number } | ({ ok: false } & ReturnType<typeof fieldRefusal>) {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days < 1) return { ok: false, ...fieldRefusal('querystring/to', { zh: `${to} 早于起始日期 ${from}`, en: `${to} must not be before querystring/from ${from}` }) };
  if (days > MAX_REPORT_DAYS) return { ok: false, ...fieldRefusal('querystring/to', { zh: `一次最多查询 ${MAX_REPORT_DAYS} 天`, en: `a range covers at most ${MAX_REPORT_DAYS} days` }) };
  return { ok: true, days };
}

/** The local dates from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}
