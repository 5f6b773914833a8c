import { DEFAULT_CALLING_POLICY, DEFAULT_MAX_RECALLS } from '@hallflow/shared';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** A hall's calling policy, kept under `settings.calling`. */
export const CallingSettingsSchema = Type.Object(
  {
    /** Q3: a priority ticket is called after at most this many normal ones. */
    normalPerPriority: Type.Integer({ minimum: 0, maximum: 20 }),
    /** T4: recalls allowed after the first call. */
    maxRecalls: Type.Integer({ minimum: 0, maximum: 10 }),
    /** T5: a no-show may be put back in the queue within this many minutes. */
    requeueMinutes: Type.Integer({ minimum: 0, maximum: 480 }),
  },
  { additionalProperties: false },
);
export type CallingSettings = Static<typeof CallingSettingsSchema>;

export const DEFAULT_CALLING_SETTINGS: CallingSettings = {
  normalPerPriority: DEFAULT_CALLING_POLICY.normalPerPriority,
  maxRecalls: DEFAULT_MAX_RECALLS,
  requeueMinutes: 30,
};

export function callingSettings(settings: Record<string, unknown>): CallingSettings {
  const stored = { ...DEFAULT_CALLING_SETTINGS, ...(settings.calling as object | undefined) };
  return Value.Check(CallingSettingsSchema, stored) ? stored : DEFAULT_CALLING_SETTINGS;
}
