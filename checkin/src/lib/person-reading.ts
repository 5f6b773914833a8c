import type { HealthCode, LevelChecks, ManualVerificationMethod } from '@hallflow/shared';
import type { ScreenVisitorBody } from '@hallflow/shared/api';

/** S4: a mask of their own, one handed out at the door, or none. */
export type MaskChoice = 'own' | 'provided' | 'none';

/**
 * The form's model of one person's readings; number inputs bind a number,
 * or null while empty. S10: the code colour and the mask start unchosen, so
 * an untouched form cannot pass anyone.
 */
export interface PersonDraft {
  healthCode: HealthCode | null;
  temperature: number | null;
  recheck: number | null;
  mask: MaskChoice | null;
  fever: boolean;
  cough: boolean;
  other: boolean;
  /** MV1: no code on a phone; the door checks by hand with one of the hall's methods. */
  manual: boolean;
  manualMethod: ManualVerificationMethod | null;
}


export function emptyPerson(): PersonDraft {
  return { healthCode: null, temperature: null, recheck: null, mask: null, fever: false, cough: false, other: false, manual: false, manualMethod: null };
}


const typed = (value: number | null): value is number => typeof value === 'number' && !Number.isNaN(value);

/** LV2: the readings of the checks the level requires, and only those (a check the level does not make is not recorded). */
export function toReading(person: PersonDraft, checks: LevelChecks): ScreenVisitorBody['people'][number] {
  return {
    ...(checks.healthCodeCheck && person.healthCode ? { healthCode: person.healthCode } : {}),
    ...(checks.healthCodeCheck && person.manual && person.manualMethod ? { manualVerification: { method: person.manualMethod } } : {}),
    ...(checks.temperatureCheck ? { temperature: Number(person.temperature), temperatureRecheck: typed(person.recheck) ? person.recheck : null } : {}),
    ...(checks.maskCheck && person.mask ? { mask: person.mask === 'own', maskProvided: person.mask === 'provided' } : {}),
    ...(checks.symptomsCheck ? { symptoms: { fever: person.fever, cough: person.cough, other: person.other } } : {}),
  };
}

/** S3: the first reading is at or above the threshold, so the form asks for a rest and a second reading. */
export function needsRecheck(person: PersonDraft, threshold: number): boolean {
  return typed(person.temperature) && person.temperature >= threshold;
}
