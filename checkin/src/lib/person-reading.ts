import type { HealthCode, ManualVerificationMethod } from '@hallflow/shared';
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

/** A draft whose code colour and mask were chosen: what the page may send. */
export type ChosenDraft = PersonDraft & { healthCode: HealthCode; mask: MaskChoice };

export function emptyPerson(): PersonDraft {
  return { healthCode: null, temperature: null, recheck: null, mask: null, fever: false, cough: false, other: false, manual: false, manualMethod: null };
}

export function isChosen(person: PersonDraft): person is ChosenDraft {
  return person.healthCode !== null && person.mask !== null;
}

const typed = (value: number | null): value is number => typeof value === 'number' && !Number.isNaN(value);

export function toReading(person: ChosenDraft): ScreenVisitorBody['people'][number] {
  return {
    healthCode: person.healthCode,
    temperature: Number(person.temperature),
    temperatureRecheck: typed(person.recheck) ? person.recheck : null,
    mask: person.mask === 'own',
    maskProvided: person.mask === 'provided',
    symptoms: { fever: person.fever, cough: person.cough, other: person.other },
    ...(person.manual && person.manualMethod ? { manualVerification: { method: person.manualMethod } } : {}),
  };
}

/** S3: the first reading is at or above the threshold, so the form asks for a rest and a second reading. */
export function needsRecheck(person: PersonDraft, threshold: number): boolean {
  return typed(person.temperature) && person.temperature >= threshold;
}
