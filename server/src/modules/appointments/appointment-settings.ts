import { AppointmentSettingsSchema, DEFAULT_APPOINTMENT_SETTINGS, type AppointmentSettings } from '@hallflow/shared';
import { Value } from '@sinclair/typebox/value';

/** A hall's appointment settings (A11), kept under `settings.appointments`; unset fields take the defaults. */
export function appointmentSettings(settings: Record<string, unknown>): AppointmentSettings {
  const stored = { ...DEFAULT_APPOINTMENT_SETTINGS, ...(settings.appointments as object | undefined) };
  return Value.Check(AppointmentSettingsSchema, stored) ? stored : DEFAULT_APPOINTMENT_SETTINGS;
}
