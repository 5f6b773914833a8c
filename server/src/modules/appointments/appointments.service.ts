import { randomInt } from 'node:crypto';
import {
  APPOINTMENT_CODE_ALPHABET,
  arrivalStatus,
  bookingName,
  chooseOnSiteSlot,
  clockTime,
  placesFor,
  isMobileNumber,
  maskName,
  maskMobile,
  slotsForDate,
  zonedInstant,
  type IdDocumentKind,
  type OnSiteChoice,
  type SlotAvailability,
} from '@hallflow/shared';
import type { BookAppointmentBody } from '@hallflow/shared/api';
import { and, asc, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { businessDay } from '../../core/business-day.ts';
import { DomainError, invalidField } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { placeholders, prepared } from '../../db/prepared.ts';
import { hallCategory } from '../tickets/ticket.repository.ts';
import { appointments, parties, serviceItems, slotCounts } from '../../db/schema/index.ts';
import { ticketPlan } from '../tickets/issue.service.ts';
import { hoursConfig } from '../door/hours.guard.ts';
import { getHallRow, type HallRow } from '../hall/hall.repository.ts';
import { appointmentSettings } from './appointment-settings.ts';
import { mobileHash } from './personal-data.ts';
import { checkedDocument, keptIdentity } from './identity-document.ts';

const invalid = (field: string, zh: string, en: string) => invalidField(field, { zh, en });

/**
 * A1, A12: every slot of a service on a date with the places still free.
 * A place is taken by a booked or arrived appointment, or by an on-site
 * party (walk-in) that was given the slot and not denied at the door.
 */
export function slotAvailability(
  db: Db | Tx,
  hallId: string,
  categoryId: string,
  date: string,
  hall: HallRow = getHallRow(db, hallId),
  /** Only these slots (by local start), when the caller needs no others: each slot's instant and count cost a booking twice over the day's slots. */
  starts?: readonly string[],
): SlotAvailability[] {
  const params = { hallId, categoryId, date };
  // IN3: a category that is not this hall's has no slots to offer; saying it has free places would be a lie.
  if (!hallCategory(db, hallId, categoryId)) throw new DomainError(404, 'UNKNOWN_CATEGORY', `categoryId ${categoryId} is not a service of hall ${hallId}`);
  const settings = appointmentSettings(hall.settings);
  const places = placesFor(settings, categoryId);
  // R10: the places taken per start instant, kept by triggers on bookings and walk-ins (slot_counts): a few rows per queue and day.
  const taken = prepared(db, 'slot-taken', (d) =>
    d
      .select({ slotStart: slotCounts.slotStart, n: slotCounts.taken })
      .from(slotCounts)
      .where(and(eq(slotCounts.hallId, sql.placeholder('hallId')), eq(slotCounts.categoryId, sql.placeholder('categoryId')), eq(slotCounts.day, sql.placeholder('date'))))
      .prepare(),
  ).all(params);
  // A11: counted by the instant a place starts, so places booked before a change of slot length still count in the slot that now holds them.
  const takenAt = taken.map(({ slotStart, n }) => ({ at: Date.parse(slotStart), n }));
  const slots = slotsForDate(hoursConfig(hall.settings), date, settings.slotMinutes);
  return (starts ? slots.filter((slot) => starts.includes(slot.start)) : slots).map((slot) => {
    const startsAt = zonedInstant(date, slot.start, hall.timezone);
    const endsAt = startsAt.getTime() + settings.slotMinutes * 60_000;
    const taken = takenAt.filter(({ at }) => at >= startsAt.getTime() && at < endsAt).reduce((sum, { n }) => sum + n, 0);
    return { ...slot, startsAt, free: Math.max(0, places - taken) };
  });
}

/** R1: a change of bookings is an event too, carrying only the places now free in the slots it touched. */
function emitPlaces(ctx: CommandContext, hallId: string, categoryId: string, touched: { date: string; start: string }[]) {
  // One count per day touched (a reschedule within a day touches two slots of it), of the touched slots only.
  const startsOn = (date: string) => touched.filter((slot) => slot.date === date).map((slot) => slot.start);
  const byDate = new Map([...new Set(touched.map(({ date }) => date))].map((date) => [date, slotAvailability(ctx.tx, hallId, categoryId, date, undefined, startsOn(date))]));
  const places = touched.flatMap(({ date, start }) =>
    byDate
      .get(date)!
      .filter((slot) => slot.start === start)
      .map((slot) => ({ categoryId, date, start, free: slot.free })),
  );
  ctx.emit({ type: 'appointments.changed', places });
}

/** A1: the slots a visitor can book: a slot that has started has no free place. */
export function listSlots(db: Db | Tx, hallId: string, categoryId: string, date: string, now: Date) {
  return slotAvailability(db, hallId, categoryId, date).map(({ startsAt, ...slot }) => ({ ...slot, startsAt: startsAt.toISOString(), free: startsAt > now ? slot.free : 0 }));
}

/** A1, A2: the free, future slot a booking or a reschedule asks for, or a clear refusal. */
function bookableSlot(tx: Tx, hallId: string, categoryId: string, date: string, start: string, now: Date) {
  const [slot] = slotAvailability(tx, hallId, categoryId, date, undefined, [start]);
  if (!slot) throw invalid('slot', `${date} ${start} 不是该业务的可约时段`, `${date} ${start} is not a slot of this service (closed, or not on the slot grid)`);
  if (slot.startsAt <= now) throw invalid('slot', `${date} ${start} 已经过去`, `${date} ${start} is in the past`);
  if (slot.free <= 0) throw new DomainError(409, 'SLOT_FULL', `${date} ${start} 已约满 · is fully booked; choose another time`);
  return slot;
}

/** A2: one ID number holds at most `perIdPerDay` appointments on a day (the one being moved does not count). */
function assertDailyLimit(tx: Tx, hallId: string, idHash: string, date: string, exceptId?: string) {
  const { perIdPerDay } = appointmentSettings(getHallRow(tx, hallId).settings);
  const sameDay = prepared(tx, 'bookings-of-id-on-day', (d) =>
    d
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.idHash, sql.placeholder('idHash')), eq(appointments.day, sql.placeholder('date')), inArray(appointments.status, ['booked', 'arrived'])))
      .prepare(),
  )
    .all({ idHash, date })
    .filter((row) => row.id !== exceptId);
  if (sameDay.length >= perIdPerDay) throw new DomainError(409, 'DAILY_LIMIT', `该身份证号当天预约已达上限（${perIdPerDay}） · This ID already has ${perIdPerDay} appointment(s) that day`);
}

function newCode(): string {
  return Array.from({ length: 8 }, () => APPOINTMENT_CODE_ALPHABET[randomInt(APPOINTMENT_CODE_ALPHABET.length)]).join('');
}

export function appointmentView(row: typeof appointments.$inferSelect) {
  return {
    code: row.code,
    hallId: row.hallId,
    categoryId: row.categoryId,
    itemId: row.itemId,
    bundleId: row.bundleId,
    date: row.day,
    slot: row.slotLocal,
    slotStart: row.slotStart,
    name: maskName(row.name),
    idType: row.idType,
    idMasked: row.idMasked,
    mobileMasked: row.mobileMasked,
    partySize: row.partySize,
    status: row.status,
  };
}

/**
 * A16: what a booking is for. An item books its queue; a bundle books the
 * queue it starts in (K2, K3); a category alone books the queue. A category
 * given with an item must be the item's.
 */
function bookedService(tx: Tx, hallId: string, body: Pick<BookAppointmentBody, 'categoryId' | 'itemId' | 'bundleId'>) {
  if (body.bundleId) {
    if (body.itemId) throw invalid('itemId', '预约一件事时不必另选事项', 'cannot be booked together with a bundle: the bundle already lists its items');
    const plan = ticketPlan(tx, hallId, { bundleId: body.bundleId });
    return { categoryId: plan.categoryId, itemId: null, bundleId: plan.bundleId };
  }
  if (body.itemId) {
    const item = tx.select().from(serviceItems).where(and(eq(serviceItems.id, body.itemId), eq(serviceItems.hallId, hallId))).get();
    if (!item) throw invalid('itemId', `${body.itemId} 不是本厅的事项`, `${body.itemId} is not a service item of this hall`);
    if (item.retiredAt) throw invalid('itemId', `${body.itemId} 已停办`, `${body.itemId} is no longer offered`);
    if (body.categoryId && body.categoryId !== item.categoryId) throw invalid('itemId', `${body.itemId} 属于其他业务`, `${body.itemId} is served in ${item.categoryId}, not ${body.categoryId}`);
    return { categoryId: item.categoryId, itemId: item.id, bundleId: null };
  }
  if (!body.categoryId) throw invalid('categoryId', '请选择事项、一件事或业务', 'is required: name a service item (itemId), a bundle (bundleId) or a service (categoryId)');
  const category = hallCategory(tx, hallId, body.categoryId);
  if (!category) throw invalid('categoryId', `${body.categoryId} 不是本厅的业务`, `${body.categoryId} is not a service of this hall`);
  if (category.retiredAt) throw invalid('categoryId', `${body.categoryId} 已停办，不再接受预约`, `${body.categoryId} takes no new bookings`);
  return { categoryId: category.id, itemId: null, bundleId: null };
}

/** What an arrived appointment's ticket carries (A16): the bundle with its items, or the one item. */
export function bookedTicketPlan(tx: Tx, hallId: string, code: string): { bundleId: string | null; itemIds: string[] } {
  const row = tx.select({ itemId: appointments.itemId, bundleId: appointments.bundleId }).from(appointments).where(and(eq(appointments.code, code), eq(appointments.hallId, hallId))).get();
  if (row?.bundleId) return { bundleId: row.bundleId, itemIds: [...ticketPlan(tx, hallId, { bundleId: row.bundleId }, false).itemIds] };
  return { bundleId: null, itemIds: row?.itemId ? [row.itemId] : [] };
}

/** A1, A2, I1, I2, P3: book a place; the slot is never oversold and one ID books at most `perIdPerDay` a day. */
export function bookAppointment(ctx: CommandContext, hallId: string, body: BookAppointmentBody, from: { terminalOfHall: boolean } = { terminalOfHall: false }) {
  // KS7: a name, except at the hall's own self-service terminal.
  const named = bookingName(body.name, from.terminalOfHall);
  if (!named.ok) throw new DomainError(400, named.code, 'A name is required (only a self-service terminal of the hall may leave it out)');
  const document = checkedDocument(body, ctx.now);
  if (!isMobileNumber(body.mobile)) throw invalid('mobile', '请输入11位手机号', 'must be an 11-digit mainland mobile number');
  const identity = keptIdentity(ctx.tx, document);
  const service = bookedService(ctx.tx, hallId, body);
  const slot = bookableSlot(ctx.tx, hallId, service.categoryId, body.date, body.slot, ctx.now);
  const { idHash } = identity;
  assertDailyLimit(ctx.tx, hallId, idHash, body.date);
  const row = insertAppointment(ctx.tx).get({
    id: newId(),
    hallId,
    code: newCode(),
    ...service,
    day: body.date,
    slotStart: slot.startsAt.toISOString(),
    slotLocal: slot.start,
    name: named.name,
    ...identity,
    mobileLast4: body.mobile.slice(-4),
    mobileMasked: maskMobile(body.mobile),
    mobileHash: mobileHash(ctx.tx, body.mobile),
    partySize: body.partySize,
    status: 'booked',
    createdAt: ctx.now.toISOString(),
  })!;
  emitPlaces(ctx, hallId, row.categoryId, [{ date: row.day, start: row.slotLocal }]);
  return appointmentView(row);
}

/** R10: a new booking's row, built once per connection. */
function insertAppointment(tx: Tx) {
  const columns = ['id', 'hallId', 'code', 'categoryId', 'itemId', 'bundleId', 'day', 'slotStart', 'slotLocal', 'name', 'idType', 'idHash', 'idMasked', 'mobileLast4', 'mobileMasked', 'mobileHash', 'partySize', 'status', 'createdAt'] as const;
  return prepared(tx, 'insert-appointment', (d) => d.insert(appointments).values(placeholders<typeof appointments.$inferInsert>(columns)).returning().prepare());
}

/**
 * An appointment by its code. A code in the address is a resource that may
 * not exist (404); a code typed or scanned into a request body is input,
 * and a wrong one is a 400 naming the field (`bodyField`).
 */
export function appointmentByCode(db: Db | Tx, code: string, bodyField?: string) {
  const row = db.select().from(appointments).where(eq(appointments.code, code.trim().toUpperCase())).get();
  if (row) return row;
  if (bodyField) throw invalid(bodyField, `预约码 ${code} 不存在，请核对`, `is not an appointment code: no appointment has code ${code}`);
  throw new DomainError(404, 'NOT_FOUND', `No appointment with code ${code}`);
}

/**
 * A22: "find my booking": the visitor's own appointments still to come (booked,
 * from the earliest hall's today on), found by the full ID number and the full
 * mobile. The ID is compared through its keyed hash, the mobile through its
 * own (or, for a booking made before that was kept, its stored digits). A
 * wrong pair and no booking look the same: an empty list. Nothing is written.
 */
export function findAppointments(db: Db | Tx, body: { idType?: IdDocumentKind; idNumber: string; mobile: string }, now: Date) {
  const document = checkedDocument(body, now);
  if (!isMobileNumber(body.mobile)) throw invalid('mobile', '请输入11位手机号', 'must be an 11-digit mainland mobile number');
  const { idHash } = keptIdentity(db, document);
  const wholeMobile = mobileHash(db, body.mobile);
  // The earliest "today" of any zone a hall may be in; each row is then judged by its own hall's day.
  const earliest = new Date(now.getTime() - 14 * 3_600_000).toISOString().slice(0, 10);
  const rows = db
    .select()
    .from(appointments)
    .where(and(eq(appointments.idHash, idHash), eq(appointments.status, 'booked'), gte(appointments.day, earliest)))
    .orderBy(asc(appointments.slotStart))
    .all();
  return rows
    .filter((row) => (row.mobileHash ? row.mobileHash === wholeMobile : row.mobileLast4 === body.mobile.slice(-4) && row.mobileMasked === maskMobile(body.mobile)))
    .filter((row) => row.day >= businessDay(now, getHallRow(db, row.hallId).timezone))
    .map(appointmentView);
}

/** A4, A14: only the visitor (code plus the last four digits of the mobile) changes a booked appointment. */
function ownBookedAppointment(tx: Tx, code: string, mobileLast4: string, action: 'cancel' | 'reschedule') {
  const row = appointmentByCode(tx, code);
  if (row.mobileLast4 !== mobileLast4) throw new DomainError(403, 'FORBIDDEN', 'The last four digits of the mobile number do not match');
  if (row.status !== 'booked') {
    const [errorCode, verb] = action === 'cancel' ? ['NOT_CANCELLABLE', 'cancelled'] : ['NOT_RESCHEDULABLE', 'rescheduled'];
    throw new DomainError(409, errorCode, `This appointment is ${row.status} and cannot be ${verb}`);
  }
  return row;
}

export function cancelAppointment(ctx: CommandContext, code: string, mobileLast4: string) {
  const row = ownBookedAppointment(ctx.tx, code, mobileLast4, 'cancel');
  const cancelled = ctx.tx.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, row.id)).returning().get()!;
  emitPlaces(ctx, row.hallId, row.categoryId, [{ date: row.day, start: row.slotLocal }]);
  return appointmentView(cancelled);
}

/** A14: move a booked appointment to another free, future slot of the same service; it keeps its code. */
export function rescheduleAppointment(ctx: CommandContext, code: string, body: { mobileLast4: string; date: string; slot: string }) {
  const row = ownBookedAppointment(ctx.tx, code, body.mobileLast4, 'reschedule');
  if (row.day === body.date && row.slotLocal === body.slot) throw new DomainError(409, 'SAME_SLOT', 'The appointment is already at that time');
  const slot = bookableSlot(ctx.tx, row.hallId, row.categoryId, body.date, body.slot, ctx.now);
  assertDailyLimit(ctx.tx, row.hallId, row.idHash, body.date, row.id);
  const moved = ctx.tx
    .update(appointments)
    .set({ day: body.date, slotStart: slot.startsAt.toISOString(), slotLocal: slot.start })
    .where(eq(appointments.id, row.id))
    .returning()
    .get()!;
  emitPlaces(ctx, row.hallId, row.categoryId, [
    { date: row.day, start: row.slotLocal },
    { date: moved.day, start: moved.slotLocal },
  ]);
  return appointmentView(moved);
}

/** A3: an appointment checks in once; a second look-up is refused before anyone fills in the form, saying when it was used. */
function alreadyCheckedIn(db: Db | Tx, hallId: string, code: string): DomainError {
  const party = db
    .select({ arrivedAt: parties.arrivedAt })
    .from(parties)
    .where(and(eq(parties.hallId, hallId), eq(parties.appointmentCode, code), ne(parties.state, 'denied')))
    .orderBy(desc(parties.arrivedAt))
    .get();
  const at = party ? clockTime(new Date(party.arrivedAt), getHallRow(db, hallId).timezone) : null;
  // The party is always there once an appointment has checked in; the dash only guards a hand-edited store.
  const time = at ?? '—';
  return new DomainError(409, 'ALREADY_CHECKED_IN', `该预约已于 ${time} 签到入场，不能重复使用 · This appointment already checked in at ${time}; it cannot be used again`, { time });
}

/**
 * A3: the door finds the appointment by code (QR or typed) or by the last
 * four digits of the mobile and the name, and learns whether it may check in now.
 */
export function findForCheckIn(db: Db | Tx, hallId: string, lookup: { code?: string; mobileLast4?: string; name?: string }, now: Date, codeField = 'code') {
  const hall = getHallRow(db, hallId);
  let row;
  if (lookup.code) row = appointmentByCode(db, lookup.code, codeField);
  else {
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
    if (!row) throw new DomainError(404, 'NOT_FOUND', '今天没有该姓名和手机号的预约 · No appointment today for that name and mobile number');
  }
  if (row.hallId !== hallId) throw new DomainError(409, 'OTHER_HALL', '该预约不是本厅的预约 · This appointment is for another hall');
  if (row.status === 'cancelled') throw new DomainError(409, 'CANCELLED', '该预约已取消 · This appointment was cancelled');
  if (row.status === 'arrived') throw alreadyCheckedIn(db, hallId, row.code);
  const settings = appointmentSettings(hall.settings);
  const arrival = arrivalStatus(new Date(row.slotStart), now, settings, row.heldUntil ? new Date(row.heldUntil) : null);
  return {
    appointment: appointmentView(row),
    arrival: arrival.status === 'too_late' && settings.lateArrivals === 'on_site_if_free' ? ('late_on_site' as const) : arrival.status,
    comeBackAt: arrival.status === 'too_early' ? arrival.comeBackAt.toISOString() : null,
    keptUntil: row.heldUntil,
  };
}

/**
 * A12, A13: the slot an on-site visitor takes now (a walk-in, or an
 * appointment past its grace period), or when a place is next free, or that
 * none is left today. Nothing is written here; the caller records the party.
 */
export function onSiteChoice(tx: Tx, hallId: string, categoryId: string, now: Date, hall: HallRow = getHallRow(tx, hallId)): OnSiteChoice {
  return chooseOnSiteSlot(slotAvailability(tx, hallId, categoryId, businessDay(now, hall.timezone), hall), now, appointmentSettings(hall.settings));
}

/** A12: the refusal for an on-site visitor who finds no place (`choice` is not 'ok'): when to come back, or none left today. */
export function noPlaceRefusal(choice: Exclude<OnSiteChoice, { status: 'ok' }>, hall: HallRow): DomainError {
  if (choice.status === 'full') return new DomainError(409, 'NO_PLACE_TODAY', '今日名额已满，请预约其他日期 · No places left today; please book another day');
  const at = clockTime(choice.comeBackAt, hall.timezone);
  return new DomainError(409, 'NO_PLACE_NOW', `现场名额已满，下一个有空位的时段为 ${choice.slot.start}，请于 ${at} 后再来 · No place free now: the next free time is ${choice.slot.start}; please come back at ${at}`, { slot: choice.slot.start, time: at });
}

/** B6: the door sent the visitor back on time (holding area full): check-in stays open for them until `until`, or later if it already was. */
export function holdAppointment(tx: Tx, code: string, until: Date) {
  tx.update(appointments)
    .set({ heldUntil: sql`max(coalesce(${appointments.heldUntil}, ''), ${until.toISOString()})` })
    .where(eq(appointments.code, code))
    .run();
}

/** A3, A13: the appointment is used: it arrived, at its own slot or (late, on site) at the one given. */
export function markArrived(tx: Tx, code: string, movedTo?: SlotAvailability) {
  const moved = movedTo ? { slotStart: movedTo.startsAt.toISOString(), slotLocal: movedTo.start } : {};
  tx.update(appointments).set({ status: 'arrived', ...moved }).where(eq(appointments.code, code)).run();
}
