import { Type, type Static } from '@sinclair/typebox';
import { NullableInteger } from './common.schemas.ts';
import { CrowdSettingsSchema } from '../domain/occupancy.rules.ts';
import { OccupancyViewSchema, PartyViewSchema } from '../domain/types.ts';

export const AdmitBatchBodySchema = Type.Object(
  {
    /** C4: a supervisor's override at full capacity; the reason is audited. */
    override: Type.Optional(Type.Object({ reason: Type.String({ minLength: 4, maxLength: 200 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type AdmitBatchBody = Static<typeof AdmitBatchBodySchema>;

export const RecordExitBodySchema = Type.Union([
  Type.Object({ code: Type.String({ minLength: 3, maxLength: 64, description: 'ticket QR token, ticket number or appointment code' }) }, { additionalProperties: false }),
  Type.Object({ onePersonLeft: Type.Literal(true) }, { additionalProperties: false }),
]);
export type RecordExitBody = Static<typeof RecordExitBodySchema>;

export const ExitResponseSchema = Type.Object({ party: Type.Union([PartyViewSchema, Type.Null()]), occupancy: OccupancyViewSchema });

export const CorrectOccupancyBodySchema = Type.Object(
  { inside: Type.Integer({ minimum: 0, maximum: 100_000 }), reason: Type.String({ minLength: 4, maxLength: 200 }) },
  { additionalProperties: false },
);
export type CorrectOccupancyBody = Static<typeof CorrectOccupancyBodySchema>;

export const OccupancyResponseSchema = Type.Object({
  hallId: Type.String(),
  name: Type.String(),
  occupancy: OccupancyViewSchema,
  free: Type.Integer(),
});
export type OccupancyResponse = Static<typeof OccupancyResponseSchema>;

/** C1, B2: what a hall's capacity and batches are made of, as stored on the hall. */
export const HallCapacityInputsSchema = Type.Object({
  floorAreaM2: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }),
  areaPerPersonM2: Type.Number({ minimum: 0.5, maximum: 1_000, description: 'm² per person; below 0.5 m² is no density limit (C1)' }),
  /** An explicit maximum wins over area ÷ area per person; null when none is set. */
  maxOccupancy: NullableInteger({ minimum: 0, maximum: 100_000 }),
  staffOnFloor: Type.Integer({ minimum: 0, maximum: 10_000 }),
  holdingCapacity: Type.Integer({ minimum: 0, maximum: 100_000 }),
  batchSize: Type.Integer({ minimum: 1, maximum: 1_000 }),
});
export type HallCapacityInputs = Static<typeof HallCapacityInputsSchema>;

export const UpdateCrowdConfigBodySchema = Type.Composite(
  [Type.Partial(HallCapacityInputsSchema), Type.Object({ crowd: Type.Optional(Type.Partial(CrowdSettingsSchema)) })],
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCrowdConfigBody = Static<typeof UpdateCrowdConfigBodySchema>;

export const DiversionResponseSchema = Type.Object({
  full: Type.Boolean(),
  /** D1: other halls open for new tickets now that offer the service, best first. */
  alternatives: Type.Array(
    Type.Object({
      hallId: Type.String(),
      name: Type.String(),
      nameEn: Type.String(),
      address: Type.String(),
      free: Type.Integer(),
      waiting: Type.Integer(),
      /** That hall's own smoothed handling time of the service today (E1). */
      handlingMinutes: Type.Number({ minimum: 0 }),
      /** E2 there; null when no window serves the service there now. */
      estimatedWaitMinutes: Type.Union([Type.Integer(), Type.Null()]),
      /** When that hall stops issuing tickets today (H7), HH:MM local. */
      lastTicketAt: Type.String(),
      /** D3: null when that hall issues tickets now; else when it first does later today, HH:MM local. */
      opensAt: Type.Union([Type.String({ pattern: '^\\d{2}:\\d{2}$' }), Type.Null()]),
    }),
  ),
  /** D2: the next free appointment slots of the service in this hall, to come back later instead. */
  laterSlots: Type.Array(Type.Object({ date: Type.String(), start: Type.String(), end: Type.String(), free: Type.Integer() })),
});
export type DiversionResponse = Static<typeof DiversionResponseSchema>;
export type ExitResponse = Static<typeof ExitResponseSchema>;
