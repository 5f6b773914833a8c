import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, describeDay, hoursForDate, serviceStatus, weekHours, type HoursConfig } from '../src/domain/index.ts';

const SH = 'Asia/Shanghai';
/** An instant given as Shanghai local time. */
const at = (local: string) => new Date(`${local}+08:00`);
const config = (over: Partial<HoursConfig> = {}): HoursConfig => ({ ...DEFAULT_HOURS, ...over });
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
});
