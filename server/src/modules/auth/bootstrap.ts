import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { windows } from '../../db/schema/index.ts';
import { generatePassword } from './passwords.ts';
import { countAdmins, createDevice, createStaff } from './staff.repository.ts';

/**
 * A7: the first start creates an admin. Its password comes from
 * ADMIN_INITIAL_PASSWORD or is random, and is returned so the entry point can
 * print it once; there is no fixed default password.
 */
export function ensureFirstAdmin(db: Db, now: Date, password?: string): { username: string; password: string } | null {
  // IMMEDIATE: two nodes starting together on one file take turns; the second finds the admin and creates none.
  return db.transaction(
    (tx) => {
      if (countAdmins(tx) > 0) return null;
      const chosen = password ?? generatePassword();
      createStaff(tx, { username: 'admin', displayName: '系统管理员', role: 'admin', hallId: null, password: chosen }, now);
      return { username: 'admin', password: chosen };
    },
    { behavior: 'immediate' },
  );
}

/** What the first start made for the demo hall and can show only once (A23). */
export interface DemoAccess {
  accounts: { role: 'door' | 'clerk' | 'supervisor'; username: string; displayName: string; password: string }[];
  screens: { kind: 'lobby' | 'outdoor' | 'window' | 'rating'; windowNumber: number | null; token: string }[];
}

const DEMO_ACCOUNTS = [
  { role: 'door', username: 'demo-door', displayName: '演示门岗' },
  { role: 'clerk', username: 'demo-clerk', displayName: '演示窗口人员' },
  { role: 'supervisor', username: 'demo-supervisor', displayName: '演示主管' },
] as const;

/**
 * A23: with the demo hall, the first start creates its door, clerk and
 * supervisor accounts, each with a random password (there is no fixed
 * default, A7), and pairs its screens: a lobby and an outdoor screen, and a
 * window screen and a rating pad for every window. The demo screens' tokens
 * are kept so an admin can find their links again; the passwords are not.
 */
export function createDemoAccess(db: Db, hallId: string, now: Date): DemoAccess {
  const accounts = DEMO_ACCOUNTS.map((account) => {
    const password = generatePassword();
    createStaff(db, { ...account, hallId, password }, now);
    return { ...account, password };
  });
  const screens: DemoAccess['screens'] = [];
  for (const kind of ['lobby', 'outdoor'] as const) {
    screens.push({ kind, windowNumber: null, token: createDevice(db, hallId, kind === 'lobby' ? '演示大厅主屏' : '演示户外屏', kind, now, null, true).token });
  }
  for (const window of db.select().from(windows).where(eq(windows.hallId, hallId)).orderBy(asc(windows.number)).all()) {
    for (const kind of ['window', 'rating'] as const) {
      const name = `演示${window.number}号${kind === 'window' ? '窗口屏' : '评价器'}`;
      screens.push({ kind, windowNumber: window.number, token: createDevice(db, hallId, name, kind, now, window.id, true).token });
    }
  }
  return { accounts, screens };
}
