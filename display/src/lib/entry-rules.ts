import { LEVEL_NAMES, describeLevelRules, hallEntryRules, hallLevelRules, type HallInfo } from '@hallflow/shared';
import { sayBoth } from './messages';

/**
 * S11, LV8: the entry rules a screen shows, from the hall's own settings and
 * prevention level, never a copy: a supervisor's change reaches the screens
 * with `hall.configured`, a level change with `level.changed`. Only the
 * checks the level makes are listed (walk-ins are `walkInLine`'s).
 */
export function entryRuleLines(hall: Pick<HallInfo, 'entryRules' | 'levelRules'>): { zh: string; en: string }[] {
  const rules = hallEntryRules(hall);
  const level = hallLevelRules(hall);
  const { checks } = level;
  return [
    ...(checks.maskCheck && rules.maskRequired ? [sayBoth('ruleMask')] : []),
    ...(checks.healthCodeCheck && rules.healthCodeRequired ? [sayBoth('ruleHealthCode')] : []),
    ...(checks.temperatureCheck ? [sayBoth('ruleTemperature', { t: rules.feverThresholdC.toFixed(1) })] : []),
    ...(level.level === 'normal' ? [] : [sayBoth('ruleDistance')]),
  ];
}

/** LV8: who may come in without an appointment, in the level's words (one wording with the booking page). */
export function walkInLine(hall: Pick<HallInfo, 'levelRules'>): { zh: string; en: string } {
  const level = hallLevelRules(hall);
  const withoutChecks = { ...level, checks: { healthCodeCheck: false, temperatureCheck: false, maskCheck: false, symptomsCheck: false }, admission: 'free' as const };
  // The walk-in sentence is the last of the level's lines once checks and batches are left out.
  return describeLevelRules(withoutChecks).at(-1)!;
}

/** LV8: the level's name as screens show it, Chinese then English. */
export function levelName(hall: Pick<HallInfo, 'levelRules'>): { zh: string; en: string; level: string } {
  const { level } = hallLevelRules(hall);
  return { ...LEVEL_NAMES[level], level };
}
