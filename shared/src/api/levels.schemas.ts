import { Type, type Static } from '@sinclair/typebox';
import { LevelPresetsSchema, LevelRulesSchema, PreventionLevelSchema } from '../domain/prevention-level.rules.ts';
import { CalendarDateSchema, OccupancyViewSchema, PartyViewSchema, TicketViewSchema } from '../domain/types.ts';

const IsoTime = Type.String({ format: 'date-time' });

/** LV4: a change of level as staff list it. */
export const LevelChangeViewSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  fromLevel: Type.Union([PreventionLevelSchema, Type.Null()]),
  toLevel: PreventionLevelSchema,
  reason: Type.String(),
  by: Type.Union([Type.String(), Type.Null()]),
  at: IsoTime,
  effectiveAt: IsoTime,
  /** Null while a scheduled change waits for its time. */
  appliedAt: Type.Union([IsoTime, Type.Null()]),
  scope: Type.Union([Type.Literal('hall'), Type.Literal('region'), Type.Literal('city')]),
  regionId: Type.Union([Type.String(), Type.Null()]),
});
export type LevelChangeRow = Static<typeof LevelChangeViewSchema>;

/** LV1, LV8: what `getPreventionLevel` answers: the level in force (or on `date`), its rules and, for staff pages, the presets and the next scheduled change. */
export const PreventionLevelStateSchema = Type.Object({
  hallId: Type.String(),
  /** The level now, or on the asked date. */
  level: PreventionLevelSchema,
  rules: LevelRulesSchema,
  /** Every lines of the rules in force, in both languages (one wording on every page). */
  lines: Type.Array(Type.Object({ zh: Type.String(), en: Type.String() })),
  presets: LevelPresetsSchema,
  /** LV1: the presets' version, to name in `updatePreventionPresets`' `If-Match` (refused with 409 POLICY_CHANGED when they changed since). */
  presetsVersion: Type.String(),
  /** The next scheduled change still to come, if any. */
  next: Type.Union([Type.Object({ toLevel: PreventionLevelSchema, effectiveAt: IsoTime }), Type.Null()]),
});
export type PreventionLevelState = Static<typeof PreventionLevelStateSchema>;

export const PreventionLevelQuerySchema = Type.Object(
  { date: Type.Optional(CalendarDateSchema) },
  { additionalProperties: false },
);

/** LV4, LV7: set a level for one hall, every hall of a region's subtree, or the whole city; now or at `startsAt`. */
export const SetPreventionLevelBodySchema = Type.Object(
  {
    target: Type.Union([
      Type.Object({ hallId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
      Type.Object({ regionId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
      Type.Object({ city: Type.Literal(true) }, { additionalProperties: false }),
    ]),
    level: PreventionLevelSchema,
    /** Why: recorded with the change and in the audit log. */
    reason: Type.String({ minLength: 2, maxLength: 200 }),
    /** When to switch; left out or null: now. Must not be in the past. */
    startsAt: Type.Optional(Type.Union([IsoTime, Type.Null()])),
  },
  { additionalProperties: false },
);
export type SetPreventionLevelBody = Static<typeof SetPreventionLevelBodySchema>;

export const SetPreventionLevelResponseSchema = Type.Object({
  /** One row per hall the change moves (or will move). */
  changes: Type.Array(LevelChangeViewSchema),
  /** Parties let in from the holding area by a relaxing change, per hall (LV6). */
  released: Type.Integer({ minimum: 0 }),
});
export type SetPreventionLevelResponse = Static<typeof SetPreventionLevelResponseSchema>;

export const ListLevelChangesQuerySchema = Type.Object(
  {
    hallId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export const ListLevelChangesResponseSchema = Type.Object({ changes: Type.Array(LevelChangeViewSchema) });

export const UpdateLevelPresetsBodySchema = LevelPresetsSchema;

/** LV2: the greeter's desk at 常态: count people in, and issue a ticket (with `categoryId`) as they enter. */
export const GreetVisitorBodySchema = Type.Object(
  {
    size: Type.Integer({ minimum: 1, maximum: 3 }),
    /** The service to issue a ticket for; null counts people in without one. */
    categoryId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type GreetVisitorBody = Static<typeof GreetVisitorBodySchema>;

export const GreetVisitorResponseSchema = Type.Object({
  ticket: Type.Union([TicketViewSchema, Type.Null()]),
  /** The visitor's phone-page token, to show as a QR code; never broadcast. */
  phoneToken: Type.Union([Type.String(), Type.Null()]),
  /** LV12: the party, when the level sent it to the holding area (its ticket comes with its batch). */
  held: Type.Union([PartyViewSchema, Type.Null()]),
  occupancy: OccupancyViewSchema,
});
export type GreetVisitorResponse = Static<typeof GreetVisitorResponseSchema>;
