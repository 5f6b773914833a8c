import { describe, expect, it } from 'vitest';
import { emptyPerson, toReading } from '../src/lib/person-reading';

describe('the door form’s readings', () => {
  it('[S3] a typed recheck is sent as the second reading; an empty one as none', () => {
    expect(toReading({ ...emptyPerson(), temperature: 37.6, recheck: 36.8 })).toMatchObject({ temperature: 37.6, temperatureRecheck: 36.8 });
    expect(toReading({ ...emptyPerson(), temperature: 36.6 })).toMatchObject({ temperature: 36.6, temperatureRecheck: null });
  });

  it('[S1] the common case is a green code, a mask and no symptoms', () => {
    expect(toReading({ ...emptyPerson(), temperature: 36.5 })).toEqual({
      healthCode: 'green',
      temperature: 36.5,
      temperatureRecheck: null,
      mask: true,
      maskProvided: false,
      symptoms: { fever: false, cough: false, other: false },
    });
  });
});
