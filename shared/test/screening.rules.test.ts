import { describe, expect, it } from 'vitest';
import { DEFAULT_SCREENING_POLICY, EntryRulesSchema, entryRules, hallEntryRules, nextStepText, screenParty, type PersonReading, type ScreeningPolicy } from '../src/domain/index.ts';
import { Value } from '@sinclair/typebox/value';

const green: PersonReading = { healthCode: 'green', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } };

describe('health screening', () => {
  it('[S1] green code, normal temperature, mask and no symptom: admitted with no reasons', () => {
    expect(screenParty([green])).toEqual({ admitted: true, reasons: [], people: [{ passed: true, reasons: [], nextSteps: [] }], goingOn: [0], turnedAway: [] });
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

  it('[S2][S8] by default one failing companion denies the whole party, and every reason of every person is listed in both languages', () => {
    const decision = screenParty([green, { ...green, healthCode: 'red', mask: false }, { ...green, temperature: 38.1 }]);
    expect(decision.admitted).toBe(false);
    expect(decision.goingOn).toEqual([]);
    expect(decision.turnedAway).toEqual([0, 1, 2]);
    expect(decision.people.map((person) => person.passed)).toEqual([true, false, false]);
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

  it('[S1][S2] each person is judged on their own: the reasons of each are theirs', () => {
    const decision = screenParty([{ ...green, healthCode: 'yellow' }, green, { ...green, symptoms: { fever: false, cough: true, other: false } }]);
    expect(decision.people.map((person) => person.reasons.map((r) => r.code))).toEqual([['CODE_YELLOW'], [], ['SYMPTOM_COUGH']]);
    expect(decision.people[2]?.reasons[0]?.zh).toBe('第3人：咳嗽');
  });

  it('[S8] a hall that lets companions continue sends the members who pass on, and turns away only the one who fails', () => {
    const policy: ScreeningPolicy = { ...DEFAULT_SCREENING_POLICY, companionsMayContinue: true };
    const decision = screenParty([green, { ...green, temperature: 38.0 }, green], policy);
    expect(decision).toMatchObject({ admitted: true, goingOn: [0, 2], turnedAway: [1] });
    expect(decision.reasons.map((r) => r.zh)).toEqual(['第2人：体温异常（发热）']);
    // The lead may be the one who fails: the others still go on.
    expect(screenParty([{ ...green, healthCode: 'red' }, green], policy)).toMatchObject({ goingOn: [1], turnedAway: [0] });
    // Nobody passes: nobody goes on.
    expect(screenParty([{ ...green, healthCode: 'red' }, { ...green, mask: false }], policy)).toMatchObject({ admitted: false, goingOn: [], turnedAway: [0, 1] });
    // Everyone passes: the whole party goes on, as without the setting.
    expect(screenParty([green, green], policy)).toMatchObject({ admitted: true, goingOn: [0, 1], turnedAway: [] });
  });

  it('[S9] each failing person is told what to do next, per reason, in the hall\'s words', () => {
    const policy: ScreeningPolicy = {
      ...DEFAULT_SCREENING_POLICY,
      nextSteps: { healthCode: '请拨打12345或联系所在社区', feverClinic: '市第一人民医院发热门诊', feverClinicAddress: '人民路88号', maskPoint: '入口右侧服务台' },
    };
    const decision = screenParty(
      [{ ...green, healthCode: 'red', temperature: 38.2, symptoms: { fever: true, cough: true, other: false } }, { ...green, mask: false }, green],
      policy,
    );
    expect(decision.people[0]?.nextSteps.map((step) => step.zh)).toEqual(['请拨打12345或联系所在社区', '请到发热门诊就诊：市第一人民医院发热门诊（人民路88号）']);
    expect(decision.people[0]?.nextSteps[1]?.en).toBe('Please go to the fever clinic: 市第一人民医院发热门诊, 人民路88号');
    expect(decision.people[1]?.nextSteps).toEqual([{ code: 'mask_point', zh: '请到口罩发放点领取口罩：入口右侧服务台', en: 'Please get a mask at: 入口右侧服务台' }]);
    expect(decision.people[2]?.nextSteps).toEqual([]);
  });

  it('[S9] a hall that left a next step empty gives a general one', () => {
    const empty = { healthCode: ' ', feverClinic: '', feverClinicAddress: '', maskPoint: '' };
    expect(nextStepText('health_code', empty).zh).toContain('12345');
    expect(nextStepText('fever_clinic', empty).zh).toBe('请到就近的发热门诊就诊');
    expect(nextStepText('mask_point', empty).zh).toBe('请佩戴口罩后再来');
    expect(nextStepText('fever_clinic', { ...empty, feverClinic: '区医院发热门诊' }).zh).toBe('请到发热门诊就诊：区医院发热门诊');
  });

  it('[S11] a hall that no longer requires a green code or a mask lets them through; fever and symptoms still count', () => {
    const relaxed: ScreeningPolicy = { ...DEFAULT_SCREENING_POLICY, healthCodeRequired: false, maskRequired: false };
    expect(screenParty([{ ...green, healthCode: 'yellow', mask: false }], relaxed).admitted).toBe(true);
    expect(screenParty([{ ...green, healthCode: 'red' }], { ...DEFAULT_SCREENING_POLICY, maskRequired: false }).reasons.map((r) => r.code)).toEqual(['CODE_RED']);
    expect(screenParty([{ ...green, mask: false }], { ...DEFAULT_SCREENING_POLICY, healthCodeRequired: false }).reasons.map((r) => r.code)).toEqual(['NO_MASK']);
    expect(screenParty([{ ...green, temperature: 37.6, symptoms: { fever: false, cough: true, other: false } }], relaxed).reasons.map((r) => r.code)).toEqual(['FEVER', 'SYMPTOM_COUGH']);
  });

  it('[S11] the public entry rules are the threshold and what is required, nothing else; info logged before them reads as the defaults', () => {
    const rules = entryRules({ ...DEFAULT_SCREENING_POLICY, feverThresholdC: 37.5, maskRequired: false });
    expect(rules).toEqual({ feverThresholdC: 37.5, healthCodeRequired: true, maskRequired: false });
    expect(Value.Check(EntryRulesSchema, rules)).toBe(true);
    expect(hallEntryRules({})).toEqual({ feverThresholdC: 37.3, healthCodeRequired: true, maskRequired: true });
    expect(hallEntryRules({ entryRules: rules })).toBe(rules);
  });
});
