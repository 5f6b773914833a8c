import { Type, type Static } from '@sinclair/typebox';
import { BatchViewSchema, HealthCodeSchema, PartyViewSchema, ReasonViewSchema, TicketViewSchema } from '../domain/types.ts';
import { MAX_PARTY_SIZE, MIN_PARTY_SIZE } from '../domain/party.rules.ts';
import { TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from '../domain/screening.rules.ts';
import { ManualVerificationMethodSchema } from '../domain/manual-verification.rules.ts';

const Temperature = Type.Number({
  minimum: TEMPERATURE_MIN_C,
  maximum: TEMPERATURE_MAX_C,
  description: '°C; outside 30–45 is an instrument error and is refused',
});

export const PersonReadingSchema = Type.Object(
  {
    // LV5: each reading may be left out when the hall's level makes no such check; the server refuses a missing one it requires.
    healthCode: Type.Optional(HealthCodeSchema),
    temperature: Type.Optional(Temperature),
    temperatureRecheck: Type.Optional(Type.Union([Temperature, Type.Null()])),
    mask: Type.Optional(Type.Boolean()),
    maskProvided: Type.Optional(Type.Boolean()),
    symptoms: Type.Optional(
      Type.Object(
        { fever: Type.Boolean(), cough: Type.Boolean(), other: Type.Boolean() },
        { additionalProperties: false },
      ),
    ),
    /** MV1: no code scanned from a phone; `healthCode` is what this check found (the hall's policy lists the methods). */
    manualVerification: Type.Optional(Type.Object({ method: ManualVerificationMethodSchema }, { additionalProperties: false })),
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

const NextStepViewSchema = Type.Object({
  code: Type.Union([Type.Literal('health_code'), Type.Literal('fever_clinic'), Type.Literal('mask_point')]),
  zh: Type.String(),
  en: Type.String(),
});

export const ScreenVisitorResponseSchema = Type.Object({
  /** The party that goes on to the holding area; when nobody does, the party turned away. */
  party: PartyViewSchema,
  /** Someone goes on to the holding area (the whole party, or under S8 the members who passed). */
  admitted: Type.Boolean(),
  /** Every reason of every person who failed (S2). */
  reasons: Type.Array(ReasonViewSchema),
  /** S1, S9: each person's own result, in the order sent, with what to do next when they failed. */
  people: Type.Array(Type.Object({ passed: Type.Boolean(), admitted: Type.Boolean(), reasons: Type.Array(ReasonViewSchema), nextSteps: Type.Array(NextStepViewSchema) })),
  /** S8: the members turned away while the others go on, recorded as a denied party with their reasons; null otherwise. */
  deniedParty: Type.Union([PartyViewSchema, Type.Null()]),
  /** LV3: a party the level lets walk straight in gets its ticket at once (no batch); its phone-page token for the QR code. */
  ticket: Type.Optional(Type.Union([TicketViewSchema, Type.Null()])),
  phoneToken: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /**
   * B7: nobody goes on because the members who passed have no room (those
   * turned away are recorded): why (the holding area is full, B4; no on-site
   * place is free now or today, A12), when they may come back (none when no
   * place is left today), and B6 until when their on-time appointment is
   * kept (local times); null otherwise.
   */
  comeBack: Type.Optional(
    Type.Union([
      Type.Object({
        reason: Type.Union([Type.Literal('holding_full'), Type.Literal('no_place_now'), Type.Literal('no_place_today')]),
        time: Type.Union([Type.String(), Type.Null()]),
        keptUntil: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
  ),
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
  /** LV10: parties in the holding area this batch passed over because they wait for a re-check at the door. */
  recheckPending: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type AdmitBatchResponse = Static<typeof AdmitBatchResponseSchema>;

/** LV10: the re-check of a holding party: one reading per person, with only the checks it is marked for. */
export const RecheckPartyBodySchema = Type.Object(
  { people: Type.Array(PersonReadingSchema, { minItems: MIN_PARTY_SIZE, maxItems: MAX_PARTY_SIZE }) },
  { additionalProperties: false },
);
export type RecheckPartyBody = Static<typeof RecheckPartyBodySchema>;

export const RecheckPartyResponseSchema = Type.Object({
  /** The party: still holding and unmarked when it passed, else denied. */
  party: PartyViewSchema,
  /** S8: the members turned away while the others hold on; null otherwise. */
  deniedParty: Type.Union([PartyViewSchema, Type.Null()]),
  passed: Type.Boolean(),
  reasons: Type.Array(ReasonViewSchema),
  people: Type.Array(Type.Object({ passed: Type.Boolean(), admitted: Type.Boolean(), reasons: Type.Array(ReasonViewSchema), nextSteps: Type.Array(NextStepViewSchema) })),
});
export type RecheckPartyResponse = Static<typeof RecheckPartyResponseSchema>;

export const PartyParamsSchema = Type.Object({ hallId: Type.String({ minLength: 1, maxLength: 64 }), partyId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
