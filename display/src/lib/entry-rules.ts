import { LEVEL_NAMES, describeLevelRules, hallEntryRules, hallLevelRules, type HallInfo } from '@hallflow/shared';
import { sayBoth } from './messages';

/**
 * S11, LV8: the entry rules a screen shows, from the hall's own settings and
 * prevention level, never a copy: a supervisor's change reaches the screens
 * with `hall.configured`, a level change with `level.changed`. Only the
 * checks the level makes are listed; then walk-ins and batches as it sets them.
 */
export function entryRuleLines(hall: Pick<HallInfo, 'entryRules' | 'levelRules'>): { zh: string; en: string }[] {
  const rules = hallEntryRules(hall);
  const level = hallLevelRules(hall);
  const { checks } = level;
  const policyLines = describeLevelRules(level).filter((line) => !describeLevelRules({ ...level, walkIns: 'welcome', admission: 'free' }).some((check) => check.zh === line.zh));
  return [
    ...(checks.mask && rules.maskRequired ? [sayBoth('ruleMask')] : []),
    ...(checks.healthCode && rules.healthCodeRequired ? [sayBoth('ruleHealthCode')] : []),
    ...(checks.temperature ? [sayBoth('ruleTemperature', { t: rules.feverThresholdC.toFixed(1) })] : []),
    ...(level.level === 'normal' ? [] : [sayBoth('ruleDistance')]),
    ...policyLines,
  ];
}

/** LV8: the level's name as screens show it, Chinese then English. */
export function levelName(hall: Pick<HallInfo, 'levelRules'>): { zh: string; en: string; level: string } {
  const { level } = hallLevelRules(hall);
  return { ...LEVEL_NAMES[level], level };
}
