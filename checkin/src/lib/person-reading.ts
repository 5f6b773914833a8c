import type { HealthCode } from '@hallflow/shared';

/** The form's model of one person's readings; number inputs bind a number, or null while empty. */
export interface PersonDraft {
  healthCode: HealthCode;
  temperature: number | null;
  recheck: number | null;
  mask: boolean;
  maskProvided: boolean;
  fever: boolean;
  cough: boolean;
  other: boolean;
}

/** The common case is a green code, a mask and no symptoms: staff only type the temperature. */
export function emptyPerson(): PersonDraft {
  return { healthCode: 'green', temperature: null, recheck: null, mask: true, maskProvided: false, fever: false, cough: false, other: false };
}

export function toReading(person: PersonDraft) {
  return {
    healthCode: person.healthCode,
    temperature: Number(person.temperature),
    temperatureRecheck: typeof person.recheck === 'number' && !Number.isNaN(person.recheck) ? person.recheck : null,
    mask: person.mask,
    maskProvided: person.maskProvided,
    symptoms: { fever: person.fever, cough: person.cough, other: person.other },
  };
}
