/**
 * RT1–RT3: how long personal data is kept. Each hall sets its periods; these
 * are the defaults, and the pure arithmetic of the cut-offs.
 */

/** RT1: the door's records of a visitor (names, screening outcome and reasons, readings, entry log): 28 days, a contact-tracing window. */
export const DEFAULT_DOOR_RETENTION_DAYS = 28;
/** RT2: an appointment's personal data after its date: 90 days, long enough for complaints and follow-up. */
export const DEFAULT_APPOINTMENT_RETENTION_DAYS = 90;
/** RT3: the audit log of staff actions: 180 days at least (the legal minimum for such logs). */
export const MIN_AUDIT_RETENTION_DAYS = 180;
/** An Idempotency-Key's first answer is kept a day: retries come within minutes. */
export const IDEMPOTENCY_KEPT_HOURS = 24;

const DAY_MS = 86_400_000;

export interface RetentionCutoffs {
  /** Door records made before this instant are purged or anonymised. */
  doorBefore: string;
  /** Appointments dated before this day (YYYY-MM-DD) lose their personal data. */
  appointmentsBeforeDay: string;
  /** Audit entries made before this instant are deleted. */
  auditBefore: string;
  /** Idempotency records made before this instant are deleted. */
  idempotencyBefore: string;
}

/** The cut-offs at `now`, for a hall's periods and the installation's audit period (never below the legal minimum). */
export function retentionCutoffs(now: Date, today: string, periods: { doorDays: number; appointmentDays: number; auditDays: number }): RetentionCutoffs {
  const at = now.getTime();
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return {
    doorBefore: new Date(at - periods.doorDays * DAY_MS).toISOString(),
    appointmentsBeforeDay: new Date(todayMs - periods.appointmentDays * DAY_MS).toISOString().slice(0, 10),
    auditBefore: new Date(at - Math.max(MIN_AUDIT_RETENTION_DAYS, periods.auditDays) * DAY_MS).toISOString(),
    idempotencyBefore: new Date(at - IDEMPOTENCY_KEPT_HOURS * 3_600_000).toISOString(),
  };
}
