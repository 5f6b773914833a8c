/** A valid resident ID (GB 11643 check digit) from its first 17 digits. */
export function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The n-th distinct valid ID number of the tests (a later birth year every thousand). */
export const idFor = (n: number) => residentId(`410102${1990 + Math.floor(n / 1000)}0307${String(n % 1000).padStart(3, '0')}`);

/** A valid booking body for the demo hall today (2026-11-25, 14:00, social insurance), with changes. */
export const booking = (over: Record<string, unknown> = {}) => ({
  categoryId: 'demo-C',
  date: '2026-11-25',
  slot: '14:00',
  name: '张小三',
  mobile: '13800138000',
  idNumber: idFor(1),
  partySize: 1,
  ...over,
});
