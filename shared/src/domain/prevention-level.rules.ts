/**
 * Prevention levels (LV1–LV13 in docs/SPEC.md): 常态, 加强 and 严格, each a
 * named, editable preset of the policies a hall already has (screening at the
 * door, walk-ins, admission by batches, extended hours). Pure functions: the
 * server applies them inside the transaction of a level change or of a
 * visitor's arrival; the apps read the same presets to show what is in force.
 */
import { Type, type Static } from '@sinclair/typebox';
import { chooseBatch, type HoldingParty } from './batch.rules.ts';

export const PREVENTION_LEVELS = ['normal', 'elevated', 'strict'] as const;
export const PreventionLevelSchema = Type.Union([Type.Literal('normal'), Type.Literal('elevated'), Type.Literal('strict')]);
export type PreventionLevel = Static<typeof PreventionLevelSchema>;

/** The level's names as every app shows them. */
export const LEVEL_NAMES: Record<PreventionLevel, { zh: string; en: string }> = {
  normal: { zh: '常态', en: 'Normal' },
  elevated: { zh: '加强', en: 'Elevated' },
  strict: { zh: '严格', en: 'Strict' },
};

/**
 * LV2: which health checks the door makes; none at all turns the door into a
 * greeter's desk. The keys say "check" so these rules, which are public, never
 * look like a visitor's health facts (PV1).
 */
export const LevelChecksSchema = Type.Object(
  { healthCodeCheck: Type.Boolean(), temperatureCheck: Type.Boolean(), maskCheck: Type.Boolean(), symptomsCheck: Type.Boolean() },
  { additionalProperties: false },
);
export type LevelChecks = Static<typeof LevelChecksSchema>;
export type CheckName = keyof LevelChecks;
export const CheckNameSchema = Type.Union([Type.Literal('healthCodeCheck'), Type.Literal('temperatureCheck'), Type.Literal('maskCheck'), Type.Literal('symptomsCheck')]);
export const CHECK_NAMES: readonly CheckName[] = ['healthCodeCheck', 'temperatureCheck', 'maskCheck', 'symptomsCheck'];
/** The reading each check needs, as the screening body names it. */
const READING_OF: Record<CheckName, keyof LevelReading> = { healthCodeCheck: 'healthCode', temperatureCheck: 'temperature', maskCheck: 'mask', symptomsCheck: 'symptoms' };

/**
 * LV3: how people get into the hall once past the door's checks: `free` walks
 * straight in (the density limit is only an alert), `batches_above_share`
 * walks in while the hall is below a share of its limit and nobody holds,
 * `batches` always goes through the holding area and batch admission.
 */
export const AdmissionModeSchema = Type.Union([Type.Literal('free'), Type.Literal('batches_above_share'), Type.Literal('batches')]);
export type AdmissionMode = Static<typeof AdmissionModeSchema>;

/** A12 plus 常态's "walk-ins welcome": a visitor without an appointment needs no slot at all. */
export const WalkInPolicySchema = Type.Union([Type.Literal('welcome'), Type.Literal('on_site_if_free'), Type.Literal('appointment_only')]);
export type WalkInPolicy = Static<typeof WalkInPolicySchema>;

/** LV1: one level's preset; applying it writes each field into the hall's own policy of that name. */
export const LevelPresetSchema = Type.Object(
  {
    /** Screening policy: which checks the door makes (S1, S11). */
    checks: LevelChecksSchema,
    /** Appointment policy: visitors without an appointment (A12). */
    walkIns: WalkInPolicySchema,
    /** Crowd policy: how visitors get in (B1–B4). */
    admission: AdmissionModeSchema,
    /** With `batches_above_share`: batches start when the hall reaches this share of its limit, in percent. */
    batchAboveSharePercent: Type.Integer({ minimum: 10, maximum: 100 }),
    /** Opening hours: minutes of extended service (H2); null keeps the hall's own setting. */
    extendedMinutes: Type.Union([Type.Integer({ minimum: 0, maximum: 180 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type LevelPreset = Static<typeof LevelPresetSchema>;

export const LevelPresetsSchema = Type.Object(
  { normal: LevelPresetSchema, elevated: LevelPresetSchema, strict: LevelPresetSchema },
  { additionalProperties: false },
);
export type LevelPresets = Static<typeof LevelPresetsSchema>;

/** LV1: the presets every hall starts with, as the issue describes the three levels. 严格 is the reopened halls' rules, as before levels existed. */
export const DEFAULT_LEVEL_PRESETS: LevelPresets = {
  normal: {
    checks: { healthCodeCheck: false, temperatureCheck: false, maskCheck: false, symptomsCheck: false },
    walkIns: 'welcome',
    admission: 'free',
    batchAboveSharePercent: 100,
    extendedMinutes: null,
  },
  elevated: {
    checks: { healthCodeCheck: false, temperatureCheck: true, maskCheck: true, symptomsCheck: false },
    walkIns: 'on_site_if_free',
    admission: 'batches_above_share',
    batchAboveSharePercent: 80,
    extendedMinutes: null,
  },
  strict: {
    checks: { healthCodeCheck: true, temperatureCheck: true, maskCheck: true, symptomsCheck: true },
    walkIns: 'appointment_only',
    admission: 'batches',
    batchAboveSharePercent: 100,
    extendedMinutes: null,
  },
};

/** A hall that has never switched is at 严格: every rule on, as HallFlow ran before levels. */
export const DEFAULT_PREVENTION_LEVEL: PreventionLevel = 'strict';

/** LV4: levels are ordered 常态 < 加强 < 严格; moving up tightens, moving down relaxes. */
export function levelRank(level: PreventionLevel): number {
  return PREVENTION_LEVELS.indexOf(level);
}

export type LevelMove = 'tighten' | 'relax' | 'reapply';
export function levelMove(from: PreventionLevel, to: PreventionLevel): LevelMove {
  const delta = levelRank(to) - levelRank(from);
  return delta > 0 ? 'tighten' : delta < 0 ? 'relax' : 'reapply';
}

/** LV2: a door with no check to make is a greeter's desk: count people in and out, and issue tickets. */
export function isGreeterDoor(checks: LevelChecks): boolean {
  return CHECK_NAMES.every((name) => !checks[name]);
}

/** LV3: whether this level puts anyone through the holding area and batches (at some occupancy). */
export function levelUsesBatches(admission: AdmissionMode): boolean {
  return admission !== 'free';
}

export interface OccupancyFigures {
  inside: number;
  holding: number;
  capacity: number;
}

/**
 * LV3: where a party that passed the door's checks goes. `free`: in, even at
 * the limit (the limit stays an alert). `batches`: the holding area.
 * `batches_above_share`: in only while nobody holds (no overtaking, B1) and
 * the hall stays within the share of its limit after they enter; otherwise
 * the holding area. So under any level that uses batches nobody walks in past
 * the limit.
 */
export function admissionRoute(preset: Pick<LevelPreset, 'admission' | 'batchAboveSharePercent'>, occupancy: OccupancyFigures, size: number): 'admit' | 'hold' {
  if (preset.admission === 'free') return 'admit';
  if (preset.admission === 'batches') return 'hold';
  const threshold = Math.min(occupancy.capacity, Math.floor((occupancy.capacity * preset.batchAboveSharePercent) / 100));
  return occupancy.holding === 0 && occupancy.inside + size <= threshold ? 'admit' : 'hold';
}

/** One person's readings as the door sent them; a check the level does not make may be left out. */
export interface LevelReading {
  healthCode?: unknown;
  temperature?: unknown;
  mask?: unknown;
  symptoms?: unknown;
}

/**
 * LV5: the checks a level requires that a person's readings lack, as field
 * paths (`body/people/0/temperature`), so nobody passes a check nobody made.
 */
export function missingChecks(checks: LevelChecks, people: readonly LevelReading[]): string[] {
  return people.flatMap((person, index) =>
    CHECK_NAMES.filter((name) => checks[name] && (person[READING_OF[name]] === undefined || person[READING_OF[name]] === null)).map((name) => `body/people/${index}/${READING_OF[name]}`),
  );
}

/**
 * LV6: relaxing to a level whose admission is not always by batch releases
 * the holding area in holding order (B1), whole parties, within the limit,
 * stopping at the first party that does not fit (nobody is overtaken, B2).
 * Tightening releases nobody: people inside stay, and those holding wait for
 * batches as before.
 */
export function releaseOnChange(from: PreventionLevel, to: PreventionLevel, preset: Pick<LevelPreset, 'admission'>, holding: readonly HoldingParty[], free: number): HoldingParty[] {
  if (levelMove(from, to) !== 'relax' || preset.admission === 'batches') return [];
  return chooseBatch(holding, free, Number.MAX_SAFE_INTEGER);
}

/** LV10: no check at all: what a party let in by a greeter's desk (LV12) was checked for. */
export const NO_CHECKS: LevelChecks = { healthCodeCheck: false, temperatureCheck: false, maskCheck: false, symptomsCheck: false };

/**
 * LV10: the checks a level requires that a party's screening did not make
 * (`made`: the checks required when it was screened, and any it was
 * re-checked for since), in the door's order. Checks are judged at arrival
 * (LV5), so a party that waits in the holding area while the hall tightens
 * would otherwise go in without them.
 */
export function checksToRecheck(required: LevelChecks, made: LevelChecks): CheckName[] {
  return CHECK_NAMES.filter((name) => required[name] && !made[name]);
}

/** LV10: one party in the holding area: the checks made for it, and the re-check it is marked for now. */
export interface HoldingCheckState {
  id: string;
  made: LevelChecks;
  recheck: readonly CheckName[];
}

/**
 * LV10: on a change of level, each party in the holding area is marked for
 * the checks the new level requires that were never made for it (tightening
 * adds marks; relaxing may clear them). Only the parties whose mark changes
 * are returned. Nobody inside is touched: they stay inside.
 */
export function recheckMarks(required: LevelChecks, holding: readonly HoldingCheckState[]): { id: string; recheck: CheckName[] }[] {
  return holding.flatMap((party) => {
    const recheck = checksToRecheck(required, party.made);
    const same = recheck.length === party.recheck.length && recheck.every((name) => party.recheck.includes(name));
    return same ? [] : [{ id: party.id, recheck }];
  });
}

/** LV10: the checks made once a re-check has made `rechecked` too. */
export function checksAfterRecheck(made: LevelChecks, rechecked: readonly CheckName[]): LevelChecks {
  return Object.fromEntries(CHECK_NAMES.map((name) => [name, made[name] || rechecked.includes(name)])) as LevelChecks;
}

/** LV10: the checks named as a level's check set (the re-check form asks these and only these). */
export function checksOnly(names: readonly CheckName[]): LevelChecks {
  return checksAfterRecheck(NO_CHECKS, names);
}

/** A level change as stored: scheduled ones wait for `effectiveAt`. */
export interface LevelChangeLike {
  hallId: string;
  toLevel: PreventionLevel;
  effectiveAt: string;
  appliedAt: string | null;
  cancelledAt?: string | null;
}

/** LV7: the scheduled changes due at `now`, oldest first (each hall moves through them in order). */
export function dueChanges<C extends LevelChangeLike>(changes: readonly C[], now: Date): C[] {
  return changes
    .filter((change) => change.appliedAt === null && !change.cancelledAt && Date.parse(change.effectiveAt) <= now.getTime())
    .toSorted((a, b) => a.effectiveAt.localeCompare(b.effectiveAt));
}

/**
 * LV8: the level in force at an instant (the confirmation prints the rules of
 * the day of the visit): the last change effective by then, applied or still
 * scheduled, else the level the hall is at now.
 */
export function levelAt(current: PreventionLevel, changes: readonly LevelChangeLike[], now: Date, at: Date): PreventionLevel {
  if (at.getTime() <= now.getTime()) return current;
  const pending = changes
    .filter((change) => change.appliedAt === null && !change.cancelledAt && Date.parse(change.effectiveAt) <= at.getTime())
    .toSorted((a, b) => a.effectiveAt.localeCompare(b.effectiveAt));
  return pending.at(-1)?.toLevel ?? current;
}

/** What the public is told is in force (booking page, outdoor screen, lobby, confirmation): the level and its rules only. */
export const LevelRulesSchema = Type.Object({
  level: PreventionLevelSchema,
  checks: LevelChecksSchema,
  walkIns: WalkInPolicySchema,
  admission: AdmissionModeSchema,
});
export type LevelRules = Static<typeof LevelRulesSchema>;

export function levelRules(level: PreventionLevel, preset: LevelPreset): LevelRules {
  return { level, checks: preset.checks, walkIns: preset.walkIns, admission: preset.admission };
}

/** The rules in force as sentences, in both languages, for every public page and screen (one wording everywhere). */
export function describeLevelRules(rules: LevelRules, feverThresholdC = 37.3): { zh: string; en: string }[] {
  const lines: { zh: string; en: string }[] = [];
  const { checks } = rules;
  if (isGreeterDoor(checks)) lines.push({ zh: '无需健康查验，直接入厅', en: 'No health checks at the door' });
  if (checks.healthCodeCheck) lines.push({ zh: '出示绿色健康码', en: 'Show a green health code' });
  if (checks.temperatureCheck) lines.push({ zh: `测量体温（${feverThresholdC}℃以下）`, en: `Temperature check (below ${feverThresholdC} °C)` });
  if (checks.maskCheck) lines.push({ zh: '全程佩戴口罩', en: 'Wear a mask' });
  if (checks.symptomsCheck) lines.push({ zh: '无发热、咳嗽等症状', en: 'No fever, cough or other symptoms' });
  if (rules.walkIns === 'appointment_only') lines.push({ zh: '仅限预约办理', en: 'Appointments only' });
  else if (rules.walkIns === 'on_site_if_free') lines.push({ zh: '预约优先，有空余名额可现场办理', en: 'Appointments first; walk-ins if places are free' });
  else lines.push({ zh: '欢迎现场办理', en: 'Walk-ins welcome' });
  if (rules.admission === 'batches') lines.push({ zh: '候场区等候，分批入场', en: 'Wait in the holding area; entry in batches' });
  else if (rules.admission === 'batches_above_share') lines.push({ zh: '人多时分批入场', en: 'Entry in batches when the hall is busy' });
  return lines;
}

/** LV8: a hall's level rules as its public info carries them (严格's defaults for info logged before levels). */
export function hallLevelRules(hall: { levelRules?: LevelRules }): LevelRules {
  return hall.levelRules ?? levelRules(DEFAULT_PREVENTION_LEVEL, DEFAULT_LEVEL_PRESETS[DEFAULT_PREVENTION_LEVEL]);
}

/** LV8: the last instant of a local date in a time zone: a change effective by then is in force that day. */
export function endOfLocalDay(date: string, timezone: string): Date {
  const guess = Date.parse(`${date}T23:59:59Z`);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const local = Date.parse(`${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}Z`);
  return new Date(guess - (local - guess));
}
