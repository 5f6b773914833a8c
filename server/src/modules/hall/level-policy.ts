import type { LevelPreset } from '@hallflow/shared';
import { appointmentSettings } from '../appointments/appointment-settings.ts';
import { hoursConfig } from '../door/hours.guard.ts';
import { crowdSettings, screeningPolicy } from './hall-policy.ts';

/** LV3: a crowd policy written before levels admits by batches only. */
const BATCHES_BEFORE_LEVELS = { admission: 'batches', batchAboveSharePercent: 100 } as const;

/**
 * LV1: the rules the hall's policies hold now, in a preset's shape: what the
 * last level applied, plus any single policy a supervisor changed since.
 * The door and every screen judge by this, never by the preset's name.
 */
export function rulesInForce(settings: Record<string, unknown>): LevelPreset {
  const screening = screeningPolicy(settings);
  const crowd = crowdSettings(settings);
  return {
    checks: { healthCodeCheck: screening.healthCodeRequired, temperatureCheck: screening.temperatureRequired, maskCheck: screening.maskRequired, symptomsCheck: screening.symptomsRequired },
    walkIns: appointmentSettings(settings).walkIns,
    admission: crowd.admission ?? BATCHES_BEFORE_LEVELS.admission,
    batchAboveSharePercent: crowd.batchAboveSharePercent ?? BATCHES_BEFORE_LEVELS.batchAboveSharePercent,
    extendedMinutes: hoursConfig(settings).extendedMinutes,
  };
}

/**
 * LV1: a hall's settings with a level's preset written into each policy it
 * covers (screening checks, walk-ins, admission, extended hours); every
 * other setting of those policies is kept.
 */
export function settingsWithPreset(settings: Record<string, unknown>, preset: LevelPreset): Record<string, unknown> {
  const screening = screeningPolicy(settings);
  const crowd = crowdSettings(settings);
  const hours = hoursConfig(settings);
  return {
    ...settings,
    screening: {
      ...screening,
      healthCodeRequired: preset.checks.healthCodeCheck,
      temperatureRequired: preset.checks.temperatureCheck,
      maskRequired: preset.checks.maskCheck,
      symptomsRequired: preset.checks.symptomsCheck,
    },
    appointments: { ...appointmentSettings(settings), walkIns: preset.walkIns },
    crowd: { ...crowd, admission: preset.admission, batchAboveSharePercent: preset.batchAboveSharePercent },
    ...(preset.extendedMinutes === null ? {} : { hours: { ...hours, extendedMinutes: preset.extendedMinutes } }),
  };
}
