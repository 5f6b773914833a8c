import { Type, type Static } from '@sinclair/typebox';

/**
 * MV1: how the door may establish a visitor's health status without a code
 * scanned from a phone. The hall's screening policy lists the ones it accepts.
 */
export const MANUAL_VERIFICATION_METHODS = ['id_card_paper_pass', 'staff_lookup'] as const;
export const ManualVerificationMethodSchema = Type.Union(MANUAL_VERIFICATION_METHODS.map((method) => Type.Literal(method)));
export type ManualVerificationMethod = Static<typeof ManualVerificationMethodSchema>;

export const MANUAL_VERIFICATION_LABELS: Record<ManualVerificationMethod, { zh: string; en: string }> = {
  id_card_paper_pass: { zh: '身份证与纸质通行证核对', en: 'ID card checked against a paper pass' },
  staff_lookup: { zh: '工作人员代查健康状态', en: 'Staff looked up the health status' },
};

/** MV2: a manual verification the hall does not accept is refused, naming the person's field. */
export function manualVerificationRefusal(
  people: readonly { manualVerification?: { method: ManualVerificationMethod } }[],
  accepted: readonly ManualVerificationMethod[],
): { code: 'MANUAL_VERIFICATION_NOT_ACCEPTED'; field: string } | null {
  const index = people.findIndex((person) => person.manualVerification && !accepted.includes(person.manualVerification.method));
  return index < 0 ? null : { code: 'MANUAL_VERIFICATION_NOT_ACCEPTED', field: `body/people/${index}/manualVerification/method` };
}
