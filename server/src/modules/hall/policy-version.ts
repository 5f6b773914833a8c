import { createHash } from 'node:crypto';
import { conflict } from '../../core/errors.ts';
import type { Tx } from '../../db/connection.ts';
import { getHallRow } from './hall.repository.ts';
import type { HallPolicyKey } from './hall-policy.ts';

/** The policies the clerk console saves whole, each with the version it was edited from (LV1): the hall settings' four and the level presets. */
export type VersionedPolicyKey = Extract<HallPolicyKey, 'hours' | 'screening' | 'appointments' | 'calling' | 'levels'>;

/**
 * LV1: a fingerprint of one policy as the hall's settings store it. Any write
 * of other values — a level switch (now or scheduled), anyone's save — gives
 * another; writing the same values again gives the same.
 */
export function policyVersion(settings: Record<string, unknown>, key: HallPolicyKey): string {
  return createHash('sha256')
    .update(JSON.stringify(settings[key] ?? null))
    .digest('base64url')
    .slice(0, 16);
}

/**
 * LV1: a save that names the version it was edited from (`If-Match`) is
 * refused, in its own transaction and with nothing written, when the policy
 * changed since (409 POLICY_CHANGED), so a page never puts back values it
 * read before a level switch. A save without `If-Match` replaces the policy
 * as before.
 */
export function requirePolicyVersion(tx: Tx, hallId: string, key: VersionedPolicyKey, ifMatch: string | undefined): void {
  if (ifMatch === undefined) return;
  const expected = ifMatch.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (expected !== policyVersion(getHallRow(tx, hallId).settings, key)) {
    throw conflict('POLICY_CHANGED', `The ${key} policy changed since it was read (a level switch or another save); read it again`);
  }
}
