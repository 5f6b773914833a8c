/** GB 11643: weights of the first 17 digits, and the check character for each remainder mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normalizeIdNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}

export type IdCheck = { ok: true; birthDate: string } | { ok: false; zh: string; en: string };

/** I1: an 18-character resident ID: 17 digits, a valid birth date, and the right check character. */
export function checkResidentId(raw: string, today = new Date()): IdCheck {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, zh: '身份证号应为18位（最后一位可为X）', en: 'The ID number must be 18 characters (the last may be X)' };
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || date > today || date.getUTCFullYear() < 1900) {
    return { ok: false, zh: '身份证号中的出生日期无效', en: 'The birth date in the ID number is not valid' };
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return { ok: false, zh: '身份证号校验位不正确，请核对', en: 'The ID number check digit is wrong; please check it' };
  return { ok: true, birthDate: birth };
}

/** I2: a mainland mobile number: 11 digits starting 13–19. */
export function isMobileNumber(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(raw.trim());
}

/** I3: 410***********1234 — first three and last four of the ID. */
export function maskIdNumber(raw: string): string {
  const id = normalizeIdNumber(raw);
  return `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;
}

/** I3: 张*三, 李*, 欧阳*锋; Latin names keep the first and last letter: J**n. */
export function maskName(raw: string): string {
  const name = raw.trim();
  if (name === UNNAMED_VISITOR) return name; // KS7: a placeholder, nobody's name
  const chars = [...name];
  // A one-character name would be the whole name: it is hidden entirely.
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** I3: 138****5678 */
export function maskMobile(raw: string): string {
  const mobile = raw.trim();
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/**
 * KS7: the name kept for a visitor who booked at a self-service terminal
 * without giving one (the ID card reader gave the ID, the keypad the mobile).
 * Shown as it is wherever a name would be: it is nobody's name.
 */
export const UNNAMED_VISITOR = '访客';

/**
 * KS7: the name a booking keeps. Everyone gives a name, 1–40 characters,
 * except at a self-service terminal of the hall, where a visitor may leave it
 * out and is kept as 「访客」.
 */
export function bookingName(raw: string | undefined, atTerminal: boolean): { ok: true; name: string } | { ok: false; code: 'NAME_REQUIRED' } {
  const name = (raw ?? '').trim();
  if (name) return { ok: true, name };
  return atTerminal ? { ok: true, name: UNNAMED_VISITOR } : { ok: false, code: 'NAME_REQUIRED' };
}
