import { Type, type Static } from '@sinclair/typebox';
import { AppointmentSettingsSchema } from '../domain/appointment-settings.rules.ts';
import { CallingSettingsSchema } from '../domain/calling.rules.ts';
import { CalendarDateSchema } from '../domain/types.ts';
import { HoursConfigSchema } from '../domain/hours.rules.ts';
import { CrowdSettingsSchema } from '../domain/occupancy.rules.ts';
import { ScreeningPolicySchema } from '../domain/screening.rules.ts';
import { HallCapacityInputsSchema } from './crowd.schemas.ts';

const Average = Type.Union([Type.Number(), Type.Null()]);

/** A day of one hall per service category, with the 好差评 distribution and what low ratings said. */
export const DailyReportSchema = Type.Object({
  day: Type.String(),
  categories: Type.Array(
    Type.Object({
      categoryId: Type.String(),
      prefix: Type.String(),
      name: Type.String(),
      issued: Type.Integer(),
      served: Type.Integer(),
      noShows: Type.Integer(),
      averageHandlingMinutes: Average,
      averageWaitMinutes: Average,
    }),
  ),
  ratings: Type.Array(Type.Object({ level: Type.Integer(), count: Type.Integer() })),
  lowRatingReasons: Type.Array(Type.String()),
});
export type DailyReport = Static<typeof DailyReportSchema>;

export const WindowStatsSchema = Type.Object({ day: Type.String(), served: Type.Integer(), averageHandlingMinutes: Average, averageRating: Average, rated: Type.Integer() });
export type WindowStats = Static<typeof WindowStatsSchema>;

/** Every policy a supervisor sets for a hall, defaults filled in. */
export const HallPoliciesSchema = Type.Object({
  hours: HoursConfigSchema,
  screening: ScreeningPolicySchema,
  appointments: AppointmentSettingsSchema,
  crowd: CrowdSettingsSchema,
  /** C1, B2: floor area, area per person, maximum, staff on the floor, holding places and batch size. */
  capacity: HallCapacityInputsSchema,
  /** Q3, T4, T5: the priority ratio, recalls and the time a no-show may return. */
  calling: CallingSettingsSchema,
  /** LV1: each policy's version, to name in a save's `If-Match` (refused with 409 POLICY_CHANGED when the policy changed since). */
  versions: Type.Object({ hours: Type.String(), screening: Type.String(), appointments: Type.String(), calling: Type.String() }),
});
export type HallPolicies = Static<typeof HallPoliciesSchema>;

const N = Type.Union([Type.Number(), Type.Null()]);
const SpreadFields = { count: Type.Integer(), mean: N, median: N, p90: N };
const Histogram = Type.Array(Type.Object({ from: Type.Number(), to: N, count: Type.Integer() }));
export const LabelledSpreadSchema = Type.Object({ key: Type.String(), label: Type.String(), ...SpreadFields });
export type LabelledSpread = Static<typeof LabelledSpreadSchema>;
const SatisfactionRowSchema = Type.Object({ key: Type.String(), label: Type.String(), ratings: Type.Integer(), average: N, satisfied: N, low: Type.Integer() });
const ReportHalls = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));

/** RP1–RP5: a hall's (or the city's) figures over a range of local days. */
export const HallReportSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  halls: ReportHalls,
  door: Type.Object({
    screenedPeople: Type.Integer(),
    admittedPeople: Type.Integer(),
    deniedPeople: Type.Integer(),
    deniedByReason: Type.Array(Type.Object({ code: Type.String(), count: Type.Integer() })),
    fevers: Type.Integer(),
    rechecks: Type.Integer(),
    manualVerifications: Type.Integer(),
  }),
  waits: Type.Object({
    arrivalToAdmission: Type.Object({ ...SpreadFields, histogram: Histogram }),
    admissionToCall: Type.Object({ ...SpreadFields, histogram: Histogram }),
  }),
  handling: Type.Object({ byItem: Type.Array(LabelledSpreadSchema), byWindow: Type.Array(LabelledSpreadSchema), byClerk: Type.Array(LabelledSpreadSchema) }),
  tickets: Type.Object({ issued: Type.Integer(), served: Type.Integer(), noShows: Type.Integer(), transfers: Type.Integer() }),
  throughput: Type.Array(Type.Object({ hour: Type.Integer(), issued: Type.Integer(), finished: Type.Integer() })),
  occupancy: Type.Array(Type.Object({ hour: Type.Integer(), peak: Type.Integer(), limit: Type.Integer() })),
  satisfaction: Type.Object({
    byWindow: Type.Array(SatisfactionRowSchema),
    byClerk: Type.Array(SatisfactionRowSchema),
    byItem: Type.Array(SatisfactionRowSchema),
    byBundle: Type.Array(SatisfactionRowSchema),
  }),
});
export type HallReport = Static<typeof HallReportSchema>;

const Figures = Type.Object({ materials: Type.Number(), steps: Type.Number(), days: Type.Number(), trips: Type.Number() });

/** FR3: per item and bundle (and in total), the four reductions against the before figures. */
export const FourReductionsReportSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  halls: ReportHalls,
  rows: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('item'), Type.Literal('bundle'), Type.Literal('total')]),
      id: Type.String(),
      label: Type.String(),
      cases: Type.Integer(),
      now: Figures,
      materialsSum: Type.Number(),
      before: Type.Union([Figures, Type.Null()]),
      reduction: Type.Union([Figures, Type.Null()]),
    }),
  ),
});
export type FourReductionsReport = Static<typeof FourReductionsReportSchema>;

/** RP6: which halls and which local days; no hall: the whole city (city-wide staff only). */
export const ReportQuerySchema = Type.Object(
  {
    hallId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
  },
  { additionalProperties: false },
);
