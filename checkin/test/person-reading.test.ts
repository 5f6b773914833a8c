import { describe, expect, it } from 'vitest';
import { emptyPerson, isChosen, needsRecheck, toReading, type ChosenDraft } from '../src/lib/person-reading';

const chosen = (over: Partial<ChosenDraft> = {}): ChosenDraft => ({ ...emptyPerson(), healthCode: 'green', mask: 'own', ...over });

describe('the door form’s readings', () => {
  it('[S3] a typed recheck is sent as the second reading; an empty one as none', () => {
    expect(toReading(chosen({ temperature: 37.6, recheck: 36.8 }))).toMatchObject({ temperature: 37.6, temperatureRecheck: 36.8 });
    expect(toReading(chosen({ temperature: 36.6 }))).toMatchObject({ temperature: 36.6, temperatureRecheck: null });
  });

  it('[S3] the form asks for a recheck from the threshold up, not below, and not before a reading', () => {
    expect(needsRecheck({ ...emptyPerson(), temperature: 37.3 }, 37.3)).toBe(true);
    expect(needsRecheck({ ...emptyPerson(), temperature: 37.2 }, 37.3)).toBe(false);
    expect(needsRecheck(emptyPerson(), 37.3)).toBe(false);
  });

  it('[S10] a new person has no code colour and no mask chosen, so the form cannot send them', () => {
    expect(isChosen(emptyPerson())).toBe(false);
    expect(isChosen({ ...emptyPerson(), healthCode: 'green' })).toBe(false);
    expect(isChosen({ ...emptyPerson(), healthCode: 'green', mask: 'none' })).toBe(true);
  });

  it('[S4][S1] a mask of one’s own, one handed out at the door, and none', () => {
    expect(toReading(chosen({ temperature: 36.5 }))).toEqual({
      healthCode: 'green',
      temperature: 36.5,
      temperatureRecheck: null,
      mask: true,
      maskProvided: false,
      symptoms: { fever: false, cough: false, other: false },
    });
    expect(toReading(chosen({ temperature: 36.5, mask: 'provided' }))).toMatchObject({ mask: false, maskProvided: true });
    expect(toReading(chosen({ temperature: 36.5, mask: 'none', healthCode: 'red' }))).toMatchObject({ healthCode: 'red', mask: false, maskProvided: false });
  });
});
