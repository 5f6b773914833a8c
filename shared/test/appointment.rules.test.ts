import { describe, expect, it } from 'vitest';
import { appointmentCodeFromScan, arrivalStatus, chooseOnSiteSlot, heldAppointmentUntil, type SlotAvailability } from '../src/domain/appointment.rules.ts';
import { DEFAULT_APPOINTMENT_SETTINGS, placesFor } from '../src/domain/appointment-settings.rules.ts';

const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+08:00`);
const slot = (start: string, free: number): SlotAvailability => ({ start, end: '', startsAt: at(start), free });
const day = [slot('09:00', 0), slot('09:30', 2), slot('10:00', 1), slot('10:30', 0), slot('11:00', 3)];

describe('on-site places', () => {
  it('[A12] the earliest slot open now with a free place; a full one is passed over', () => {
    expect(chooseOnSiteSlot(day, at('09:05'))).toMatchObject({ status: 'ok', slot: { start: '09:30' } });
    expect(chooseOnSiteSlot(day, at('09:40'))).toMatchObject({ status: 'ok', slot: { start: '09:30' } });
    expect(chooseOnSiteSlot(day, at('09:50'))).toMatchObject({ status: 'ok', slot: { start: '10:00' } });
  });

  it('[A12] nothing open now: the first later slot with a place and when its window opens; nothing later: full', () => {
    const result = chooseOnSiteSlot(day, at('10:20'));
    expect(result).toMatchObject({ status: 'later', slot: { start: '11:00' } });
    expect(result.status === 'later' && result.comeBackAt).toEqual(at('10:30'));
    expect(chooseOnSiteSlot(day, at('11:20'))).toEqual({ status: 'full' });
  });

  it('[A13] the arrival window of the hall decides which slots are open', () => {
    expect(chooseOnSiteSlot(day, at('10:20'), { opensMinutesBefore: 60, graceMinutes: 0 })).toMatchObject({ status: 'ok', slot: { start: '11:00' } });
  });

  it('[A11] a service with its own number of places per slot; the others take the hall default', () => {
    const settings = { ...DEFAULT_APPOINTMENT_SETTINGS, placesByCategory: { 'hall-B': 4, 'hall-Z': 0 } };
    expect(placesFor(settings, 'hall-B')).toBe(4);
    expect(placesFor(settings, 'hall-Z')).toBe(0);
    expect(placesFor(settings, 'hall-A')).toBe(10);
  });
});

describe('reading a scanned appointment', () => {
  it('[A15] the bare code, in any case and with the scanner’s trailing newline', () => {
    expect(appointmentCodeFromScan('K7MPQ2XA')).toBe('K7MPQ2XA');
    expect(appointmentCodeFromScan('k7mpq2xa\n')).toBe('K7MPQ2XA');
  });

  it('[A15] a booking link carrying the code', () => {
    expect(appointmentCodeFromScan('https://hall.example.cn/checkin/book?code=K7MPQ2XA')).toBe('K7MPQ2XA');
    expect(appointmentCodeFromScan('https://hall.example.cn/checkin/book?lang=zh&code=K7MPQ2XA#done')).toBe('K7MPQ2XA');
  });

  it('[A15] anything else is not an appointment: wrong length, letters codes never use, other links', () => {
    expect(appointmentCodeFromScan('K7MPQ2X')).toBeNull();
    expect(appointmentCodeFromScan('K7MPQ2X0')).toBeNull(); // 0 is never used
    expect(appointmentCodeFromScan('https://hall.example.cn/t/abc')).toBeNull();
    expect(appointmentCodeFromScan('')).toBeNull();
  });
});

describe('an appointment kept for a visitor the door sent back', () => {
  const policy = { opensMinutesBefore: 30, graceMinutes: 15 };

  it('[B6][A3] kept for the grace period after the time the visitor was told to come back, or after the slot starts if that is later', () => {
    expect(heldAppointmentUntil(at('10:30'), at('10:50'), policy)).toEqual(at('11:05'));
    // Sent back before the slot starts: the slot's own grace period is the later end.
    expect(heldAppointmentUntil(at('10:30'), at('10:10'), policy)).toEqual(at('10:45'));
  });

  it('[B6][A3] check-in stays open until the appointment is no longer kept, and never closes earlier than A3 says', () => {
    const slotStart = at('10:30');
    expect(arrivalStatus(slotStart, at('10:55'), policy)).toEqual({ status: 'too_late' });
    expect(arrivalStatus(slotStart, at('10:55'), policy, at('11:05'))).toEqual({ status: 'ok' });
    expect(arrivalStatus(slotStart, at('11:05'), policy, at('11:05'))).toEqual({ status: 'ok' });
    expect(arrivalStatus(slotStart, new Date(at('11:05').getTime() + 1), policy, at('11:05'))).toEqual({ status: 'too_late' });
    // A kept time before the grace period's end changes nothing; nor does it open check-in early.
    expect(arrivalStatus(slotStart, at('10:40'), policy, at('10:20'))).toEqual({ status: 'ok' });
    expect(arrivalStatus(slotStart, at('09:50'), policy, at('11:05'))).toEqual({ status: 'too_early', comeBackAt: at('10:00') });
  });
});
