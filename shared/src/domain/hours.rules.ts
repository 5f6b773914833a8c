import { Type, type Static } from '@sinclair/typebox';
import calendar from './holiday-calendar.json' with { type: 'json' };
import { CalendarDateSchema } from './types.ts';

const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, 24-hour, local to the hall' });
const LocalDate = CalendarDateSchema;
export const IntervalSchema = Type.Object({ open: Time, close: Time }, { additionalProperties: false });
export type Interval = Static<typeof IntervalSchema>;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A hall's opening hours, kept under `settings.hours`. */
export const HoursConfigSchema = Type.Object(
  {
    /** Published hours per weekday; an empty list is a closed day. */
    weekly: Type.Object(Object.fromEntries(WEEKDAYS.map((day) => [day, Type.Array(IntervalSchema, { maxItems: 4 })])) as Record<Weekday, ReturnType<typeof Type.Array<typeof IntervalSchema>>>, {
      additionalProperties: false,
    }),
    /** H2: staff start this many minutes before the first opening and finish this many after the last closing. */
    extendedMinutes: Type.Integer({ minimum: 0, maximum: 180 }),
    /** H3: null means continuous lunchtime service; otherwise the hall closes for this interval. */
    lunchBreak: Type.Union([IntervalSchema, Type.Null()]),
    /** H4: when false, Saturdays and Sundays are closed unless they are make-up working days. */
    weekendsOpen: Type.Boolean(),
    /** H5: public holidays: closed. */
    holidays: Type.Array(LocalDate, { maxItems: 400 }),
    /** H5: make-up working days (调休): open with the hall's normal weekday hours (`normalWeekdayHours`), even on a weekend. */
    makeupWorkdays: Type.Array(LocalDate, { maxItems: 100 }),
    /** H6: one-off changes; they win over everything else. */
    exceptions: Type.Array(
      Type.Object({ date: LocalDate, intervals: Type.Array(IntervalSchema, { maxItems: 4 }), note: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      { maxItems: 400 },
    ),
    /** H7: no new ticket (screening or desk) within this many minutes of the extended closing. */
    lastTicketMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
  },
  { additionalProperties: false },
);
export type HoursConfig = Static<typeof HoursConfigSchema>;

/** One year of the official calendar (H5), as shipped in `holiday-calendar.json`. */
export interface CalendarYear {
  source: string;
  /** True when it is the State Council's published arrangement; false for the statutory days alone, before it is published. */
  official: boolean;
  holidays: string[];
  makeupWorkdays: string[];
}

/** H5: the official holidays and make-up working days shipped with HallFlow, by year (2026, 2027). */
export const HOLIDAY_CALENDAR: Record<string, CalendarYear> = calendar.years;

/** H5: every year of the shipped calendar together: the default of a hall's holidays and make-up days. */
export const DEFAULT_CALENDAR = {
  holidays: Object.values(HOLIDAY_CALENDAR).flatMap((year) => year.holidays),
  makeupWorkdays: Object.values(HOLIDAY_CALENDAR).flatMap((year) => year.makeupWorkdays),
};

const weekday = (open: string, close: string) => [{ open, close }];
export const DEFAULT_HOURS: HoursConfig = {
  weekly: {
    mon: weekday('08:30', '17:30'),
    tue: weekday('08:30', '17:30'),
    wed: weekday('08:30', '17:30'),
    thu: weekday('08:30', '17:30'),
    fri: weekday('08:30', '17:30'),
    sat: weekday('09:00', '17:00'),
    sun: weekday('09:00', '17:00'),
  },
  extendedMinutes: 30,
  lunchBreak: null,
  weekendsOpen: true,
  holidays: DEFAULT_CALENDAR.holidays,
  makeupWorkdays: DEFAULT_CALENDAR.makeupWorkdays,
  exceptions: [],
  lastTicketMinutes: 30,
};

/** Minutes since midnight of a local HH:MM. */
export const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** HH:MM of minutes since midnight. */
export const toTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one, and slots and hours ask often. */
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    partsFormatters.set(timezone, formatter);
  }
  return formatter;
}

/** The last answer of `localClock` per time zone: a server asks it many times a minute for the same minute. */
const lastClock = new Map<string, { utcMinute: number; clock: { date: string; weekday: Weekday; minute: number } }>();

/** The hall's local date, weekday and minute of the day at an instant. */
export function localClock(instant: Date, timezone: string): { date: string; weekday: Weekday; minute: number } {
  // Every zone in use is offset by whole minutes, so the answer is the same for a whole UTC minute.
  const utcMinute = Math.floor(instant.getTime() / 60_000);
  const last = lastClock.get(timezone);
  if (last && last.utcMinute === utcMinute) return { ...last.clock };
  const clock = readClock(instant, timezone);
  lastClock.set(timezone, { utcMinute, clock });
  return { ...clock };
}

function readClock(instant: Date, timezone: string): { date: string; weekday: Weekday; minute: number } {
  const parts = Object.fromEntries(partsFormatter(timezone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The hall's local time of an instant as HH:MM (24-hour), as the door says "come back at 09:50". */
export function clockTime(instant: Date, timezone: string): string {
  return toTime(localClock(instant, timezone).minute);
}

function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

export interface DayHours {
  date: string;
  weekday: Weekday;
  closed: boolean;
  /** Why the day is as it is: the weekly schedule, a holiday, a make-up working day, or a one-off change. */
  basis: 'weekly' | 'holiday' | 'makeup' | 'exception' | 'weekend';
  /** Published hours, split by the lunch break when there is one. */
  published: Interval[];
  /** Staff hours: the first opening and the last closing moved by the extension (null when closed). */
  extended: Interval | null;
}

function splitByLunch(intervals: readonly Interval[], lunch: Interval | null): Interval[] {
  if (!lunch) return [...intervals];
  const [ls, le] = [toMinutes(lunch.open), toMinutes(lunch.close)];
  return intervals.flatMap((interval) => {
    const [s, e] = [toMinutes(interval.open), toMinutes(interval.close)];
    if (le <= s || ls >= e) return [interval];
    return [s < ls ? { open: interval.open, close: lunch.open } : null, le < e ? { open: lunch.close, close: interval.close } : null].filter((x): x is Interval => x !== null);
  });
}

const WORKING_WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * H5: the hall's normal weekday hours, which a make-up working day (调休上班)
 * keeps: the schedule most of Monday to Friday share (a tie goes to the
 * earlier weekday), so a hall closed on Monday mornings or short on Fridays
 * still opens a make-up Saturday with its usual hours. No open weekday: closed.
 */
export function normalWeekdayHours(config: Pick<HoursConfig, 'weekly'>): Interval[] {
  const open = WORKING_WEEKDAYS.map((day) => config.weekly[day]).filter((intervals) => intervals.length > 0);
  const key = (intervals: readonly Interval[]) => JSON.stringify([...intervals].sort((a, b) => a.open.localeCompare(b.open)));
  let best: readonly Interval[] = [];
  let bestCount = 0;
  for (const intervals of open) {
    const count = open.filter((other) => key(other) === key(intervals)).length;
    if (count > bestCount) [best, bestCount] = [intervals, count];
  }
  return [...best];
}

/** H1–H6: the hours of one local date. */
export function hoursForDate(config: HoursConfig, date: string): DayHours {
  const day = weekdayOf(date);
  const exception = config.exceptions.find((e) => e.date === date);
  let basis: DayHours['basis'] = 'weekly';
  let intervals: readonly Interval[] = config.weekly[day];
  if (exception) {
    basis = 'exception';
    intervals = exception.intervals;
  } else if (config.holidays.includes(date)) {
    basis = 'holiday';
    intervals = [];
  } else if (config.makeupWorkdays.includes(date)) {
    basis = 'makeup';
    intervals = normalWeekdayHours(config);
  } else if (!config.weekendsOpen && (day === 'sat' || day === 'sun')) {
    basis = 'weekend';
    intervals = [];
  }
  const published = splitByLunch([...intervals].sort((a, b) => a.open.localeCompare(b.open)), basis === 'exception' ? null : config.lunchBreak);
  if (published.length === 0) return { date, weekday: day, closed: true, basis, published: [], extended: null };
  const first = toMinutes(published[0]!.open);
  const last = toMinutes(published.at(-1)!.close);
  const extended = { open: toTime(Math.max(0, first - config.extendedMinutes)), close: toTime(Math.min(24 * 60 - 1, last + config.extendedMinutes)) };
  return { date, weekday: day, closed: false, basis, published, extended };
}

export type ServiceStatus = { open: true; ticketsAllowed: boolean; reason: null } | { open: false; ticketsAllowed: false; reason: string };

/**
 * H2, H3, H7: whether the hall serves at an instant (within the extended
 * hours and not in the lunch break), and whether a new ticket may still be
 * issued (not within `lastTicketMinutes` of the extended closing).
 */
export function serviceStatus(config: HoursConfig, timezone: string, instant: Date): ServiceStatus {
  const clock = localClock(instant, timezone);
  const day = hoursForDate(config, clock.date);
  if (day.closed || !day.extended) return { open: false, ticketsAllowed: false, reason: `今日不办公 · closed today (${day.basis})` };
  const [start, end] = [toMinutes(day.extended.open), toMinutes(day.extended.close)];
  if (clock.minute < start || clock.minute >= end) {
    return { open: false, ticketsAllowed: false, reason: `不在服务时间（${day.extended.open}–${day.extended.close}）· outside service hours` };
  }
  if (config.lunchBreak) {
    const [ls, le] = [toMinutes(config.lunchBreak.open), toMinutes(config.lunchBreak.close)];
    if (clock.minute >= ls && clock.minute < le) {
      return { open: false, ticketsAllowed: false, reason: `午休（${config.lunchBreak.open}–${config.lunchBreak.close}）· lunch break` };
    }
  }
  // H9: between two published sessions (08:30–12:00 and 14:00–17:30) the hall is closed; the extension is only before the first and after the last.
  const gap = sessionGap(day, clock.minute);
  if (gap) return { open: false, ticketsAllowed: false, reason: `休息（${gap.open}–${gap.close}）· closed between sessions` };
  return { open: true, ticketsAllowed: clock.minute < end - config.lastTicketMinutes, reason: null };
}

/**
 * D3: when a hall that issues no tickets now first issues them later today
 * (HH:MM local): it opens later, or reopens after a pause between sessions or
 * a lunch break. Null when it issues tickets now, or not again today. Judged
 * by `serviceStatus` itself at each moment a part of the day starts, so it
 * can never name a time the hall would refuse.
 */
export function ticketsNextToday(config: HoursConfig, timezone: string, instant: Date): string | null {
  if (serviceStatus(config, timezone, instant).ticketsAllowed) return null;
  const clock = localClock(instant, timezone);
  const day = hoursForDate(config, clock.date);
  if (day.closed || !day.extended) return null;
  const starts = [day.extended.open, ...day.published.map((session) => session.open), ...(config.lunchBreak ? [config.lunchBreak.close] : [])]
    .map(toMinutes)
    .filter((minute) => minute > clock.minute)
    .sort((a, b) => a - b);
  for (const minute of starts) {
    const then = new Date(instant.getTime() + (minute - clock.minute) * 60_000);
    if (serviceStatus(config, timezone, then).ticketsAllowed) return toTime(minute);
  }
  return null;
}

/** H9: the pause between two published sessions of a day that holds `minute`, if any. */
function sessionGap(day: DayHours, minute: number): Interval | null {
  for (let i = 1; i < day.published.length; i++) {
    const [close, open] = [day.published[i - 1]!.close, day.published[i]!.open];
    if (minute >= toMinutes(close) && minute < toMinutes(open)) return { open: close, close: open };
  }
  return null;
}

/** H7: the last minute of a day at which a new ticket may still be issued (HH:MM), or null on a closed day. */
export function lastTicketTime(config: HoursConfig, date: string): string | null {
  const day = hoursForDate(config, date);
  if (!day.extended) return null;
  return toTime(Math.max(0, toMinutes(day.extended.close) - config.lastTicketMinutes));
}

/** H8: today and the coming days, for screens and the booking page. */
export function weekHours(config: HoursConfig, timezone: string, from: Date, days = 7): DayHours[] {
  const start = localClock(from, timezone).date;
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(Date.parse(`${start}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    return hoursForDate(config, date);
  });
}

/** "08:30–17:30, extended service 08:00–18:00" */
export function describeDay(day: DayHours, lang: 'zh' | 'en' = 'zh'): string {
  if (day.closed || !day.extended) return lang === 'zh' ? '休息' : 'Closed';
  const published = day.published.map((i) => `${i.open}–${i.close}`).join(lang === 'zh' ? '，' : ', ');
  const extended = `${day.extended.open}–${day.extended.close}`;
  return lang === 'zh' ? `${published}（延时服务 ${extended}）` : `${published}, extended service ${extended}`;
}
