import { describe, expect, it } from 'vitest';
import { kioskIdleSeconds, kioskTicketRefusal } from '../src/domain/index.ts';

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
});
