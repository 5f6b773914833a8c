import { Type, type Static } from '@sinclair/typebox';
import { AppointmentSettingsSchema } from '../domain/appointment-settings.rules.ts';
import { CallingSettingsSchema } from '../domain/calling.rules.ts';
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
});
export type HallPolicies = Static<typeof HallPoliciesSchema>;
