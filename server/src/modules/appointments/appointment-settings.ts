import type { AppointmentSettings } from '@hallflow/shared';
import { storedPolicy } from '../hall/hall-policy.ts';

/** A hall's appointment settings (A11), kept under `settings.appointments`; unset fields take the defaults. */
export function appointmentSettings(settings: Record<string, unknown>): AppointmentSettings {
  return storedPolicy(settings, 'appointments');
}
