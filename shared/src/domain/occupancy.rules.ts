import { Type, type Static } from '@sinclair/typebox';
import { AdmissionModeSchema } from './prevention-level.rules.ts';

/** A hall's crowd-control settings, kept under `settings.crowd`. */
export const CrowdSettingsSchema = Type.Object(
  {
    /** C2: alert when occupancy reaches these shares of capacity. */
    alertLevels: Type.Tuple([Type.Number({ exclusiveMinimum: 0, maximum: 1 }), Type.Number({ exclusiveMinimum: 0, maximum: 1 })]),
    /** X2: a visitor whose service ended and who was not seen leaving is counted out after this many minutes. */
    countOutMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
    /** B3: what happens when free places reach `autoThreshold`: nothing, a proposal to the door, or an automatic batch. */
    autoMode: Type.Union([Type.Literal('manual'), Type.Literal('propose'), Type.Literal('auto')]),
    autoThreshold: Type.Integer({ minimum: 1, maximum: 10_000 }),
    /** P2: entry-log rows are kept this many days (contact tracing), then purged. */
    retentionDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** LV3: how visitors past the door get in (set by the prevention level; batches as before levels). */
    admission: Type.Optional(AdmissionModeSchema),
    /** LV3: with `batches_above_share`, the share of the limit (percent) from which batches start. */
    batchAboveSharePercent: Type.Optional(Type.Integer({ minimum: 10, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type CrowdSettings = Static<typeof CrowdSettingsSchema>;

export const DEFAULT_CROWD_SETTINGS: CrowdSettings = {
  alertLevels: [0.8, 0.9],
  countOutMinutes: 20,
  autoMode: 'manual',
  autoThreshold: 5,
  retentionDays: 28,
};

export type OccupancyLevel = 'normal' | 'high' | 'very_high' | 'full';

/** C2: the alert level of an occupancy: at or above each threshold, and full at capacity. */
export function occupancyLevel(inside: number, capacity: number, alertLevels: readonly [number, number]): OccupancyLevel {
  if (inside >= capacity) return 'full';
  if (inside >= capacity * alertLevels[1]) return 'very_high';
  if (inside >= capacity * alertLevels[0]) return 'high';
  return 'normal';
}

/** X1: people inside = people of admitted parties plus the hall's adjustment (taps, corrections), never below 0. */
export function insideCount(admittedPeople: number, adjustment: number): number {
  return Math.max(0, admittedPeople + adjustment);
}

/**
 * X1: when a party leaves by scan, a negative adjustment (people already
 * counted out by the "one left" tap) is absorbed so the count never goes
 * below zero and nobody is counted out twice.
 */
export function adjustmentAfterExit(admittedPeopleAfter: number, adjustment: number): number {
  const floor = admittedPeopleAfter > 0 ? -admittedPeopleAfter : 0;
  return Math.max(adjustment, floor);
}

/** X2: whether a visitor whose service ended at `finishedAt` is now counted out. */
export function countOutDue(finishedAt: string, now: Date, countOutMinutes: number): boolean {
  return now.getTime() - Date.parse(finishedAt) >= countOutMinutes * 60_000;
}

/** B3: what to do about the next batch when free places change. */
export function autoBatchDecision(free: number, holdingPeople: number, settings: Pick<CrowdSettings, 'autoMode' | 'autoThreshold'>): 'none' | 'propose' | 'admit' {
  if (settings.autoMode === 'manual' || holdingPeople === 0 || free < settings.autoThreshold) return 'none';
  return settings.autoMode === 'auto' ? 'admit' : 'propose';
}

export interface DiversionCandidate {
  hallId: string;
  name: string;
  nameEn: string;
  free: number;
  waiting: number;
  /** Minutes to be served there, estimated from that hall's own measured handling time (E1–E3); null when no window serves the queue now. */
  estimatedWaitMinutes: number | null;
  /** D3: null when that hall issues tickets now; else the time (HH:MM) it first does later today. */
  opensAt: string | null;
}

/**
 * D1: other halls offering the service, those issuing tickets now first
 * (D3: those that do later today follow, the soonest first); within each,
 * those with room first, then the shortest estimated wait (a hall where no
 * window serves the queue now comes after those with an estimate), then the
 * most room.
 */
export function rankDiversion<C extends DiversionCandidate>(candidates: readonly C[]): C[] {
  const byWait = (a: DiversionCandidate, b: DiversionCandidate) =>
    a.estimatedWaitMinutes === b.estimatedWaitMinutes ? 0 : a.estimatedWaitMinutes === null ? 1 : b.estimatedWaitMinutes === null ? -1 : a.estimatedWaitMinutes - b.estimatedWaitMinutes;
  const byOpening = (a: DiversionCandidate, b: DiversionCandidate) => (a.opensAt ?? '').localeCompare(b.opensAt ?? '');
  return [...candidates].sort((a, b) => byOpening(a, b) || Number(b.free > 0) - Number(a.free > 0) || byWait(a, b) || b.free - a.free);
}
