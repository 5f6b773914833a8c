import { Type, type Static } from '@sinclair/typebox';
import { BatchViewSchema, HealthCodeSchema, PartyViewSchema, ReasonViewSchema, TicketViewSchema } from '../domain/types.ts';
import { MAX_PARTY_SIZE, MIN_PARTY_SIZE } from '../domain/party.rules.ts';
import { TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from '../domain/screening.rules.ts';

const Temperature = Type.Number({
  minimum: TEMPERATURE_MIN_C,
  maximum: TEMPERATURE_MAX_C,
  description: '°C; outside 30–45 is an instrument error and is refused',
});

export const PersonReadingSchema = Type.Object(
  {
    healthCode: HealthCodeSchema,
    temperature: Temperature,
    temperatureRecheck: Type.Optional(Type.Union([Temperature, Type.Null()])),
    mask: Type.Boolean(),
    maskProvided: Type.Optional(Type.Boolean()),
    symptoms: Type.Object(
      { fever: Type.Boolean(), cough: Type.Boolean(), other: Type.Boolean() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ScreenVisitorBodySchema = Type.Object(
  {
    /** Lead visitor's name (masked before it is shown anywhere public). */
    name: Type.String({ minLength: 1, maxLength: 40 }),
    categoryId: Type.String({ minLength: 1 }),
    appointmentCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    /** One reading per person in the party, lead visitor first. */
    people: Type.Array(PersonReadingSchema, { minItems: MIN_PARTY_SIZE, maxItems: MAX_PARTY_SIZE }),
  },
  { additionalProperties: false },
);
export type ScreenVisitorBody = Static<typeof ScreenVisitorBodySchema>;

export const ScreenVisitorResponseSchema = Type.Object({
  party: PartyViewSchema,
  admitted: Type.Boolean(),
  reasons: Type.Array(ReasonViewSchema),
});
export type ScreenVisitorResponse = Static<typeof ScreenVisitorResponseSchema>;

export const AdmitBatchResponseSchema = Type.Object({
  batch: Type.Union([BatchViewSchema, Type.Null()]),
  parties: Type.Array(PartyViewSchema),
  tickets: Type.Array(TicketViewSchema),
  /** Ticket id → the visitor's phone-page token (/t/<token>), to print as QR codes. Never broadcast. */
  phoneTokens: Type.Record(Type.String(), Type.String()),
  /** Why nobody was admitted, when batch is null. */
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type AdmitBatchResponse = Static<typeof AdmitBatchResponseSchema>;
