import { Type, type Static } from '@sinclair/typebox';
import type { HallInfo, HealthCode, ReasonView } from './types.ts';
import { MANUAL_VERIFICATION_METHODS, ManualVerificationMethodSchema } from './manual-verification.rules.ts';

/** What the door saw for one person of a party. */
export interface PersonReading {
  /** LV5: absent when the hall's level makes no such check (refused before it gets here when it does). */
  healthCode?: HealthCode;
  /** °C, first reading. Readings outside 30–45 are refused as instrument errors before they get here. */
  temperature?: number;
  /** °C, a second reading after a rest; when present it decides (rule S3). */
  temperatureRecheck?: number | null;
  mask?: boolean;
  /** The door handed out a mask on the spot (rule S4). */
  maskProvided?: boolean;
  symptoms?: { fever: boolean; cough: boolean; other: boolean };
}

/** S9: what a turned-away visitor is told to do next, per reason; the hall's own words. */
export const NextStepsSchema = Type.Object(
  {
    /** Red or yellow health code: the hall's instruction (call 12345, contact the community …). */
    healthCode: Type.String({ maxLength: 200 }),
    /** Fever or another symptom: the nearest fever clinic (发热门诊), its name and address. */
    feverClinic: Type.String({ maxLength: 100 }),
    feverClinicAddress: Type.String({ maxLength: 200 }),
    /** No mask: where masks are handed out. */
    maskPoint: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type NextSteps = Static<typeof NextStepsSchema>;

const policyFields = {
  /** At or above this temperature is fever. 37.3 °C by default. */
  feverThresholdC: Type.Number({ minimum: 36.5, maximum: 38.5 }),
  /** S3: a visitor at or above the threshold may be measured once more after a rest; when false the first reading decides. */
  allowRecheck: Type.Boolean(),
  /** S3: the rest the door staff are told to give before the second reading. */
  recheckRestMinutes: Type.Integer({ minimum: 0, maximum: 30 }),
  /** S8: when some members of a party fail, whether the members who pass may go on without them. */
  companionsMayContinue: Type.Boolean(),
  /** S9: what a denied visitor is told to do next. */
  nextSteps: NextStepsSchema,
  /** S11: a green health code is required to enter (on by default). */
  healthCodeRequired: Type.Boolean(),
  /** S11: a mask (own or handed out) is required to enter (on by default). */
  maskRequired: Type.Boolean(),
  /** LV2: the temperature is taken at the door (on by default; a prevention level sets it). */
  temperatureRequired: Type.Boolean(),
  /** LV2: the visitor is asked about symptoms (on by default; a prevention level sets it). */
  symptomsRequired: Type.Boolean(),
  /** MV1: how the door may check a visitor who has no smartphone or health code (both by default; none: every visitor shows a code). */
  manualVerification: Type.Array(ManualVerificationMethodSchema, { maxItems: MANUAL_VERIFICATION_METHODS.length, uniqueItems: true }),
};

/** A hall's screening policy (S3, S6, S8, S9), kept under `settings.screening`. */
export const ScreeningPolicySchema = Type.Object(policyFields, { additionalProperties: false });
export type ScreeningPolicy = Static<typeof ScreeningPolicySchema>;

/**
 * What `updateScreeningPolicy` takes: the whole policy, where the settings
 * added later (S8, S9) may be left out and then take their defaults, so a
 * client written before them still sets the threshold and recheck rule.
 */
export const ScreeningPolicyBodySchema = Type.Object(
  {
    ...policyFields,
    companionsMayContinue: Type.Optional(policyFields.companionsMayContinue),
    nextSteps: Type.Optional(policyFields.nextSteps),
    healthCodeRequired: Type.Optional(policyFields.healthCodeRequired),
    maskRequired: Type.Optional(policyFields.maskRequired),
    temperatureRequired: Type.Optional(policyFields.temperatureRequired),
    symptomsRequired: Type.Optional(policyFields.symptomsRequired),
    manualVerification: Type.Optional(policyFields.manualVerification),
  },
  { additionalProperties: false },
);
export type ScreeningPolicyBody = Static<typeof ScreeningPolicyBodySchema>;

export const DEFAULT_NEXT_STEPS: NextSteps = {
  healthCode: '请勿进入大厅，拨打12345政务服务便民热线或联系所在社区，按当地防疫要求处置',
  feverClinic: '',
  feverClinicAddress: '',
  maskPoint: '',
};

export const DEFAULT_SCREENING_POLICY: ScreeningPolicy = {
  feverThresholdC: 37.3,
  allowRecheck: true,
  recheckRestMinutes: 5,
  companionsMayContinue: false,
  nextSteps: DEFAULT_NEXT_STEPS,
  healthCodeRequired: true,
  maskRequired: true,
  temperatureRequired: true,
  symptomsRequired: true,
  manualVerification: [...MANUAL_VERIFICATION_METHODS],
};

/**
 * S11: the hall's entry rules as the public sees them (outdoor screen, lobby
 * notices): the fever threshold and whether a green code and a mask are
 * required. Rules only; nothing about anybody.
 */
export const EntryRulesSchema = Type.Object(
  {
    feverThresholdC: policyFields.feverThresholdC,
    healthCodeRequired: Type.Boolean(),
    maskRequired: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type EntryRules = Static<typeof EntryRulesSchema>;

/** S11: a hall's entry rules as its public info carries them (the defaults for info logged before they were added). */
export function hallEntryRules(hall: Pick<HallInfo, 'entryRules'>): EntryRules {
  return hall.entryRules ?? entryRules(DEFAULT_SCREENING_POLICY);
}

/** S11: the public entry rules of a screening policy. */
export function entryRules(policy: Pick<ScreeningPolicy, 'feverThresholdC' | 'healthCodeRequired' | 'maskRequired'>): EntryRules {
  return { feverThresholdC: policy.feverThresholdC, healthCodeRequired: policy.healthCodeRequired, maskRequired: policy.maskRequired };
}

export const TEMPERATURE_MIN_C = 30;
export const TEMPERATURE_MAX_C = 45;

const REASONS = {
  CODE_RED: { zh: '健康码为红码', en: 'Health code is red' },
  CODE_YELLOW: { zh: '健康码为黄码', en: 'Health code is yellow' },
  FEVER: { zh: '体温异常（发热）', en: 'Fever (temperature at or above the limit)' },
  NO_MASK: { zh: '未佩戴口罩', en: 'Not wearing a mask' },
  SYMPTOM_FEVER: { zh: '自述发热症状', en: 'Reports fever' },
  SYMPTOM_COUGH: { zh: '咳嗽', en: 'Cough' },
  SYMPTOM_OTHER: { zh: '其他可疑症状', en: 'Other symptoms' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ScreeningReasonCode = keyof typeof REASONS;

/** S9: the kind of next step each reason calls for. */
export type NextStepKind = 'health_code' | 'fever_clinic' | 'mask_point';
const STEP_OF: Record<ScreeningReasonCode, NextStepKind> = {
  CODE_RED: 'health_code',
  CODE_YELLOW: 'health_code',
  FEVER: 'fever_clinic',
  SYMPTOM_FEVER: 'fever_clinic',
  SYMPTOM_COUGH: 'fever_clinic',
  SYMPTOM_OTHER: 'fever_clinic',
  NO_MASK: 'mask_point',
};

/** A next step as shown to the visitor: its kind and the text in both languages. */
export interface NextStepView {
  code: NextStepKind;
  zh: string;
  en: string;
}

/** S9: a next step in words, from the hall's settings (a general one where the hall left a setting empty). */
export function nextStepText(kind: NextStepKind, steps: NextSteps): NextStepView {
  if (kind === 'health_code') {
    const zh = steps.healthCode.trim() || DEFAULT_NEXT_STEPS.healthCode;
    return { code: kind, zh, en: 'Do not enter the hall; follow the instruction above (call the 12345 hotline or your community)' };
  }
  if (kind === 'fever_clinic') {
    const name = steps.feverClinic.trim();
    const address = steps.feverClinicAddress.trim();
    if (!name) return { code: kind, zh: '请到就近的发热门诊就诊', en: 'Please go to the nearest fever clinic' };
    return {
      code: kind,
      zh: `请到发热门诊就诊：${name}${address ? `（${address}）` : ''}`,
      en: `Please go to the fever clinic: ${name}${address ? `, ${address}` : ''}`,
    };
  }
  const point = steps.maskPoint.trim();
  if (!point) return { code: kind, zh: '请佩戴口罩后再来', en: 'Please come back wearing a mask' };
  return { code: kind, zh: `请到口罩发放点领取口罩：${point}`, en: `Please get a mask at: ${point}` };
}

/** The door's judgement of one person (S1), with what they are told to do next when they fail (S9). */
export interface PersonDecision {
  /** This person meets every condition of S1. */
  passed: boolean;
  reasons: ReasonView[];
  nextSteps: NextStepView[];
}

export interface ScreeningDecision {
  /** Someone goes on to the holding area: the whole party, or (S8) the members who passed. */
  admitted: boolean;
  /** Every reason of every person who failed (S2); empty when everyone passed. */
  reasons: ReasonView[];
  /** One decision per person, in the order read. */
  people: PersonDecision[];
  /** Indexes of the people who go on to the holding area (S8). */
  goingOn: number[];
  /** Indexes of the people turned away. */
  turnedAway: number[];
}

function reason(code: ScreeningReasonCode, person: number, partySize: number): ReasonView {
  const text = REASONS[code];
  if (partySize === 1) return { code, ...text };
  return { code, zh: `第${person}人：${text.zh}`, en: `Person ${person}: ${text.en}` };
}

/** The temperature that counts: the recheck when taken and the hall allows one (S3), else the first reading. */
export function decisiveTemperature(reading: PersonReading, policy: Pick<ScreeningPolicy, 'allowRecheck'> = DEFAULT_SCREENING_POLICY): number | null {
  return (policy.allowRecheck ? (reading.temperatureRecheck ?? reading.temperature) : reading.temperature) ?? null;
}

type JudgedPolicy = Pick<ScreeningPolicy, 'allowRecheck' | 'feverThresholdC'> &
  Partial<Pick<ScreeningPolicy, 'healthCodeRequired' | 'maskRequired' | 'temperatureRequired' | 'symptomsRequired'>>;

/**
 * S1: why one person may not enter; none when they pass. S11: a code colour
 * or a missing mask counts only where the hall requires them; LV2: so do the
 * temperature and symptoms, which the level may leave out. A required check
 * with no reading fails (the server refuses such a request before, LV5).
 */
export function failedConditions(person: PersonReading, policy: JudgedPolicy = DEFAULT_SCREENING_POLICY): ScreeningReasonCode[] {
  const codes: ScreeningReasonCode[] = [];
  if (policy.healthCodeRequired ?? true) {
    if (person.healthCode !== 'green') codes.push(person.healthCode === 'yellow' ? 'CODE_YELLOW' : 'CODE_RED');
  }
  if (policy.temperatureRequired ?? true) {
    const temperature = decisiveTemperature(person, policy);
    if (temperature === null || temperature >= policy.feverThresholdC) codes.push('FEVER');
  }
  if ((policy.maskRequired ?? true) && !person.mask && !person.maskProvided) codes.push('NO_MASK');
  if (policy.symptomsRequired ?? true) {
    const symptoms = person.symptoms ?? { fever: true, cough: false, other: false };
    if (symptoms.fever) codes.push('SYMPTOM_FEVER');
    if (symptoms.cough) codes.push('SYMPTOM_COUGH');
    if (symptoms.other) codes.push('SYMPTOM_OTHER');
  }
  return codes;
}

/**
 * S1: each person is judged on their own: a green code, a temperature below
 * the fever threshold, a mask (own or provided) and no symptom.
 * S2: every reason of every person is listed.
 * S8: when some fail, the members who pass go on without them only if the
 * hall lets companions continue; otherwise the whole party is turned away.
 * S9: each failing person is told what to do next, per reason.
 */
export function screenParty(people: readonly PersonReading[], policy: ScreeningPolicy = DEFAULT_SCREENING_POLICY): ScreeningDecision {
  const decisions = people.map((person, index): PersonDecision => {
    const codes = failedConditions(person, policy);
    const kinds = [...new Set(codes.map((code) => STEP_OF[code]))];
    return {
      passed: codes.length === 0,
      reasons: codes.map((code) => reason(code, index + 1, people.length)),
      nextSteps: kinds.map((kind) => nextStepText(kind, policy.nextSteps)),
    };
  });
  const passing = decisions.flatMap((decision, index) => (decision.passed ? [index] : []));
  const everyone = passing.length === people.length && people.length > 0;
  const goingOn = everyone || policy.companionsMayContinue ? passing : [];
  return {
    admitted: goingOn.length > 0,
    reasons: decisions.flatMap((decision) => decision.reasons),
    people: decisions,
    goingOn,
    turnedAway: people.flatMap((_, index) => (goingOn.includes(index) ? [] : [index])),
  };
}
