import { Type, type Static } from '@sinclair/typebox';

/** A11: how a hall takes appointments, kept under `settings.appointments`. */
export const AppointmentSettingsSchema = Type.Object(
  {
    /** A1: slot length in minutes; slots tile the published hours from each opening. */
    slotMinutes: Type.Integer({ minimum: 10, maximum: 120 }),
    /** A1: bookings per slot and service category, unless the category has its own number below. */
    placesPerSlot: Type.Integer({ minimum: 1, maximum: 500 }),
    /** A1: per-category places per slot (category id → places); 0 takes no appointments for that service. */
    placesByCategory: Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.Integer({ minimum: 0, maximum: 500 }), { maxProperties: 50 }),
    /** A2: appointments one ID number may hold on one day. */
    perIdPerDay: Type.Integer({ minimum: 1, maximum: 5 }),
    /** A3: check-in opens this many minutes before the slot… */
    opensMinutesBefore: Type.Integer({ minimum: 0, maximum: 120 }),
    /** A3: …and closes this many minutes after its start. */
    graceMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
    /** A12: visitors without an appointment; LV1: `welcome` (常态) lets them in with no slot at all. */
    walkIns: Type.Union([Type.Literal('appointment_only'), Type.Literal('on_site_if_free'), Type.Literal('welcome')]),
    /** A13: visitors who come after the grace period. */
    lateArrivals: Type.Union([Type.Literal('rebook'), Type.Literal('on_site_if_free')]),
    /** RT2: days after an appointment's date that its personal data (name, ID and mobile digits) is kept; 90 by default. */
    personalDataDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
export type AppointmentSettings = Static<typeof AppointmentSettingsSchema>;

/** The reopened halls' rules: appointment only, 30-minute slots of 10, one per ID and day. */
export const DEFAULT_APPOINTMENT_SETTINGS: AppointmentSettings = {
  slotMinutes: 30,
  placesPerSlot: 10,
  placesByCategory: {},
  perIdPerDay: 1,
  opensMinutesBefore: 30,
  graceMinutes: 15,
  walkIns: 'appointment_only',
  lateArrivals: 'rebook',
};

/** A1: places per slot for one service category. IN3: only the map's own keys count ("constructor" is not a category). */
export function placesFor(settings: AppointmentSettings, categoryId: string): number {
  return Object.hasOwn(settings.placesByCategory, categoryId) ? settings.placesByCategory[categoryId]! : settings.placesPerSlot;
}
