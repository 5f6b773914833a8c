import { DEFAULT_SCREENING_POLICY, ScreeningPolicySchema, type ScreeningPolicy } from '@hallflow/shared';
import { Value } from '@sinclair/typebox/value';

/** A hall's screening policy, kept under `settings.screening` (rule S6); defaults when unset. */
export function screeningPolicy(settings: Record<string, unknown>): ScreeningPolicy {
  const stored = { ...DEFAULT_SCREENING_POLICY, ...(settings.screening as object | undefined) };
  return Value.Check(ScreeningPolicySchema, stored) ? stored : DEFAULT_SCREENING_POLICY;
}

