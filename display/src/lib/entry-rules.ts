import { hallEntryRules, type HallInfo } from '@hallflow/shared';
import { sayBoth } from './messages';

/**
 * S11: the entry rules a screen shows, from the hall's own settings (the
 * fever threshold, whether a green code and a mask are required), never a
 * copy: a supervisor's change reaches the screens with `hall.configured`.
 */
export function entryRuleLines(hall: Pick<HallInfo, 'entryRules'>): { zh: string; en: string }[] {
  const rules = hallEntryRules(hall);
  return [
    ...(rules.maskRequired ? [sayBoth('ruleMask')] : []),
    ...(rules.healthCodeRequired ? [sayBoth('ruleHealthCode')] : []),
    sayBoth('ruleTemperature', { t: rules.feverThresholdC.toFixed(1) }),
    sayBoth('ruleDistance'),
  ];
}
