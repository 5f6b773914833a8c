import {
  AppointmentSettingsSchema,
  CallingSettingsSchema,
  CrowdSettingsSchema,
  DEFAULT_APPOINTMENT_SETTINGS,
  DEFAULT_CALLING_SETTINGS,
  DEFAULT_CROWD_SETTINGS,
  DEFAULT_FOLLOW_UP_SETTINGS,
  DEFAULT_HOURS,
  FollowUpSettingsSchema,
  HoursConfigSchema,
  DEFAULT_LEVEL_PRESETS,
  DEFAULT_SCREENING_POLICY,
  LevelPresetsSchema,
  ScreeningPolicySchema,
  type LevelPresets,
  type CallingSettings,
  type CrowdSettings,
  type ScreeningPolicy,
} from '@hallflow/shared';
import type { Static, TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The policies a hall keeps in its `settings` column, one key each. */
export type HallPolicyKey = 'hours' | 'screening' | 'appointments' | 'crowd' | 'calling' | 'followUp' | 'levels';

/** Each policy's schema and defaults, by its key in a hall's `settings`. */
const POLICIES = {
  hours: { schema: HoursConfigSchema, defaults: DEFAULT_HOURS },
  screening: { schema: ScreeningPolicySchema, defaults: DEFAULT_SCREENING_POLICY },
  appointments: { schema: AppointmentSettingsSchema, defaults: DEFAULT_APPOINTMENT_SETTINGS },
  crowd: { schema: CrowdSettingsSchema, defaults: DEFAULT_CROWD_SETTINGS },
  calling: { schema: CallingSettingsSchema, defaults: DEFAULT_CALLING_SETTINGS },
  followUp: { schema: FollowUpSettingsSchema, defaults: DEFAULT_FOLLOW_UP_SETTINGS },
  levels: { schema: LevelPresetsSchema, defaults: DEFAULT_LEVEL_PRESETS },
} satisfies { [K in HallPolicyKey]: { schema: TObject; defaults: object } };

/** A policy as its schema types it. */
export type HallPolicy<K extends HallPolicyKey> = Static<(typeof POLICIES)[K]['schema']>;

/**
 * One policy of a hall, unset fields taking the defaults. A stored value that
 * no longer fits its schema (an older release wrote it) falls back to the
 * defaults whole rather than half-applying.
 */
export function storedPolicy<K extends HallPolicyKey>(settings: Record<string, unknown>, key: K): HallPolicy<K> {
  const { schema, defaults } = POLICIES[key] as { schema: TObject; defaults: HallPolicy<K> };
  const stored = { ...defaults, ...(settings[key] as object | undefined) };
  return Value.Check(schema, stored) ? (stored as HallPolicy<K>) : defaults;
}

/** The hall's calling policy (Q3, T4, T5), defaults filled in. */
export function callingSettings(settings: Record<string, unknown>): CallingSettings {
  return storedPolicy(settings, 'calling');
}

/** A hall's screening policy, kept under `settings.screening` (rules S6, S11); settings added later (S8, S9, S11) take their defaults. */
export function screeningPolicy(settings: Record<string, unknown>): ScreeningPolicy {
  return storedPolicy(settings, 'screening');
}

/** The hall's crowd settings (C1–C4, B1, LV3), defaults filled in. */
export function crowdSettings(settings: Record<string, unknown>): CrowdSettings {
  return storedPolicy(settings, 'crowd');
}

/** LV1: the hall's three level presets, kept under `settings.levels` (the defaults until a supervisor edits them). */
export function levelPresets(settings: Record<string, unknown>): LevelPresets {
  return storedPolicy(settings, 'levels');
}
