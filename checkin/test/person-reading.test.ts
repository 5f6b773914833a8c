import { DEFAULT_LEVEL_PRESETS } from '@hallflow/shared';
import { screeningProblems } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { emptyPerson, needsRecheck, toReading, type PersonDraft } from '../src/lib/person-reading';

const STRICT = DEFAULT_LEVEL_PRESETS.strict.checks;
const chosen = (over: Partial<PersonDraft> = {}): PersonDraft => ({ ...emptyPerson(), healthCode: 'green', mask: 'own', ...over });

describe('the door form’s readings', () => {
  it('[S3] a typed recheck is sent as the second reading; an empty one as none', () => {
    expect(toReading(chosen({ temperature: 37.6, recheck: 36.8 }), STRICT)).toMatchObject({ temperature: 37.6, temperatureRecheck: 36.8 });
    expect(toReading(chosen({ temperature: 36.6 }), STRICT)).toMatchObject({ temperature: 36.6, temperatureRecheck: null });
  });

  it('[S3] the form asks for a recheck from the threshold up, not below, and not before a reading', () => {
    expect(needsRecheck({ ...emptyPerson(), temperature: 37.3 }, 37.3)).toBe(true);
    expect(needsRecheck({ ...emptyPerson(), temperature: 37.2 }, 37.3)).toBe(false);
    expect(needsRecheck(emptyPerson(), 37.3)).toBe(false);
  });

  it('[S10] a new person has no code colour and no mask chosen, so the form cannot send them', () => {
    const problems = (person: PersonDraft) => screeningProblems({ name: '周九', categoryId: 'demo-A', people: [person] }, STRICT).map((problem) => problem.key);
    expect(problems(emptyPerson())).toEqual(['checkHealthCode', 'checkMask', 'checkTemperature']);
    expect(problems({ ...emptyPerson(), healthCode: 'green', temperature: 36.5 })).toEqual(['checkMask']);
    expect(problems({ ...emptyPerson(), healthCode: 'green', mask: 'none', temperature: 36.5 })).toEqual([]);
  });

  it('[S4][S1] a mask of one’s own, one handed out at the door, and none', () => {
    expect(toReading(chosen({ temperature: 36.5 }), STRICT)).toEqual({
      healthCode: 'green',
      temperature: 36.5,
      temperatureRecheck: null,
      mask: true,
      maskProvided: false,
      symptoms: { fever: false, cough: false, other: false },
    });
    expect(toReading(chosen({ temperature: 36.5, mask: 'provided' }), STRICT)).toMatchObject({ mask: false, maskProvided: true });
    expect(toReading(chosen({ temperature: 36.5, mask: 'none', healthCode: 'red' }), STRICT)).toMatchObject({ healthCode: 'red', mask: false, maskProvided: false });
  });

  it('[LV2] at 加强 the form asks and sends only the temperature and the mask; at 常态 nothing', () => {
    const elevated = DEFAULT_LEVEL_PRESETS.elevated.checks;
    expect(toReading({ ...emptyPerson(), temperature: 36.5, mask: 'own' }, elevated)).toEqual({ temperature: 36.5, temperatureRecheck: null, mask: true, maskProvided: false });
    expect(screeningProblems({ name: '周九', categoryId: 'demo-A', people: [{ ...emptyPerson(), temperature: 36.5, mask: 'own' }] }, elevated)).toEqual([]);
    expect(toReading(emptyPerson(), DEFAULT_LEVEL_PRESETS.normal.checks)).toEqual({});
  });
});
