import { DEFAULT_SCREENING_POLICY, type ScreeningPolicy } from '@hallflow/shared';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** A hall's screening policy, kept under `settings.screening` (rule S6). */
export const ScreeningPolicySchema = Type.Object(
  { feverThresholdC: Type.Number({ minimum: 36.5, maximum: 38.5 }) },
  { additionalProperties: false },
);

export function screeningPolicy(settings: Record<string, unknown>): ScreeningPolicy {
  const stored = { ...DEFAULT_SCREENING_POLICY, ...(settings.screening as object | undefined) };
  return Value.Check(ScreeningPolicySchema, stored) ? stored : DEFAULT_SCREENING_POLICY;
}

