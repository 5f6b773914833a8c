import { describe, expect, it } from 'vitest';
import { bookingName, elderService, kioskIdleSeconds, nearestFreeSlot, kioskTicketRefusal, maskName, UNNAMED_VISITOR } from '../src/domain/index.ts';

describe('self-service terminals', () => {
  it('[KS5] a ticket only where the hall allows it and the terminal is inside', () => {
    expect(kioskTicketRefusal(false, true)).toBe('KIOSK_TICKETS_OFF');
    expect(kioskTicketRefusal(true, false)).toBe('KIOSK_OUTSIDE');
    expect(kioskTicketRefusal(true, true)).toBeNull();
  });

  it('[KS6] the idle time comes from the address, within 5–600 s, else 60', () => {
    expect(kioskIdleSeconds(null)).toBe(60);
    expect(kioskIdleSeconds('30')).toBe(30);
    expect(kioskIdleSeconds('1')).toBe(5);
    expect(kioskIdleSeconds('100000')).toBe(600);
    expect(kioskIdleSeconds('abc')).toBe(60);
    expect(kioskIdleSeconds('2.5')).toBe(60);
  });

  it('[KS7] a booking keeps its name; only at the hall\'s terminal may it be left out, kept as 「访客」 and never masked further', () => {
    expect(bookingName(' 王大妈 ', false)).toEqual({ ok: true, name: '王大妈' });
    expect(bookingName(undefined, false)).toEqual({ ok: false, code: 'NAME_REQUIRED' });
    expect(bookingName('  ', false)).toEqual({ ok: false, code: 'NAME_REQUIRED' });
    expect(bookingName(undefined, true)).toEqual({ ok: true, name: UNNAMED_VISITOR });
    expect(bookingName('', true)).toEqual({ ok: true, name: '访客' });
    expect(bookingName('李四', true)).toEqual({ ok: true, name: '李四' });
    expect(maskName(UNNAMED_VISITOR)).toBe('访客');
    expect(maskName('王大妈')).toBe('王*妈');
  });

  it('[EL3] elder mode chooses the commonest service (the busiest queue\'s first item, else the first listed) and the nearest free time', () => {
    const items = [
      { id: 'passport', categoryId: 'A' },
      { id: 'permit', categoryId: 'B' },
      { id: 'renew', categoryId: 'B' },
    ];
    const queues = [{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'R', retired: true }];
    expect(elderService(items, queues)).toEqual({ kind: 'item', id: 'passport' });
    expect(elderService(items, queues, { A: 1, B: 4, R: 9 })).toEqual({ kind: 'item', id: 'permit' });
    expect(elderService(items, queues, { C: 3 })).toEqual({ kind: 'item', id: 'passport' }); // no item in C: the next queue's
    expect(elderService([], queues, { C: 3 })).toEqual({ kind: 'category', id: 'C' });
    expect(elderService([], [])).toBeNull();
    expect(nearestFreeSlot([{ start: '09:00', free: 0 }, { start: '09:30', free: 2 }, { start: '10:00', free: 5 }])).toEqual({ start: '09:30', free: 2 });
    expect(nearestFreeSlot([{ start: '09:00', free: 0 }])).toBeNull();
  });
});
