import { describe, expect, it } from 'vitest';
import { DEFAULT_SCREENING_POLICY, screenParty, type PersonReading } from '../src/domain/index.ts';

const green: PersonReading = { healthCode: 'green', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } };

describe('health screening', () => {
  it('[S1] green code, normal temperature, mask and no symptom: admitted with no reasons', () => {
    expect(screenParty([green])).toEqual({ admitted: true, reasons: [] });
  });

  it('[S1] 37.3 °C is a fever at the default threshold; 37.2 is not; the threshold is configurable', () => {
    expect(screenParty([{ ...green, temperature: 37.2 }]).admitted).toBe(true);
    expect(screenParty([{ ...green, temperature: 37.3 }]).reasons.map((r) => r.code)).toEqual(['FEVER']);
    expect(screenParty([{ ...green, temperature: 37.3 }], { ...DEFAULT_SCREENING_POLICY, feverThresholdC: 37.5 }).admitted).toBe(true);
  });

  it('[S1] yellow and red codes, no mask, and each symptom deny', () => {
    const cases: [Partial<PersonReading>, string][] = [
      [{ healthCode: 'yellow' }, 'CODE_YELLOW'],
      [{ healthCode: 'red' }, 'CODE_RED'],
      [{ mask: false }, 'NO_MASK'],
      [{ symptoms: { fever: true, cough: false, other: false } }, 'SYMPTOM_FEVER'],
      [{ symptoms: { fever: false, cough: true, other: false } }, 'SYMPTOM_COUGH'],
      [{ symptoms: { fever: false, cough: false, other: true } }, 'SYMPTOM_OTHER'],
    ];
    for (const [change, code] of cases) {
      const decision = screenParty([{ ...green, ...change }]);
      expect(decision.admitted, code).toBe(false);
      expect(decision.reasons.map((r) => r.code)).toEqual([code]);
    }
  });

  it('[S2] one failing companion denies the whole party, and every reason of every person is listed in both languages', () => {
    const decision = screenParty([green, { ...green, healthCode: 'red', mask: false }, { ...green, temperature: 38.1 }]);
    expect(decision.admitted).toBe(false);
    expect(decision.reasons.map((r) => r.code)).toEqual(['CODE_RED', 'NO_MASK', 'FEVER']);
    expect(decision.reasons[0]).toEqual({ code: 'CODE_RED', zh: '第2人：健康码为红码', en: 'Person 2: Health code is red' });
    expect(decision.reasons[2]?.zh).toBe('第3人：体温异常（发热）');
  });

  it('[S2] an empty party is never admitted', () => {
    expect(screenParty([]).admitted).toBe(false);
  });

  it('[S3] a recheck after rest decides, in both directions', () => {
    expect(screenParty([{ ...green, temperature: 37.6, temperatureRecheck: 36.9 }]).admitted).toBe(true);
    expect(screenParty([{ ...green, temperature: 36.9, temperatureRecheck: 37.4 }]).reasons.map((r) => r.code)).toEqual(['FEVER']);
  });

  it('[S3] a hall that allows no recheck decides on the first reading', () => {
    const noRecheck = { ...DEFAULT_SCREENING_POLICY, allowRecheck: false };
    expect(screenParty([{ ...green, temperature: 37.6, temperatureRecheck: 36.9 }], noRecheck).reasons.map((r) => r.code)).toEqual(['FEVER']);
    expect(screenParty([{ ...green, temperature: 36.6, temperatureRecheck: null }], noRecheck).admitted).toBe(true);
  });

  it('[S4] a mask provided on the spot counts as wearing one', () => {
    expect(screenParty([{ ...green, mask: false, maskProvided: true }]).admitted).toBe(true);
  });
});
