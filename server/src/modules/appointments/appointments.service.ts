import { randomInt } from 'node:crypto';
import {
  APPOINTMENT_CODE_ALPHABET,
  arrivalStatus,
  checkResidentId,
  isMobileNumber,
  maskName,
  maskIdNumber,
  maskMobile,
  normalizeIdNumber,
  slotsForDate,
  zonedInstant,
} from '@hallflow/shared';
import type { BookAppointmentBody } from '@hallflow/shared/api';
import { and, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { businessDay } from '../../core/business-day.ts';
import { DomainError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { appointments, categories } from '../../db/schema/index.ts';
import { hoursConfig } from '../door/hours.guard.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { idNumberHash } from './personal-data.ts';

/** A2: places per slot and the per-ID daily limit; hall settings may change them later. */
export const PLACES_PER_SLOT = 10;
export const APPOINTMENTS_PER_ID_PER_DAY = 1;

const invalid = (field: string, message: string) => new DomainError(400, 'VALIDATION_ERROR', `body/${field} ${message}`);

export function listSlots(db: Db | Tx, hallId: string, categoryId: string, date: string, now: Date) {
  const hall = getHallRow(db, hallId);
  const booked = db
    .select({ slotLocal: appointments.slotLocal })
    .from(appointments)
    .where(and(eq(appointments.hallId, hallId), eq(appointments.categoryId, categoryId), eq(appointments.day, date), inArray(appointments.status, ['booked', 'arrived'])))
    .all();
  return slotsForDate(hoursConfig(hall.settings), date).map((slot) => {
    const taken = booked.filter((b) => b.slotLocal === slot.start).length;
    const startsAt = zonedInstant(date, slot.start, hall.timezone);
    return { ...slot, startsAt: startsAt.toISOString(), free: startsAt > now ? Math.max(0, PLACES_PER_SLOT - taken) : 0 };
  });
}

function newCode(): string {
  return Array.from({ length: 8 }, () => APPOINTMENT_CODE_ALPHABET[randomInt(APPOINTMENT_CODE_ALPHABET.length)]).join('');
}

export function appointmentView(row: typeof appointments.$inferSelect) {
  return {
    code: row.code,
    hallId: row.hallId,
    categoryId: row.categoryId,
    date: row.day,
    slot: row.slotLocal,
    slotStart: row.slotStart,
    name: maskName(row.name),
    idMasked: row.idMasked,
    mobileMasked: row.mobileMasked,
    partySize: row.partySize,
    status: row.status,
  };
}

/** A1, A2, I1, I2, P3: book a place; the slot is never oversold and one ID books at most one per day. */
export function bookAppointment(ctx: CommandContext, hallId: string, body: BookAppointmentBody) {
  const idCheck = checkResidentId(body.idNumber, ctx.now);
  if (!idCheck.ok) throw invalid('idNumber', `is not a valid resident ID: ${idCheck.zh} · ${idCheck.en}`);
  if (!isMobileNumber(body.mobile)) throw invalid('mobile', 'must be an 11-digit mainland mobile number · 请输入11位手机号');
  const category = ctx.tx.select().from(categories).where(and(eq(categories.id, body.categoryId), eq(categories.hallId, hallId))).get();
  if (!category) throw invalid('categoryId', `${body.categoryId} is not a service of this hall`);
  const slot = listSlots(ctx.tx, hallId, body.categoryId, body.date, ctx.now).find((s) => s.start === body.slot);
  if (!slot) throw invalid('slot', `${body.date} ${body.slot} is not a slot of this hall (closed, or not on the half hour)`);
  if (Date.parse(slot.startsAt) <= ctx.now.getTime()) throw invalid('slot', `${body.date} ${body.slot} is in the past`);
  if (slot.free <= 0) throw new DomainError(409, 'SLOT_FULL', `${body.date} ${body.slot} 已约满 · is fully booked; choose another time`);
  const idNumber = normalizeIdNumber(body.idNumber);
  const idHash = idNumberHash(ctx.tx, idNumber);
  const sameDay = ctx.tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.idHash, idHash), eq(appointments.day, body.date), inArray(appointments.status, ['booked', 'arrived'])))
    .all();
  if (sameDay.length >= APPOINTMENTS_PER_ID_PER_DAY) throw new DomainError(409, 'DAILY_LIMIT', '该身份证号当天已有预约 · This ID already has an appointment that day');
  const row = ctx.tx
    .insert(appointments)
    .values({
      id: newId(),
      hallId,
      code: newCode(),
      categoryId: body.categoryId,
      day: body.date,
      slotStart: slot.startsAt,
      slotLocal: slot.start,
      name: body.name.trim(),
      idHash,
      idMasked: maskIdNumber(idNumber),
      mobileLast4: body.mobile.slice(-4),
      mobileMasked: maskMobile(body.mobile),
      partySize: body.partySize,
      status: 'booked',
      createdAt: ctx.now.toISOString(),
    })
    .returning()
    .get();
  return appointmentView(row);
}

export function appointmentByCode(db: Db | Tx, code: string) {
  const row = db.select().from(appointments).where(eq(appointments.code, code.trim().toUpperCase())).get();
  if (!row) throw new DomainError(404, 'NOT_FOUND', `No appointment with code ${code}`);
  return row;
}

export function cancelAppointment(ctx: CommandContext, code: string, mobileLast4: string) {
  const row = appointmentByCode(ctx.tx, code);
  if (row.mobileLast4 !== mobileLast4) throw new DomainError(403, 'FORBIDDEN', 'The last four digits of the mobile number do not match');
  if (row.status !== 'booked') throw new DomainError(409, 'NOT_CANCELLABLE', `This appointment is ${row.status}`);
  return appointmentView(ctx.tx.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, row.id)).returning().get()!);
}

/**
 * A3: the door finds the appointment by code (QR or typed) or by the last
 * four digits of the mobile and the name, and learns whether it may check in now.
 */
export function findForCheckIn(db: Db | Tx, hallId: string, lookup: { code?: string; mobileLast4?: string; name?: string }, now: Date) {
  let row;
  if (lookup.code) row = appointmentByCode(db, lookup.code);
  else {
    const hall = getHallRow(db, hallId);
    row = db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.hallId, hallId),
          eq(appointments.day, businessDay(now, hall.timezone)),
          eq(appointments.mobileLast4, lookup.mobileLast4 ?? ''),
          eq(appointments.name, (lookup.name ?? '').trim()),
        ),
      )
      .get();
    if (!row) throw new DomainError(404, 'NOT_FOUND', 'No appointment today for that name and mobile number');
  }
  if (row.hallId !== hallId) throw new DomainError(409, 'OTHER_HALL', 'This appointment is for another hall');
  if (row.status === 'cancelled') throw new DomainError(409, 'CANCELLED', 'This appointment was cancelled');
  const arrival = arrivalStatus(new Date(row.slotStart), now);
  return { appointment: appointmentView(row), arrival: arrival.status, comeBackAt: arrival.status === 'too_early' ? arrival.comeBackAt.toISOString() : null };
}

export function markArrived(tx: Tx, code: string) {
  tx.update(appointments).set({ status: 'arrived' }).where(eq(appointments.code, code)).run();
}
