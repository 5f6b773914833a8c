import { describe, expect, it } from 'vitest';
import { bookingProblems, findProblems } from '../src/api/booking-checks.ts';
import { arrivalWindow } from '../src/domain/appointment.rules.ts';
import { formatDay } from '../src/i18n/index.ts';

// 410102199003070019 is a valid resident ID (check digit per GB 11643).
const ID = '410102199003070019';
const good = { service: 'item:licence', slot: '10:30', name: '张小三', mobile: '13800138000', idNumber: ID };
const keys = (form: Partial<typeof good>) => bookingProblems({ ...good, ...form }).map((problem) => problem.key);

describe("the visitor's booking forms", () => {
  it('[A21] a complete, correct form has no problem; each wrong field is named, checked as the server checks it', () => {
    expect(bookingProblems(good)).toEqual([]);
    expect(keys({ service: '' })).toEqual(['checkService']);
    expect(keys({ slot: '' })).toEqual(['checkSlot']);
    expect(keys({ name: '   ' })).toEqual(['checkBookName']);
    expect(keys({ mobile: '12345' })).toEqual(['checkMobile']);
    expect(keys({ mobile: '12800138000' })).toEqual(['checkMobile']);
    expect(keys({ idNumber: ID.slice(0, 17) + '2' })).toEqual(['checkIdNumber']);
    expect(bookingProblems({ ...good, idNumber: '123' })[0]).toMatchObject({ field: 'id', params: { zh: '身份证号应为18位（最后一位可为X）' } });
  });

  it('[A21] a name over the schema\'s 40 characters is refused, never cut; 40 is fine', () => {
    expect(keys({ name: '张'.repeat(40) })).toEqual([]);
    expect(bookingProblems({ ...good, name: '张'.repeat(41) })).toEqual([{ key: 'checkBookNameLong', params: { n: 40 }, field: 'name' }]);
  });

  it('[A22] find my booking needs the full ID number and the full mobile', () => {
    expect(findProblems({ idNumber: ID, mobile: '13800138000' })).toEqual([]);
    expect(findProblems({ idNumber: ID, mobile: '8000' }).map((problem) => problem.key)).toEqual(['checkMobile']);
    expect(findProblems({ idNumber: '', mobile: '13800138000' }).map((problem) => problem.key)).toEqual(['checkIdNumber']);
  });

  it('[A20] the confirmation says when to be at the door: from check-in opening to the end of the grace period, as the hall sets them', () => {
    expect(arrivalWindow('10:30', { opensMinutesBefore: 30, graceMinutes: 15 })).toEqual({ from: '10:00', until: '10:45' });
    expect(arrivalWindow('08:30', { opensMinutesBefore: 60, graceMinutes: 0 })).toEqual({ from: '07:30', until: '08:30' });
    expect(arrivalWindow('00:10', { opensMinutesBefore: 30, graceMinutes: 15 })).toEqual({ from: '00:00', until: '00:25' });
  });

  it('[A20] dates carry their weekday, in Chinese format in Chinese', () => {
    expect(formatDay('2026-11-26', 'zh')).toBe('2026年11月26日 星期四');
    expect(formatDay('2026-11-26', 'en')).toBe('Thu 26 Nov 2026');
    expect(formatDay('2027-02-07', 'zh')).toBe('2027年2月7日 星期日');
  });
});
