import { Type, type Static } from '@sinclair/typebox';
import { checkResidentId, maskIdNumber, normalizeIdNumber } from './identity.rules.ts';

/**
 * DC1: the identity documents visitors carry. Each has its own format check;
 * the per-day limit (A2), masking (I3) and keyed hashing (P3) apply to each.
 */
export const ID_DOCUMENT_KINDS = ['resident', 'passport', 'hk_macau_permit', 'taiwan_permit', 'foreign_permanent'] as const;
export const IdDocumentKindSchema = Type.Union(ID_DOCUMENT_KINDS.map((kind) => Type.Literal(kind)));
export type IdDocumentKind = Static<typeof IdDocumentKindSchema>;

export const ID_DOCUMENT_LABELS: Record<IdDocumentKind, { zh: string; en: string }> = {
  resident: { zh: '居民身份证', en: 'Resident ID card' },
  passport: { zh: '护照', en: 'Passport' },
  hk_macau_permit: { zh: '港澳居民来往内地通行证', en: 'Mainland Travel Permit for Hong Kong and Macao Residents' },
  taiwan_permit: { zh: '台湾居民来往大陆通行证', en: 'Mainland Travel Permit for Taiwan Residents' },
  foreign_permanent: { zh: '外国人永久居留身份证', en: "Foreigner's Permanent Residence ID Card" },
};

export type DocumentCheck = { ok: true; number: string } | { ok: false; zh: string; en: string };

/** Spaces, and the brackets and hyphens people copy from a card, are not part of the number. */
export function normalizeDocumentNumber(raw: string): string {
  return normalizeIdNumber(raw).replace(/[()（）-]/g, '');
}

/** DC1/DC2: the number is of the kind's format (resident ID: I1 in full). */
export function checkIdDocument(kind: IdDocumentKind, raw: string, today = new Date()): DocumentCheck {
  const number = normalizeDocumentNumber(raw);
  switch (kind) {
    case 'resident': {
      const check = checkResidentId(raw, today);
      return check.ok ? { ok: true, number: normalizeIdNumber(raw) } : check;
    }
    case 'passport':
      // ICAO 9303 document numbers: up to 9 letters or digits (Chinese E1234567 8, EA1234567); a few states issue longer ones.
      return /^[A-Z0-9]{5,17}$/.test(number) && /\d/.test(number)
        ? { ok: true, number }
        : { ok: false, zh: '护照号码应为5至17位字母或数字', en: 'A passport number is 5 to 17 letters or digits' };
    case 'hk_macau_permit':
      // 回乡证: H (Hong Kong) or M (Macao) and 8 digits; cards before 2013 have 10 digits.
      return /^[HM](\d{8}|\d{10})$/.test(number)
        ? { ok: true, number }
        : { ok: false, zh: '港澳居民来往内地通行证号码应为H或M加8位数字（旧证为10位）', en: 'The permit number is H or M and 8 digits (10 on older cards)' };
    case 'taiwan_permit':
      // 台胞证: 8 digits on the card since 2015; the older booklets have 10 digits and may end in a letter.
      return /^(\d{8}|\d{10}[A-Z]?)$/.test(number)
        ? { ok: true, number }
        : { ok: false, zh: '台湾居民来往大陆通行证号码应为8位数字（旧证为10位）', en: 'The permit number is 8 digits (10 on older permits)' };
    case 'foreign_permanent': {
      // 2017 card: 3-letter nationality and 12 digits; 2023 card: 18 characters starting with 9, with a resident ID's birth date and check character.
      if (/^[A-Z]{3}\d{12}$/.test(number)) return { ok: true, number };
      if (/^9\d{16}[\dX]$/.test(number)) {
        const check = checkResidentId(number, today);
        return check.ok ? { ok: true, number } : check;
      }
      return { ok: false, zh: '外国人永久居留身份证号码应为3位字母加12位数字，或以9开头的18位', en: 'The card number is 3 letters and 12 digits, or 18 characters starting with 9' };
    }
  }
}

/** I3 for every document: first three and last four of long numbers, first one and last three of short ones. */
export function maskDocumentNumber(kind: IdDocumentKind, number: string): string {
  if (kind === 'resident' || number.length >= 12) return maskIdNumber(number);
  return `${number.slice(0, 1)}${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-3)}`;
}

/**
 * P3: what is hashed for a document. A resident ID is hashed as before (its
 * bookings stay comparable); other documents carry their kind, so one
 * number on two kinds of document is two people.
 */
export function documentHashInput(kind: IdDocumentKind, number: string): string {
  return kind === 'resident' ? number : `${kind}:${number}`;
}
