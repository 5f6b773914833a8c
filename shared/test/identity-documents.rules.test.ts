import { describe, expect, it } from 'vitest';
import { checkIdDocument, documentHashInput, maskDocumentNumber } from '../src/domain/index.ts';

const TODAY = new Date('2026-11-25T02:00:00Z');

describe('identity documents', () => {
  it('[DC1][DC2] each document has its own format check, and says what is wrong in Chinese and English', () => {
    expect(checkIdDocument('resident', '11010519491231002x', TODAY)).toEqual({ ok: true, number: '11010519491231002X' });
    expect(checkIdDocument('resident', '110105194912310021', TODAY)).toMatchObject({ ok: false, zh: '身份证号校验位不正确，请核对' });
    expect(checkIdDocument('passport', 'e1234 5678', TODAY)).toEqual({ ok: true, number: 'E12345678' });
    expect(checkIdDocument('passport', 'ABCDEFG', TODAY)).toMatchObject({ ok: false, zh: '护照号码应为5至17位字母或数字' });
    expect(checkIdDocument('hk_macau_permit', 'H12345678', TODAY)).toEqual({ ok: true, number: 'H12345678' });
    expect(checkIdDocument('hk_macau_permit', 'M1234567890', TODAY)).toEqual({ ok: true, number: 'M1234567890' });
    expect(checkIdDocument('hk_macau_permit', 'A12345678', TODAY)).toMatchObject({ ok: false, en: 'The permit number is H or M and 8 digits (10 on older cards)' });
    expect(checkIdDocument('taiwan_permit', '12345678', TODAY)).toEqual({ ok: true, number: '12345678' });
    expect(checkIdDocument('taiwan_permit', '0123456789(B)', TODAY)).toEqual({ ok: true, number: '0123456789B' });
    expect(checkIdDocument('taiwan_permit', '1234567', TODAY).ok).toBe(false);
    expect(checkIdDocument('foreign_permanent', 'USA110085101501', TODAY)).toEqual({ ok: true, number: 'USA110085101501' });
    // The 2023 card: 18 characters from 9, a birth date and a GB 11643 check character.
    expect(checkIdDocument('foreign_permanent', '93158619850715001x', TODAY)).toEqual({ ok: true, number: '93158619850715001X' });
    expect(checkIdDocument('foreign_permanent', '931586198507150012', TODAY)).toMatchObject({ ok: false, zh: '身份证号校验位不正确，请核对' });
    expect(checkIdDocument('foreign_permanent', 'US110085101501', TODAY).ok).toBe(false);
  });

  it('[DC3] every document is masked (I3) and hashed with its kind, so one number on two kinds of document is two people', () => {
    expect(maskDocumentNumber('resident', '11010519491231002X')).toBe('110***********002X');
    expect(maskDocumentNumber('foreign_permanent', 'USA110085101501')).toBe('USA********1501');
    expect(maskDocumentNumber('passport', 'E12345678')).toBe('E*****678');
    expect(maskDocumentNumber('taiwan_permit', '12345678')).toBe('1****678');
    expect(documentHashInput('resident', '11010519491231002X')).toBe('11010519491231002X');
    expect(documentHashInput('passport', '12345678')).not.toBe(documentHashInput('taiwan_permit', '12345678'));
  });
});
