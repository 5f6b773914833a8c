import type { HealthCode } from '@hallflow/shared';

/** The form's model of one person's readings; temperature is text until submitted. */
export interface PersonDraft {
  healthCode: HealthCode;
  temperature: string;
  recheck: string;
  mask: boolean;
  maskProvided: boolean;
  fever: boolean;
  cough: boolean;
  other: boolean;
}

/** The common case is a green code, a mask and no symptoms: staff only type the temperature. */
export function emptyPerson(): PersonDraft {
  return { healthCode: 'green', temperature: '', recheck: '', mask: true, maskProvided: false, fever: false, cough: false, other: false };
}

export function toReading(person: PersonDraft) {
  return {
    healthCode: person.healthCode,
    temperature: Number(person.temperature),
    temperatureRecheck: person.recheck.trim() === '' ? null : Number(person.recheck),
    mask: person.mask,
    maskProvided: person.maskProvided,
    symptoms: { fever: person.fever, cough: person.cough, other: person.other },
  };
}
