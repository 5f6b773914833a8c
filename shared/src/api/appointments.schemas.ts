import { Type, type Static } from '@sinclair/typebox';
import { MAX_PARTY_SIZE, MIN_PARTY_SIZE } from '../domain/party.rules.ts';
import { CalendarDateSchema } from '../domain/types.ts';
import { IdDocumentKindSchema } from '../domain/identity-documents.rules.ts';

export const BookAppointmentBodySchema = Type.Object(
  {
    /** A16: what is booked: a service item, a 一件事 bundle, or a queue (category); the queue follows from an item or bundle. */
    categoryId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    itemId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    bundleId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    date: CalendarDateSchema,
    slot: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
    /** KS7: required, except from a self-service terminal of the hall, where a visitor may leave it out (kept as 「访客」). */
    name: Type.Optional(Type.String({ maxLength: 40 })),
    mobile: Type.String({ minLength: 1, maxLength: 20 }),
    /** DC1: the identity document the number is from; a resident ID card when left out. */
    idType: Type.Optional(IdDocumentKindSchema),
    idNumber: Type.String({ minLength: 1, maxLength: 30 }),
    partySize: Type.Integer({ minimum: MIN_PARTY_SIZE, maximum: MAX_PARTY_SIZE }),
  },
  { additionalProperties: false },
);
export type BookAppointmentBody = Static<typeof BookAppointmentBodySchema>;

export const AppointmentViewSchema = Type.Object({
  code: Type.String(),
  hallId: Type.String(),
  categoryId: Type.String(),
  itemId: Type.Union([Type.String(), Type.Null()]),
  bundleId: Type.Union([Type.String(), Type.Null()]),
  date: Type.String(),
  slot: Type.String(),
  slotStart: Type.String(),
  name: Type.String(),
  /** DC1: the kind of identity document booked with. */
  idType: IdDocumentKindSchema,
  idMasked: Type.String(),
  mobileMasked: Type.String(),
  partySize: Type.Integer(),
  status: Type.Union([Type.Literal('booked'), Type.Literal('cancelled'), Type.Literal('arrived')]),
});
export type AppointmentView = Static<typeof AppointmentViewSchema>;

/** A22: "find my booking": the full ID number and the full mobile, both needed. */
export const FindAppointmentBodySchema = Type.Object(
  {
    idType: BookAppointmentBodySchema.properties.idType,
    idNumber: BookAppointmentBodySchema.properties.idNumber,
    mobile: BookAppointmentBodySchema.properties.mobile,
  },
  { additionalProperties: false },
);
export type FindAppointmentBody = Static<typeof FindAppointmentBodySchema>;

export const FindAppointmentResponseSchema = Type.Object({ appointments: Type.Array(AppointmentViewSchema) });
export type FindAppointmentResponse = Static<typeof FindAppointmentResponseSchema>;

export const SlotSchema = Type.Object({ start: Type.String(), end: Type.String(), startsAt: Type.String(), free: Type.Integer() });
export type SlotView = Static<typeof SlotSchema>;

/** An appointment code as it is typed or scanned: 8 letters and digits. */
export const AppointmentCodeSchema = Type.String({ minLength: 8, maxLength: 8, pattern: '^[A-Za-z0-9]+$' });

/** A3: the door finds an appointment by its code, or by the last four digits of the mobile and the name. */
export const CheckInBodySchema = Type.Union([
  Type.Object({ code: AppointmentCodeSchema }, { additionalProperties: false }),
  Type.Object({ mobileLast4: Type.String({ pattern: '^\\d{4}$' }), name: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
]);
export type CheckInBody = Static<typeof CheckInBodySchema>;

export const CheckInResponseSchema = Type.Object({
  appointment: AppointmentViewSchema,
  /** `late_on_site`: past the grace period, but the hall gives late visitors a free place of a slot open now (A13). */
  arrival: Type.Union([Type.Literal('ok'), Type.Literal('too_early'), Type.Literal('too_late'), Type.Literal('late_on_site')]),
  comeBackAt: Type.Union([Type.String(), Type.Null()]),
  /** B6: the door sent this visitor back on time (holding area full): check-in stays open for them until this instant; null if never. */
  keptUntil: Type.Union([Type.String(), Type.Null()]),
});
export type CheckInResponse = Static<typeof CheckInResponseSchema>;

export const RescheduleAppointmentBodySchema = Type.Object(
  {
    mobileLast4: Type.String({ pattern: '^\\d{4}$' }),
    date: CalendarDateSchema,
    slot: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  },
  { additionalProperties: false },
);
export type RescheduleAppointmentBody = Static<typeof RescheduleAppointmentBodySchema>;
