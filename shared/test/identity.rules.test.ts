import { describe, expect, it } from 'vitest';
import { checkResidentId, isMobileNumber, maskIdNumber, maskMobile, maskName } from '../src/domain/index.ts';

/** Builds a valid ID from 17 digits by computing the check character. */
export function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('identity rules', () => {
  it('[I1] a valid resident ID passes; a wrong check digit, a bad birth date or a wrong length fails with a reason', () => {
    expect(checkResidentId('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31' });
    expect(checkResidentId('11010519491231002x').ok).toBe(true);
    expect(checkResidentId(residentId('41010219900307123'))).toEqual({ ok: true, birthDate: '1990-03-07' });
    expect(checkResidentId('110105194912310021')).toMatchObject({ ok: false, en: expect.stringContaining('check digit') });
    expect(checkResidentId(residentId('41010219900231123'))).toMatchObject({ ok: false, en: expect.stringContaining('birth date') });
    expect(checkResidentId('4101021990030712')).toMatchObject({ ok: false, en: expect.stringContaining('18') });
  });

  it('[I2] mobile numbers are 11 digits starting 13–19', () => {
    expect(isMobileNumber('13800138000')).toBe(true);
    expect(isMobileNumber('12800138000')).toBe(false);
    expect(isMobileNumber('1380013800')).toBe(false);
  });

  it('[I3] masks: ID keeps 3 + 4, names keep first and last, mobiles keep 3 + 4', () => {
    expect(maskIdNumber('410102199003071234')).toBe('410***********1234');
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳小锋')).toBe('欧**锋');
    expect(maskName('王')).toBe('*'); // IN3: a one-character name would show whole
    expect(maskMobile('13800138000')).toBe('138****8000');
  });
});
