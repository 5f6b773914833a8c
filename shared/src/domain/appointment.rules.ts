import type { AppointmentSettings } from './appointment-settings.rules.ts';
import { hoursForDate, localClock, toMinutes, toTime, type HoursConfig } from './hours.rules.ts';

export interface Slot {
  /** Local start and end, HH:MM. */
  start: string;
  end: string;
}


/** A1: slots of `minutes` (30 by default) inside the published hours of a date; none cross a closing or a lunch break. */
export function slotsForDate(config: HoursConfig, date: string, minutes = 30): Slot[] {
  return hoursForDate(config, date).published.flatMap((interval) => {
    const slots: Slot[] = [];
    for (let start = toMinutes(interval.open); start + minutes <= toMinutes(interval.close); start += minutes) {
      slots.push({ start: toTime(start), end: toTime(start + minutes) });
    }
    return slots;
  });
}

export type ArrivalPolicy = Pick<AppointmentSettings, 'opensMinutesBefore' | 'graceMinutes'>;

export const DEFAULT_ARRIVAL: ArrivalPolicy = { opensMinutesBefore: 30, graceMinutes: 15 };

export type ArrivalStatus = { status: 'ok' } | { status: 'too_early'; comeBackAt: Date } | { status: 'too_late' };

/**
 * A3: whether a visitor arriving `now` for a slot starting at `slotStart` may
 * check in. B6: a visitor the door sent back on time because the holding area
 * was full may check in until `heldUntil`, past the grace period.
 */
export function arrivalStatus(slotStart: Date, now: Date, policy: ArrivalPolicy = DEFAULT_ARRIVAL, heldUntil: Date | null = null): ArrivalStatus {
  const opens = slotStart.getTime() - policy.opensMinutesBefore * 60_000;
  if (now.getTime() < opens) return { status: 'too_early', comeBackAt: new Date(opens) };
  const closes = Math.max(slotStart.getTime() + policy.graceMinutes * 60_000, heldUntil?.getTime() ?? 0);
  if (now.getTime() > closes) return { status: 'too_late' };
  return { status: 'ok' };
}

/**
 * B6: until when the door keeps an on-time appointment open for a visitor it
 * sends back because the holding area is full: the grace period a visitor has
 * after their slot starts (A3), counted from the time they are told to come
 * back when that is later than the slot's start.
 */
export function heldAppointmentUntil(slotStart: Date, comeBackAt: Date, policy: ArrivalPolicy = DEFAULT_ARRIVAL): Date {
  return new Date(Math.max(slotStart.getTime(), comeBackAt.getTime()) + policy.graceMinutes * 60_000);
}

/**
 * A20: when a booked visitor should be at the door, as the confirmation says
 * it: from the moment check-in opens to the end of the grace period (A3), in
 * the hall's local time (the day's edges are kept).
 */
export function arrivalWindow(slotStart: string, policy: ArrivalPolicy = DEFAULT_ARRIVAL): { from: string; until: string } {
  const start = toMinutes(slotStart);
  return { from: toTime(Math.max(0, start - policy.opensMinutesBefore)), until: toTime(Math.min(24 * 60 - 1, start + policy.graceMinutes)) };
}

/** A slot of a day with its start instant and the places still free. */
export interface SlotAvailability extends Slot {
  startsAt: Date;
  free: number;
}

export type OnSiteChoice = { status: 'ok'; slot: SlotAvailability } | { status: 'later'; slot: SlotAvailability; comeBackAt: Date } | { status: 'full' };

/**
 * A12/A13: the place an on-site visitor (walk-in, or late for their own slot)
 * takes: the earliest slot whose arrival window is open now and has a free
 * place. If none is open now, the first later slot with a free place, with
 * the time its window opens; otherwise the day is full.
 */
export function chooseOnSiteSlot(slots: readonly SlotAvailability[], now: Date, policy: ArrivalPolicy = DEFAULT_ARRIVAL): OnSiteChoice {
  const withPlace = slots.filter((slot) => slot.free > 0).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const openNow = withPlace.find((slot) => arrivalStatus(slot.startsAt, now, policy).status === 'ok');
  if (openNow) return { status: 'ok', slot: openNow };
  const later = withPlace.find((slot) => arrivalStatus(slot.startsAt, now, policy).status === 'too_early');
  if (later) return { status: 'later', slot: later, comeBackAt: new Date(later.startsAt.getTime() - policy.opensMinutesBefore * 60_000) };
  return { status: 'full' };
}

/**
 * A15: what a door scanner or camera read, as an appointment code. The QR on
 * the confirmation holds the bare code; a link carrying `?code=` (a phone
 * showing the booking page) works too. Anything else is not an appointment.
 */
export function appointmentCodeFromScan(text: string): string | null {
  const trimmed = text.trim();
  const candidate = /^[a-z0-9]{8}$/i.test(trimmed) ? trimmed : /[?&]code=([a-z0-9]{8})(?:&|#|$)/i.exec(trimmed)?.[1];
  if (!candidate) return null;
  const code = candidate.toUpperCase();
  return isAppointmentCode(code) ? code : null;
}

/** A4: codes use letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const APPOINTMENT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function isAppointmentCode(code: string): boolean {
  return new RegExp(`^[${APPOINTMENT_CODE_ALPHABET}]{8}$`).test(code);
}

/** Pure in its arguments (the zone rules do not change while the process runs), so answers are kept; a few days of slots fit many times over. */
const ZONED_INSTANTS_KEPT = 10_000;
const zonedInstants = new Map<string, number>();

/** The instant of a local date and time in a time zone (two passes, so DST zones come out right too). */
export function zonedInstant(date: string, time: string, timezone: string): Date {
  // A day's slots are placed on every booking and every read of free places; each pass asks Intl for a new minute (R10).
  const key = `${timezone} ${date} ${time}`;
  let instant = zonedInstants.get(key);
  if (instant === undefined) {
    if (zonedInstants.size >= ZONED_INSTANTS_KEPT) zonedInstants.clear();
    zonedInstants.set(key, (instant = placeInZone(date, time, timezone)));
  }
  return new Date(instant);
}

function placeInZone(date: string, time: string, timezone: string): number {
  const wanted = Date.parse(`${date}T${time}:00Z`);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const shown = localClock(new Date(guess), timezone);
    guess += wanted - (Date.parse(`${shown.date}T00:00:00Z`) + shown.minute * 60_000);
  }
  return guess;
}
