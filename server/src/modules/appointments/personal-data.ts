import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { installationSecrets } from '../../db/schema/index.ts';
import { connectionOf } from '../../db/prepared.ts';

/** R10: the key per connection, read once (each booking hashes two numbers). */
const keys = new WeakMap<object, string>();

/**
 * P3: ID numbers are never stored in clear. A keyed hash (HMAC-SHA256 with a
 * random per-installation key, created with the schema by migration 0020 and
 * kept in the database) lets the server find "the same person" without being
 * able to list IDs; a leaked hash table cannot be reversed by trying all IDs
 * without the key. The key is committed before any command runs and never
 * changes, so a connection may keep it.
 */
function personalDataKey(db: Db | Tx): string {
  const connection = connectionOf(db);
  let key = keys.get(connection);
  if (key === undefined) {
    const row = db.select().from(installationSecrets).where(eq(installationSecrets.name, 'personal-data-key')).get();
    if (!row) throw new Error('The personal-data key is missing: this database was not migrated (migration 0020 creates it)');
    keys.set(connection, (key = row.value));
  }
  return key;
}

export function idNumberHash(db: Db | Tx, idNumber: string): string {
  return createHmac('sha256', personalDataKey(db)).update(idNumber).digest('hex');
}

/** A22: the whole mobile number under the same key, so "find my booking" checks every digit without the number being stored. */
export function mobileHash(db: Db | Tx, mobile: string): string {
  return createHmac('sha256', personalDataKey(db)).update(`mobile:${mobile}`).digest('hex');
}
