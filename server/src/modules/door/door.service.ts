import type { ScreenVisitorBody, ScreenVisitorResponse } from '@hallflow/shared/api';
import { admissionRoute, clockTime, maskName, missingChecks, screenParty, type OnSiteChoice } from '@hallflow/shared';
import type { CommandContext } from '../../core/command-runner.ts';
import type { Tx } from '../../db/connection.ts';
import { placeholders, prepared } from '../../db/prepared.ts';
import { parties, screenings } from '../../db/schema/index.ts';
import { hallCategory } from '../tickets/ticket.repository.ts';
import { businessDay } from '../../core/business-day.ts';
import { DomainError, invalidField } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { partyView } from '../hall/views.ts';
import { healthCodeVerdicts } from './manual-verification.ts';
import { assertServiceOpen } from './hours.guard.ts';
import { screeningPolicy } from '../hall/hall-policy.ts';
import { appointmentSettings } from '../appointments/appointment-settings.ts';
import { findForCheckIn, markArrived, noPlaceRefusal, onSiteChoice } from '../appointments/appointments.service.ts';
import { rulesInForce } from '../hall/level-policy.ts';
import { admitOnArrival } from './direct-admission.ts';
import { holdingRefusal, holdingShortfall, keepAppointment } from './holding-room.ts';

/**
 * Screens a party at the door, person by person (S1, S2): the party goes on
 * to the holding area or is turned away with every reason; under the hall's
 * rule (S8) the members who pass may go on without the one who failed, who
 * is recorded as a denied party of their own, keeping their reasons. Each
 * failing person is told what to do next (S9). The decision, readings and
 * staff member are stored with each party.
 */
export function screenVisitor(ctx: CommandContext, hallId: string, body: ScreenVisitorBody, staffId: string) {
  const hall = getHallRow(ctx.tx, hallId);
  const category = hallCategory(ctx.tx, hallId, body.categoryId);
  if (!category) throw new DomainError(400, 'UNKNOWN_CATEGORY', `categoryId ${body.categoryId} is not a service category of this hall`);
  // CA5: a retired queue takes no walk-ins; visitors who booked it before are still served.
  if (category.retiredAt && !body.appointmentCode) throw new DomainError(400, 'CATEGORY_RETIRED', `body/categoryId ${body.categoryId} 已停办 · takes no new visitors`);
  assertServiceOpen(ctx, hallId, 'ticket', hall);
  const policy = screeningPolicy(hall.settings);
  const rules = rulesInForce(hall.settings);
  // LV5: every check the level requires must have been made; a form filled in before the level changed is refused, naming what is missing.
  const missing = missingChecks(rules.checks, body.people);
  if (missing.length > 0) throw new DomainError(400, 'CHECK_REQUIRED', `${missing[0]}: 当前防控等级要求此项查验 · the hall's prevention level requires this check`, { field: missing[0]! });
  // S3: a hall that takes no second reading refuses one rather than silently ignoring it.
  const rechecked = body.people.findIndex((person) => person.temperatureRecheck !== null && person.temperatureRecheck !== undefined);
  if (!policy.allowRecheck && rechecked >= 0) {
    throw invalidField(`people/${rechecked}/temperatureRecheck`, { zh: '本厅不复测体温，以第一次测量为准', en: 'this hall takes no second reading; the first one decides' });
  }
  // The health code goes through the verifier port; the built-in one records what staff saw (S7); a manual check is recorded as one (MV1–MV3); a level that checks no code records none (LV2).
  const checks = healthCodeVerdicts(body.people, policy, staffId);
  const verdicts = checks.map((check) => check.verdict);
  const decision = screenParty(
    body.people.map((person, index) => ({ ...person, healthCode: verdicts[index]?.color })),
    policy,
  );
  // A3: an appointment checks in within its arrival window, once; the party takes its slot (holding and calling order).
  const appointment = body.appointmentCode ? findForCheckIn(ctx.tx, hallId, { code: body.appointmentCode }, ctx.now, 'appointmentCode') : null;
  if (appointment?.arrival === 'too_early') {
    const when = clockTime(new Date(appointment.comeBackAt!), hall.timezone);
    throw new DomainError(409, 'TOO_EARLY', `来早了，请于 ${when} 后再来 · Too early: please come back at ${when}`, { time: when });
  }
  if (appointment?.arrival === 'too_late') throw new DomainError(409, 'TOO_LATE', '已过预约时段，请重新预约 · The appointment time has passed; please book again');
  if (!appointment && appointmentSettings(hall.settings).walkIns === 'appointment_only') {
    throw new DomainError(409, 'APPOINTMENT_REQUIRED', '本厅实行预约办理，请先预约 · This hall serves visitors with an appointment only; please book first');
  }
  // LV3: the level decides whether those who pass walk in now or wait in the holding area for a batch.
  const before = occupancyOf(ctx.tx, hallId, hall);
  const route = admissionRoute(rules, before, decision.goingOn.length);
  // B4: only the people who go on to the holding area need room there; B6: an on-time appointment sent back is kept open for its return.
  const onTime = appointment?.arrival === 'ok' ? appointment.appointment : null;
  const shortfall = decision.goingOn.length > 0 && route === 'hold' ? holdingShortfall(ctx, hall, decision.goingOn.length, before, onTime) : null;
  if (shortfall && decision.turnedAway.length === 0) throw holdingRefusal(shortfall, onTime);
  // A12, A13: a walk-in, or an appointment past its grace period, takes a free place of a slot open now; a party turned away whole needs none,
  // so its denial is recorded (and it is told why) also when no place is free.
  // B7: a party split by S8 whose members who pass find no place is told so, and the member turned away is still recorded.
  const choice =
    decision.goingOn.length > 0 && (!appointment || appointment.arrival === 'late_on_site') ? onSiteChoice(ctx.tx, hallId, appointment?.appointment.categoryId ?? category.id, ctx.now, hall) : null;
  if (choice && choice.status !== 'ok' && decision.turnedAway.length === 0) throw noPlaceRefusal(choice, hall);
  const onSite = choice?.status === 'ok' ? choice.slot : null;
  const noPlace = choice && choice.status !== 'ok' ? noPlaceComeBack(choice, hall) : null;

  const at = ctx.now.toISOString();
  /** One party row and its screening record for some of the people read, all going on or all turned away. */
  const record = (members: number[], goesOn: boolean) => {
    const reasons = members.flatMap((index) => decision.people[index]!.reasons);
    const row = insertParty(ctx.tx).get({
      id: newId(),
      hallId,
      day: businessDay(ctx.now, hall.timezone),
      leadName: body.name,
      displayName: maskName(body.name),
      size: members.length,
      state: goesOn ? 'holding' : 'denied',
      categoryId: appointment?.appointment.categoryId ?? category.id,
      appointmentCode: appointment?.appointment.code ?? null,
      slotStart: onSite?.startsAt.toISOString() ?? appointment?.appointment.slotStart ?? null,
      arrivedAt: at,
      screenedAt: at,
      denialReasons: goesOn ? [] : reasons,
    })!;
    insertScreening(ctx.tx).run({
      id: newId(),
      hallId,
      partyId: row.id,
      staffId,
      at,
      // `person` is the number the door gave them (第2人), so a split party's records read as one screening.
      // LV5: the checks the level required at this moment are kept with the readings; MV2: a manual check with its method and who checked.
      readings: members.map((index) => {
        const { manualVerification: _sent, ...reading } = body.people[index]!;
        const manualCheck = checks[index]!.manualCheck;
        return { person: index + 1, ...reading, healthCodeSource: verdicts[index]?.source ?? null, checksRequired: rules.checks, ...(manualCheck ? { manualCheck } : {}) };
      }),
      admitted: goesOn,
      reasons,
    });
    return row;
  };
  const denied = decision.turnedAway.length > 0 ? record(decision.turnedAway, false) : null;
  // B7: the members who passed have no room to wait: those turned away are recorded and told what to do, the others when to come back.
  if (shortfall && denied) {
    if (onTime) keepAppointment(ctx, onTime.code, shortfall);
    return sentBack(ctx, hallId, hall, decision, denied, { reason: 'holding_full', time: shortfall.time, keptUntil: shortfall.keptUntil?.local ?? null });
  }
  if (noPlace && denied) return sentBack(ctx, hallId, hall, decision, denied, noPlace);
  const goingOn = decision.goingOn.length > 0 ? record(decision.goingOn, true) : null;
  // A13: a late party moves to the on-site slot only when it enters; a party turned away whole leaves that place free.
  if (appointment) markArrived(ctx.tx, appointment.appointment.code, goingOn ? (onSite ?? undefined) : undefined);
  const occupancy = occupancyOf(ctx.tx, hallId, hall);
  if (denied) ctx.emit({ type: 'party.screened', party: partyView(denied), occupancy });
  // LV3: a party the level lets walk straight in is admitted with its ticket in this transaction; the others hold.
  const walkedIn = goingOn && route === 'admit' ? admitOnArrival(ctx, hallId, goingOn, staffId) : null;
  if (goingOn && !walkedIn) ctx.emit({ type: 'party.screened', party: partyView(goingOn), occupancy });
  return {
    party: walkedIn?.party ?? partyView((goingOn ?? denied)!),
    ticket: walkedIn?.ticket ?? null,
    phoneToken: walkedIn?.phoneToken ?? null,
    admitted: decision.admitted,
    reasons: decision.reasons,
    people: decision.people.map((person, index) => ({ ...person, admitted: decision.goingOn.includes(index) })),
    deniedParty: goingOn && denied ? partyView(denied) : null,
    comeBack: null,
  };
}

type ComeBack = NonNullable<ScreenVisitorResponse['comeBack']>;

/** A12, B7: what the passing members of a split party are told when no on-site place is free: when the next one opens, or none left today. */
function noPlaceComeBack(choice: Exclude<OnSiteChoice, { status: 'ok' }>, hall: ReturnType<typeof getHallRow>): ComeBack {
  if (choice.status === 'full') return { reason: 'no_place_today', time: null, keptUntil: null };
  return { reason: 'no_place_now', time: clockTime(choice.comeBackAt, hall.timezone), keptUntil: null };
}

/**
 * B7: a party split by S8 whose members who passed find no room in the
 * holding area (B4) or no on-site place (A12). The members turned away are
 * recorded as always (their denial and readings); the others are told why,
 * when to come back and, B6, until when an on-time appointment is kept for
 * them (it is not used: they check in with it on their return).
 */
function sentBack(ctx: CommandContext, hallId: string, hall: ReturnType<typeof getHallRow>, decision: ReturnType<typeof screenParty>, denied: typeof parties.$inferSelect, comeBack: ComeBack) {
  ctx.emit({ type: 'party.screened', party: partyView(denied), occupancy: occupancyOf(ctx.tx, hallId, hall) });
  return {
    party: partyView(denied),
    ticket: null,
    phoneToken: null,
    admitted: false,
    reasons: decision.reasons,
    people: decision.people.map((person) => ({ ...person, admitted: false })),
    deniedParty: null,
    comeBack,
  };
}

/** R10: the door's two rows, built once per connection. */
function insertParty(tx: Tx) {
  const columns = ['id', 'hallId', 'day', 'leadName', 'displayName', 'size', 'state', 'categoryId', 'appointmentCode', 'slotStart', 'arrivedAt', 'screenedAt', 'denialReasons'] as const;
  return prepared(tx, 'insert-party', (d) => d.insert(parties).values(placeholders<typeof parties.$inferInsert>(columns)).returning().prepare());
}

function insertScreening(tx: Tx) {
  const columns = ['id', 'hallId', 'partyId', 'staffId', 'at', 'readings', 'admitted', 'reasons'] as const;
  return prepared(tx, 'insert-screening', (d) => d.insert(screenings).values(placeholders<typeof screenings.$inferInsert>(columns)).prepare());
}
