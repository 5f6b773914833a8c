import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, HOLIDAY_CALENDAR, HoursConfigSchema, describeDay, hoursForDate, lastTicketTime, normalWeekdayHours, serviceStatus, ticketsNextToday, weekHours, type HoursConfig } from '../src/domain/index.ts';
import { Value } from '@sinclair/typebox/value';

const SH = 'Asia/Shanghai';
/** An instant given as Shanghai local time. */
const at = (local: string) => new Date(`${local}+08:00`);
/** The default hours without the shipped holiday calendar, unless a test names its own days. */
const config = (over: Partial<HoursConfig> = {}): HoursConfig => ({ ...DEFAULT_HOURS, holidays: [], makeupWorkdays: [], ...over });
// 2026-11-25 is a Wednesday; 2026-11-28 a Saturday.

describe('opening hours', () => {
  it('[H1][H2] published 08:30–17:30; staff service from 08:00 to 18:00 with the 30-minute extension', () => {
    const day = hoursForDate(config(), '2026-11-25');
    expect(day).toMatchObject({ closed: false, basis: 'weekly', published: [{ open: '08:30', close: '17:30' }], extended: { open: '08:00', close: '18:00' } });
    expect(serviceStatus(config(), SH, at('2026-11-25T07:59:00')).open).toBe(false);
    expect(serviceStatus(config(), SH, at('2026-11-25T08:00:00')).open).toBe(true); // the opening minute
    expect(serviceStatus(config(), SH, at('2026-11-25T17:59:00')).open).toBe(true);
    expect(serviceStatus(config(), SH, at('2026-11-25T18:00:00')).open).toBe(false);
    expect(serviceStatus(config({ extendedMinutes: 0 }), SH, at('2026-11-25T08:15:00')).open).toBe(false);
  });

  it('[H3] noon: continuous lunchtime service stays open; with a lunch break the hall closes for it', () => {
    expect(serviceStatus(config(), SH, at('2026-11-25T12:15:00')).open).toBe(true);
    const lunch = config({ lunchBreak: { open: '12:00', close: '13:30' } });
    expect(serviceStatus(lunch, SH, at('2026-11-25T11:59:00')).open).toBe(true);
    expect(serviceStatus(lunch, SH, at('2026-11-25T12:00:00'))).toMatchObject({ open: false, reason: expect.stringContaining('午休') });
    expect(serviceStatus(lunch, SH, at('2026-11-25T13:30:00')).open).toBe(true);
    expect(hoursForDate(lunch, '2026-11-25').published).toEqual([
      { open: '08:30', close: '12:00' },
      { open: '13:30', close: '17:30' },
    ]);
  });

  it('[H1] midnight belongs to the hall time zone: 00:30 in Shanghai is closed, and its date is the Shanghai date', () => {
    expect(serviceStatus(config(), SH, at('2026-11-26T00:30:00')).open).toBe(false);
    // 2026-11-25T23:30Z is already Thursday 07:30 in Shanghai: still before opening.
    expect(serviceStatus(config(), SH, new Date('2026-11-25T23:30:00Z')).open).toBe(false);
    expect(serviceStatus(config(), SH, new Date('2026-11-26T00:00:00Z')).open).toBe(true); // 08:00 Thursday
    // The same instant in another zone is a different local time.
    expect(serviceStatus(config(), 'Asia/Urumqi', new Date('2026-11-26T00:00:00Z')).open).toBe(false); // 06:00 there
  });

  it('[H4][H5] weekends can be closed; a make-up Saturday opens with the weekday schedule; a holiday closes', () => {
    const weekdaysOnly = config({ weekendsOpen: false, makeupWorkdays: ['2026-11-28'], holidays: ['2026-11-26'] });
    expect(hoursForDate(weekdaysOnly, '2026-11-29')).toMatchObject({ closed: true, basis: 'weekend' });
    expect(hoursForDate(weekdaysOnly, '2026-11-28')).toMatchObject({ closed: false, basis: 'makeup', published: [{ open: '08:30', close: '17:30' }] });
    expect(serviceStatus(weekdaysOnly, SH, at('2026-11-28T08:05:00')).open).toBe(true);
    expect(hoursForDate(weekdaysOnly, '2026-11-26')).toMatchObject({ closed: true, basis: 'holiday' });
    expect(serviceStatus(weekdaysOnly, SH, at('2026-11-26T10:00:00')).open).toBe(false);
    expect(hoursForDate(config(), '2026-11-28').published).toEqual([{ open: '09:00', close: '17:00' }]);
  });

  it('[H6] a one-off change wins: a shorter day, or a day closed', () => {
    const short = config({ exceptions: [{ date: '2026-11-25', intervals: [{ open: '08:30', close: '12:00' }] }, { date: '2026-11-27', intervals: [] }] });
    expect(hoursForDate(short, '2026-11-25')).toMatchObject({ basis: 'exception', extended: { open: '08:00', close: '12:30' } });
    expect(serviceStatus(short, SH, at('2026-11-25T12:30:00')).open).toBe(false);
    expect(hoursForDate(short, '2026-11-27').closed).toBe(true);
  });

  it('[H7] no new ticket in the last 30 minutes before the extended closing', () => {
    expect(serviceStatus(config(), SH, at('2026-11-25T17:29:00'))).toMatchObject({ open: true, ticketsAllowed: true });
    expect(serviceStatus(config(), SH, at('2026-11-25T17:30:00'))).toMatchObject({ open: true, ticketsAllowed: false });
  });

  it('[H8] the coming week, with the extension shown apart from the published hours', () => {
    const week = weekHours(config({ holidays: ['2026-11-27'] }), SH, at('2026-11-25T10:00:00'));
    expect(week.map((d) => d.date)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01']);
    expect(describeDay(week[0]!)).toBe('08:30–17:30（延时服务 08:00–18:00）');
    expect(describeDay(week[0]!, 'en')).toBe('08:30–17:30, extended service 08:00–18:00');
    expect(describeDay(week[2]!)).toBe('休息');
  });

  it('[H9] a day of two sessions (08:30–12:00 and 14:00–17:30) is closed between them: no service and no ticket at 13:00', () => {
    const split = config({ weekly: { ...DEFAULT_HOURS.weekly, wed: [{ open: '14:00', close: '17:30' }, { open: '08:30', close: '12:00' }] } });
    expect(serviceStatus(split, SH, at('2026-11-25T11:59:00'))).toMatchObject({ open: true, ticketsAllowed: true });
    expect(serviceStatus(split, SH, at('2026-11-25T13:00:00'))).toEqual({ open: false, ticketsAllowed: false, reason: '休息（12:00–14:00）· closed between sessions' });
    expect(serviceStatus(split, SH, at('2026-11-25T12:00:00')).open).toBe(false);
    expect(serviceStatus(split, SH, at('2026-11-25T14:00:00')).open).toBe(true);
    // The extension is before the first session and after the last only.
    expect(serviceStatus(split, SH, at('2026-11-25T08:00:00')).open).toBe(true);
    expect(serviceStatus(split, SH, at('2026-11-25T17:59:00')).open).toBe(true);
    expect(hoursForDate(split, '2026-11-25').extended).toEqual({ open: '08:00', close: '18:00' });
  });

  it('[H5] a make-up working day keeps the hall\'s normal weekday hours: those most of Monday to Friday share, not Monday\'s', () => {
    const weekly = { ...DEFAULT_HOURS.weekly, mon: [{ open: '13:00', close: '17:30' }], fri: [{ open: '08:30', close: '12:00' }] };
    const hall = config({ weekly, weekendsOpen: false, makeupWorkdays: ['2026-02-14'] });
    expect(normalWeekdayHours(hall)).toEqual([{ open: '08:30', close: '17:30' }]);
    expect(hoursForDate(hall, '2026-02-14')).toMatchObject({ basis: 'makeup', closed: false, published: [{ open: '08:30', close: '17:30' }] });
    expect(normalWeekdayHours(config({ weekly: { ...weekly, tue: [], wed: [], thu: [] } }))).toEqual([{ open: '13:00', close: '17:30' }]); // a tie: the earlier weekday
    expect(normalWeekdayHours(config({ weekly: { ...weekly, mon: [], tue: [], wed: [], thu: [], fri: [] } }))).toEqual([]);
  });

  it('[H5] the shipped calendar is the default: the 2026 holidays close, its make-up days open; 2027 has its statutory days; it fits the hours schema', () => {
    expect(HOLIDAY_CALENDAR['2026']).toMatchObject({ official: true });
    expect(hoursForDate(DEFAULT_HOURS, '2026-02-17')).toMatchObject({ closed: true, basis: 'holiday' }); // 春节
    expect(hoursForDate(DEFAULT_HOURS, '2026-10-07')).toMatchObject({ closed: true, basis: 'holiday' });
    expect(hoursForDate(DEFAULT_HOURS, '2026-10-10')).toMatchObject({ closed: false, basis: 'makeup', published: [{ open: '08:30', close: '17:30' }] }); // 国庆调休上班 (Saturday)
    expect(hoursForDate(DEFAULT_HOURS, '2026-10-08')).toMatchObject({ closed: false, basis: 'weekly' });
    expect(hoursForDate(DEFAULT_HOURS, '2027-02-07')).toMatchObject({ closed: true, basis: 'holiday' }); // 春节 2027
    expect(HOLIDAY_CALENDAR['2027']).toMatchObject({ official: false, makeupWorkdays: [] });
    const all = Object.values(HOLIDAY_CALENDAR).flatMap((year) => [...year.holidays, ...year.makeupWorkdays]);
    expect(new Set(all).size).toBe(all.length); // no day both, none twice
    expect(Value.Check(HoursConfigSchema, DEFAULT_HOURS)).toBe(true);
  });

  it('[H7] the last time a new ticket is issued on a date; none on a closed day', () => {
    expect(lastTicketTime(config(), '2026-11-25')).toBe('17:30');
    expect(lastTicketTime(config({ holidays: ['2026-11-25'] }), '2026-11-25')).toBeNull();
  });

  it('[D3] when a hall that issues no tickets now first does later today: before opening, in a pause between sessions, in a lunch break; never while it issues them, after its last ticket or on a closed day', () => {
    expect(ticketsNextToday(config(), SH, at('2026-11-25T10:00:00'))).toBeNull(); // issuing now
    expect(ticketsNextToday(config(), SH, at('2026-11-25T07:00:00'))).toBe('08:00'); // the extension opens first
    const split = config({ weekly: { ...DEFAULT_HOURS.weekly, wed: [{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }] } });
    expect(ticketsNextToday(split, SH, at('2026-11-25T13:00:00'))).toBe('14:00');
    const lunch = config({ lunchBreak: { open: '12:00', close: '13:30' } });
    expect(ticketsNextToday(lunch, SH, at('2026-11-25T12:10:00'))).toBe('13:30');
    expect(ticketsNextToday(config(), SH, at('2026-11-25T17:45:00'))).toBeNull(); // past the last ticket (17:30)
    expect(ticketsNextToday(config({ holidays: ['2026-11-25'] }), SH, at('2026-11-25T07:00:00'))).toBeNull();
    // Whatever it names, the hall issues tickets then (it is judged by serviceStatus itself).
    for (const hours of [config(), split, lunch]) {
      for (let minute = 0; minute < 24 * 60; minute += 7) {
        const now = new Date(at('2026-11-25T00:00:00').getTime() + minute * 60_000);
        const next = ticketsNextToday(hours, SH, now);
        if (next === null) continue;
        expect(serviceStatus(hours, SH, at(`2026-11-25T${next}:00`)).ticketsAllowed).toBe(true);
        expect(serviceStatus(hours, SH, now).ticketsAllowed).toBe(false);
      }
    }
  });
});
