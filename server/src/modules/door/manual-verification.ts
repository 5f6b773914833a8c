import { manualVerificationRefusal, type ScreeningPolicy } from '@hallflow/shared';
import type { ScreenVisitorBody } from '@hallflow/shared/api';
import { DomainError } from '../../core/errors.ts';
import { staffObservedVerifier, type HealthCodeVerdict } from './health-code.verifier.ts';

/** What the screening record keeps of a manual check (MV3): the method and who checked; staff-only, purged with the readings (RT1). */
export interface ManualCheckRecord {
  method: NonNullable<ScreenVisitorBody['people'][number]['manualVerification']>['method'];
  checkedBy: string;
}

/**
 * MV1–MV3: each person's health-code verdict. A code shown on a phone goes
 * through the verifier port (S7); a manual check, when the hall accepts its
 * method, is recorded as such, with who did it, never as a scanned code.
 */
export function healthCodeVerdicts(people: ScreenVisitorBody['people'], policy: ScreeningPolicy, staffId: string): { verdict: HealthCodeVerdict | null; manualCheck: ManualCheckRecord | null }[] {
  const refusal = manualVerificationRefusal(people, policy.manualVerification);
  if (refusal) throw new DomainError(400, refusal.code, `${refusal.field}: 本厅不接受此人工核验方式 · this hall does not accept that manual check`, { field: refusal.field });
  return people.map((person) => {
    // LV2: at a level that checks no code there is no verdict, and no manual check of one either.
    if (!person.healthCode) return { verdict: null, manualCheck: null };
    return person.manualVerification
      ? { verdict: { color: person.healthCode, source: 'manual_check' }, manualCheck: { method: person.manualVerification.method, checkedBy: staffId } }
      : { verdict: staffObservedVerifier.verify({ observed: person.healthCode }), manualCheck: null };
  });
}
