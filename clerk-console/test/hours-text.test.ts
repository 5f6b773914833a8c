import { describe, expect, it } from 'vitest';
import { formatIntervals, parseDates, parseIntervals } from '../src/lib/supervisor/hours-text';

describe('the opening-hours form text', () => {
  it('[H1][H3] a weekday is intervals in order, a lunch break splits it, empty is closed', () => {
    expect(parseIntervals('08:30-12:00, 13:30-17:30')).toEqual({ ok: true, value: [{ open: '08:30', close: '12:00' }, { open: '13:30', close: '17:30' }] });
    expect(parseIntervals('08:30 – 17:30')).toEqual({ ok: true, value: [{ open: '08:30', close: '17:30' }] });
    expect(parseIntervals('')).toEqual({ ok: true, value: [] });
    expect(formatIntervals([{ open: '08:30', close: '12:00' }, { open: '13:30', close: '17:30' }])).toBe('08:30-12:00, 13:30-17:30');
  });

  it('[H1] a wrong time, a closing before the opening or overlapping intervals are refused, saying which', () => {
    expect(parseIntervals('8:30-17:30')).toMatchObject({ ok: false, error: expect.stringContaining('8:30-17:30') });
    expect(parseIntervals('17:30-08:30')).toMatchObject({ ok: false, error: expect.stringContaining('closes before it opens') });
    expect(parseIntervals('08:30-12:00, 11:00-17:00')).toMatchObject({ ok: false, error: expect.stringContaining('overlaps') });
  });

  it('[H5] holidays and make-up days are dates, sorted, each once; anything else is named', () => {
    expect(parseDates('2026-10-02 2026-10-01, 2026-10-01')).toEqual({ ok: true, value: ['2026-10-01', '2026-10-02'] });
    expect(parseDates('2026-10-01 国庆')).toMatchObject({ ok: false, error: expect.stringContaining('国庆') });
  });
});
