import { DEFAULT_APPOINTMENT_RETENTION_DAYS, retentionCutoffs } from '@hallflow/shared';
import { and, eq, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import { businessDay } from '../../core/business-day.ts';
import type { Db } from '../../db/connection.ts';
import { appointments, auditLog, idempotencyKeys, parties, screenings } from '../../db/schema/index.ts';
import { appointmentSettings } from '../appointments/appointment-settings.ts';
import { purgeEntriesBefore } from '../crowd/entry-log.repository.ts';
import { crowdSettings } from '../hall/hall-policy.ts';
import { getHallRow } from '../hall/hall.repository.ts';

export interface RetentionResult {
  entriesPurged: number;
  screeningsAnonymised: number;
  partiesAnonymised: number;
  appointmentsAnonymised: number;
  auditPurged: number;
  idempotencyPurged: number;
}

/** Marks what a purge left behind, so an anonymised row is told apart from a never-filled one. */
const GONE = '';

/**
 * RT1, RT2: one hall's personal data past its periods. The door's records
 * (entry log, readings, screening reasons, visitors' names and codes) go after
 * the hall's door period; an appointment's name, ID and mobile digits after
 * its appointment period. What is left counts for reports but names nobody.
 */
export function purgeHall(db: Db, hallId: string, now: Date, auditDays: number): Omit<RetentionResult, 'auditPurged' | 'idempotencyPurged'> {
  const hall = getHallRow(db, hallId);
  const cut = retentionCutoffs(now, businessDay(now, hall.timezone), {
    doorDays: crowdSettings(hall.settings).retentionDays,
    appointmentDays: appointmentSettings(hall.settings).personalDataDays ?? DEFAULT_APPOINTMENT_RETENTION_DAYS,
    auditDays,
  });
  return db.transaction((tx) => ({
    entriesPurged: purgeEntriesBefore(tx, hallId, cut.doorBefore),
    screeningsAnonymised: tx
      .update(screenings)
      .set({ readings: null, reasons: [] })
      .where(and(eq(screenings.hallId, hallId), lt(screenings.at, cut.doorBefore), or(isNotNull(screenings.readings), ne(screenings.reasons, sql`'[]'`))))
      .run().changes,
    partiesAnonymised: tx
      .update(parties)
      .set({ leadName: GONE, displayName: '*', denialReasons: [], appointmentCode: null })
      .where(and(eq(parties.hallId, hallId), lt(parties.arrivedAt, cut.doorBefore), ne(parties.leadName, GONE)))
      .run().changes,
    appointmentsAnonymised: tx
      .update(appointments)
      .set({ name: GONE, idHash: GONE, idMasked: GONE, mobileLast4: GONE, mobileMasked: GONE, mobileHash: null })
      .where(and(eq(appointments.hallId, hallId), lt(appointments.day, cut.appointmentsBeforeDay), ne(appointments.name, GONE)))
      .run().changes,
  }));
}

/** RT3: the installation's audit entries past their period, and idempotency records past a day. */
export function purgeInstallation(db: Db, now: Date, auditDays: number): Pick<RetentionResult, 'auditPurged' | 'idempotencyPurged'> {
  const cut = retentionCutoffs(now, now.toISOString().slice(0, 10), { doorDays: 1, appointmentDays: 1, auditDays });
  return {
    auditPurged: db.delete(auditLog).where(lt(auditLog.at, cut.auditBefore)).run().changes,
    idempotencyPurged: db.delete(idempotencyKeys).where(lt(idempotencyKeys.at, cut.idempotencyBefore)).run().changes,
  };
}
