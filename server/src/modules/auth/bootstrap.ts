import type { Db } from '../../db/connection.ts';
import { generatePassword } from './passwords.ts';
import { countAdmins, createStaff } from './staff.repository.ts';

/**
 * A7: the first start creates an admin. Its password comes from
 * ADMIN_INITIAL_PASSWORD or is random, and is returned so the entry point can
 * print it once; there is no fixed default password.
 */
export function ensureFirstAdmin(db: Db, now: Date, password?: string): { username: string; password: string } | null {
  if (countAdmins(db) > 0) return null;
  const chosen = password ?? generatePassword();
  createStaff(db, { username: 'admin', displayName: '系统管理员', role: 'admin', hallId: null, password: chosen }, now);
  return { username: 'admin', password: chosen };
}
