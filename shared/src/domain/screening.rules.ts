import { Type, type Static } from '@sinclair/typebox';
import type { HealthCode, ReasonView } from './types.ts';

/** What the door saw for one person of a party. */
export interface PersonReading {
  healthCode: HealthCode;
  /** °C, first reading. Readings outside 30–45 are refused as instrument errors before they get here. */
  temperature: number;
  /** °C, a second reading after a rest; when present it decides (rule S3). */
  temperatureRecheck?: number | null;
  mask: boolean;
  /** The door handed out a mask on the spot (rule S4). */
  maskProvided?: boolean;
  symptoms: { fever: boolean; cough: boolean; other: boolean };
}

/** A hall's screening policy (S6), kept under `settings.screening`. */
export const ScreeningPolicySchema = Type.Object(
  {
    /** At or above this temperature is fever. 37.3 °C by default. */
    feverThresholdC: Type.Number({ minimum: 36.5, maximum: 38.5 }),
    /** S3: a visitor at or above the threshold may be measured once more after a rest; when false the first reading decides. */
    allowRecheck: Type.Boolean(),
    /** S3: the rest the door staff are told to give before the second reading. */
    recheckRestMinutes: Type.Integer({ minimum: 0, maximum: 30 }),
  },
  { additionalProperties: false },
);
export type ScreeningPolicy = Static<typeof ScreeningPolicySchema>;

export const DEFAULT_SCREENING_POLICY: ScreeningPolicy = { feverThresholdC: 37.3, allowRecheck: true, recheckRestMinutes: 5 };

export const TEMPERATURE_MIN_C = 30;
export const TEMPERATURE_MAX_C = 45;

export interface ScreeningDecision {
  admitted: boolean;
  /** Every reason found, per person; empty when admitted. */
  reasons: ReasonView[];
}

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

function reason(code: ScreeningReasonCode, person: number, partySize: number): ReasonView {
  const text = REASONS[code];
  if (partySize === 1) return { code, ...text };
  return { code, zh: `第${person}人：${text.zh}`, en: `Person ${person}: ${text.en}` };
}

/** The temperature that counts: the recheck when taken and the hall allows one (S3), else the first reading. */
export function decisiveTemperature(reading: PersonReading, policy: Pick<ScreeningPolicy, 'allowRecheck'> = DEFAULT_SCREENING_POLICY): number {
  return policy.allowRecheck ? (reading.temperatureRecheck ?? reading.temperature) : reading.temperature;
}

/**
 * S1: a party enters only if every person has a green code, a temperature
 * below the fever threshold, a mask (own or provided) and no symptom.
 * S2: any failing person denies the whole party, and every reason is listed.
 */
export function screenParty(
  people: readonly PersonReading[],
  policy: ScreeningPolicy = DEFAULT_SCREENING_POLICY,
): ScreeningDecision {
  const reasons: ReasonView[] = [];
  people.forEach((person, index) => {
    const n = index + 1;
    const add = (code: ScreeningReasonCode) => reasons.push(reason(code, n, people.length));
    if (person.healthCode === 'red') add('CODE_RED');
    if (person.healthCode === 'yellow') add('CODE_YELLOW');
    if (decisiveTemperature(person, policy) >= policy.feverThresholdC) add('FEVER');
    if (!person.mask && !person.maskProvided) add('NO_MASK');
    if (person.symptoms.fever) add('SYMPTOM_FEVER');
    if (person.symptoms.cough) add('SYMPTOM_COUGH');
    if (person.symptoms.other) add('SYMPTOM_OTHER');
  });
  return { admitted: people.length > 0 && reasons.length === 0, reasons };
}
