import {
  CHECK_NAMES,
  NO_CHECKS,
  checksAfterRecheck,
  checksOnly,
  missingChecks,
  recheckMarks,
  screenParty,
  type CheckName,
  type LevelChecks,
  type PartyView,
} from '@hallflow/shared';
import type { RecheckPartyBody } from '@hallflow/shared/api';
import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError, conflict, invalidField } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Tx } from '../../db/connection.ts';
import { parties, screenings } from '../../db/schema/index.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { screeningPolicy } from '../hall/hall-policy.ts';
import { rulesInForce } from '../hall/level-policy.ts';
import { partyView } from '../hall/views.ts';
import { healthCodeVerdicts } from './manual-verification.ts';

type ScreeningRow = typeof screenings.$inferSelect;

/** Every check on: what a screening recorded before levels (LV5) had made. */
const ALL_CHECKS: LevelChecks = { healthCodeCheck: true, temperatureCheck: true, maskCheck: true, symptomsCheck: true };

/**
 * LV10: the checks made for a party: those its screening record says were
 * required then (and those a re-check added); every check for a record from
 * before levels; none for a party a greeter's desk sent to holding (LV12).
 */
function checksMade(screening: ScreeningRow | undefined): LevelChecks {
  if (!screening) return NO_CHECKS;
  const first = screening.readings?.[0] as { checksRequired?: LevelChecks } | undefined;
  return first?.checksRequired ?? ALL_CHECKS;
}

function screeningOf(tx: Tx, partyId: string): ScreeningRow | undefined {
  return tx.select().from(screenings).where(eq(screenings.partyId, partyId)).get();
}

/**
 * LV10: after a change of level, marks each holding party for the checks the
 * new level requires that were never made for it (and clears marks a relaxing
 * change no longer needs). Returns the parties whose mark changed, for staff.
 */
export function markRechecks(ctx: CommandContext, hallId: string): PartyView[] {
  const required = rulesInForce(getHallRow(ctx.tx, hallId).settings).checks;
  const holding = ctx.tx.select().from(parties).where(and(eq(parties.hallId, hallId), eq(parties.state, 'holding'))).all();
  const marks = recheckMarks(
    required,
    holding.map((party) => ({ id: party.id, made: checksMade(screeningOf(ctx.tx, party.id)), recheck: party.recheck })),
  );
  return marks.map((mark) => partyView(ctx.tx.update(parties).set({ recheck: mark.recheck }).where(eq(parties.id, mark.id)).returning().get()!));
}

/**
 * LV10: door staff re-check a marked party in the holding area for its
 * missing checks only (each one required, LV5; judged as at the door, S1,
 * S8, MV1). Those who pass hold on in their place, unmarked; those who fail
 * are turned away with their reasons (the whole party unless the hall lets
 * companions go on). The screening record keeps the re-check's readings and
 * the checks now made.
 */
export function recheckParty(ctx: CommandContext, hallId: string, partyId: string, body: RecheckPartyBody, staffId: string) {
  const hall = getHallRow(ctx.tx, hallId);
  const party = ctx.tx.select().from(parties).where(and(eq(parties.id, partyId), eq(parties.hallId, hallId))).get();
  if (!party) throw new DomainError(404, 'NOT_FOUND', `Party ${partyId} not found`);
  if (party.state !== 'holding' || party.recheck.length === 0) throw conflict('RECHECK_NOT_NEEDED', '该组来访者无需复检 · This party needs no re-check');
  if (body.people.length !== party.size) {
    throw invalidField('people', { zh: `每人一条记录（本组 ${party.size} 人）`, en: `one reading per person (${party.size} in this party)` });
  }
  const asked: readonly CheckName[] = party.recheck;
  const checks = checksOnly(asked);
  const missing = missingChecks(checks, body.people);
  if (missing.length > 0) throw new DomainError(400, 'CHECK_REQUIRED', `${missing[0]}: 复检需要此项查验 · the re-check needs this check`, { field: missing[0]! });
  // Only the missing checks are judged: the others were judged at the door and stand (LV5).
  const policy = {
    ...screeningPolicy(hall.settings),
    healthCodeRequired: checks.healthCodeCheck,
    temperatureRequired: checks.temperatureCheck,
    maskRequired: checks.maskCheck,
    symptomsRequired: checks.symptomsCheck,
  };
  const people = body.people.map((person) => Object.fromEntries(Object.entries(person).filter(([key]) => key === 'manualVerification' || isAsked(key, asked)))) as RecheckPartyBody['people'];
  const codes = healthCodeVerdicts(people, policy, staffId);
  const decision = screenParty(
    people.map((person, index) => ({ ...person, healthCode: codes[index]?.verdict?.color })),
    policy,
  );
  const at = ctx.now.toISOString();
  const screening = screeningOf(ctx.tx, party.id);
  const made = checksAfterRecheck(checksMade(screening), asked);
  const readings = people.map((person, index) => {
    const { manualVerification: _sent, ...reading } = person;
    const manualCheck = codes[index]!.manualCheck;
    const before = (screening?.readings?.[index] ?? { person: index + 1 }) as Record<string, unknown>;
    return { ...before, ...reading, checksRequired: made, recheck: { at, staffId, checks: asked, ...(manualCheck ? { manualCheck } : {}) } };
  });
  const reasons = decision.reasons;
  if (screening) {
    ctx.tx
      .update(screenings)
      .set({ readings, admitted: decision.goingOn.length > 0, reasons: [...screening.reasons, ...reasons] })
      .where(eq(screenings.id, screening.id))
      .run();
  } else {
    ctx.tx.insert(screenings).values({ id: newId(), hallId, partyId: party.id, staffId, at, readings, admitted: decision.goingOn.length > 0, reasons }).run();
  }
  const touched: PartyView[] = [];
  if (decision.goingOn.length === party.size) {
    touched.push(partyView(ctx.tx.update(parties).set({ recheck: [] }).where(eq(parties.id, party.id)).returning().get()!));
  } else if (decision.goingOn.length === 0) {
    touched.push(partyView(ctx.tx.update(parties).set({ state: 'denied', recheck: [], denialReasons: reasons }).where(eq(parties.id, party.id)).returning().get()!));
  } else {
    // S8: the members who pass hold on; the others are a denied party of their own, with their reasons.
    touched.push(partyView(ctx.tx.update(parties).set({ size: decision.goingOn.length, recheck: [] }).where(eq(parties.id, party.id)).returning().get()!));
    const turnedAway = ctx.tx
      .insert(parties)
      .values({ ...party, id: newId(), size: decision.turnedAway.length, state: 'denied', recheck: [], denialReasons: reasons, appointmentCode: null })
      .returning()
      .get();
    touched.push(partyView(turnedAway));
  }
  const occupancy = occupancyOf(ctx.tx, hallId, hall);
  ctx.emit({ type: 'party.rechecked', parties: touched, occupancy });
  return {
    party: touched[0]!,
    deniedParty: touched.find((view) => view.state === 'denied' && view.id !== touched[0]!.id) ?? null,
    passed: decision.goingOn.length > 0,
    reasons,
    people: decision.people.map((person, index) => ({ ...person, admitted: decision.goingOn.includes(index) })),
  };
}

const READING_KEYS: Record<CheckName, readonly string[]> = {
  healthCodeCheck: ['healthCode'],
  temperatureCheck: ['temperature', 'temperatureRecheck'],
  maskCheck: ['mask', 'maskProvided'],
  symptomsCheck: ['symptoms'],
};

/** LV10: a re-check reads only what it asks; a reading of a check it does not ask is left out, not judged again. */
function isAsked(key: string, asked: readonly CheckName[]): boolean {
  return CHECK_NAMES.some((name) => asked.includes(name) && READING_KEYS[name].includes(key));
}
