import type { HealthCode } from '@hallflow/shared';

/**
 * Where a health-code colour comes from. The door records what it was told;
 * `source` says how much that is worth, so a report never presents a staff
 * observation as a verified result.
 */
export interface HealthCodeVerdict {
  color: HealthCode;
  source: 'staff_observed' | 'provincial_service' | 'manual_check';
}

export interface HealthCodeVerifier {
  verify(input: { observed: HealthCode }): HealthCodeVerdict;
}

/**
 * The built-in verifier: the staff member looked at the visitor's phone and
 * recorded the colour they saw. Nothing is "verified" here. A provincial
 * service plugs in by implementing HealthCodeVerifier (see docs/health-code.md).
 */
export const staffObservedVerifier: HealthCodeVerifier = {
  verify: ({ observed }) => ({ color: observed, source: 'staff_observed' }),
};
