import { DEFAULT_SCREENING_POLICY, ScreeningPolicySchema, type ScreeningPolicy } from '@hallflow/shared';
import { storedPolicy } from '../hall/hall-policy.ts';

/** A hall's screening policy, kept under `settings.screening` (rule S6); defaults when unset. */
export function screeningPolicy(settings: Record<string, unknown>): ScreeningPolicy {
  return storedPolicy(settings, 'screening', ScreeningPolicySchema, DEFAULT_SCREENING_POLICY);
}

