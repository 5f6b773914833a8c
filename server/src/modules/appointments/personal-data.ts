import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { installationSecrets } from '../../db/schema/index.ts';

/**
 * P3: ID numbers are never stored in clear. A keyed hash (HMAC-SHA256 with a
 * random per-installation key, created on first use and kept in the database)
 * lets the server find "the same person" without being able to list IDs; a
 * leaked hash table cannot be reversed by trying all IDs without the key.
 */
function personalDataKey(db: Db | Tx): string {
  const existing = db.select().from(installationSecrets).where(eq(installationSecrets.name, 'personal-data-key')).get();
  if (existing) return existing.value;
  const value = randomBytes(32).toString('base64');
  db.insert(installationSecrets).values({ name: 'personal-data-key', value }).onConflictDoNothing().run();
  return db.select().from(installationSecrets).where(eq(installationSecrets.name, 'personal-data-key')).get()!.value;
}

export function idNumberHash(db: Db | Tx, idNumber: string): string {
  return createHmac('sha256', personalDataKey(db)).update(idNumber).digest('hex');
}

/** A22: the whole mobile number under the same key, so "find my booking" checks every digit without the number being stored. */
export function mobileHash(db: Db | Tx, mobile: string): string {
  return createHmac('sha256', personalDataKey(db)).update(`mobile:${mobile}`).digest('hex');
}
