import { createHash } from 'node:crypto';
import type { StaffRole } from '@hallflow/shared';
import type { StaffView } from '@hallflow/shared/api';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';

type Handle = Db | Tx;
import { devices, sessions, staff } from '../../db/schema/index.ts';
import { newId, newToken } from '../../core/ids.ts';
import { prepared } from '../../db/prepared.ts';
import { StampedCache } from '../../db/stamped-cache.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export function staffView(row: typeof staff.$inferSelect): StaffView {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, hallId: row.hallId };
}

export interface NewStaff {
  username: string;
  displayName: string;
  role: StaffRole;
  hallId: string | null;
  password: string;
}

export function createStaff(db: Handle, input: NewStaff, now: Date): StaffView {
  const row = db
    .insert(staff)
    .values({
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      hallId: input.hallId,
      passwordHash: hashPassword(input.password),
      createdAt: now.toISOString(),
    })
    .returning()
    .get();
  return staffView(row);
}

export function findStaffByUsername(db: Handle, username: string) {
  return db.select().from(staff).where(eq(staff.username, username)).get();
}

/** Checks a password; returns the staff member, or null for any failure (no hint which part was wrong). */
export function checkCredentials(db: Db, username: string, password: string) {
  const row = findStaffByUsername(db, username);
  if (!row || row.disabledAt) return null;
  return verifyPassword(password, row.passwordHash) ? row : null;
}

export function openSession(db: Handle, staffId: string, now: Date, hours: number) {
  const token = newToken() + newToken();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
  db.insert(sessions).values({ tokenHash: sha256(token), staffId, createdAt: now.toISOString(), expiresAt }).run();
  return { token, expiresAt };
}

export function closeSession(db: Handle, token: string) {
  db.delete(sessions).where(eq(sessions.tokenHash, sha256(token))).run();
}

export function staffForToken(db: Db, token: string, now: Date) {
  const tokenHash = sha256(token);
  // R10: every request and every staff connection asks this; answered from memory while sessions and staff are unchanged.
  const session = sessionsByToken.get(db, tokenHash, () =>
    prepared(db, 'staff-for-token', (d) =>
      d
        .select({ staff, expiresAt: sessions.expiresAt })
        .from(sessions)
        .innerJoin(staff, eq(staff.id, sessions.staffId))
        .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(staff.disabledAt)))
        .prepare(),
    ).get({ tokenHash }) ?? null,
  );
  // ISO instants in UTC compare as text, as the column does.
  return session && session.expiresAt > now.toISOString() ? session.staff : null;
}

const sessionsByToken = new StampedCache<{ staff: typeof staff.$inferSelect; expiresAt: string } | null>(['sessions', 'staff']);
const devicesByToken = new StampedCache<typeof devices.$inferSelect | null>(['devices']);

/** Pairs a screen; its token is returned once and kept only as its hash, unless it is a demo screen of the first start (A23). */
export function createDevice(db: Handle, hallId: string, name: string, kind: typeof devices.$inferInsert.kind, now: Date, windowId: string | null = null, demo = false, inside = false) {
  const token = newToken() + newToken();
  const id = newId();
  db.insert(devices).values({ id, hallId, name, kind, windowId, inside, tokenHash: sha256(token), demoToken: demo ? token : null, createdAt: now.toISOString() }).run();
  return { id, token };
}

export function deviceForToken(db: Db, token: string) {
  const tokenHash = sha256(token);
  // R10: every screen's connection asks this (a join storm asks it thousands of times).
  return devicesByToken.get(db, tokenHash, () =>
    prepared(db, 'device-for-token', (d) =>
      d
        .select()
        .from(devices)
        .where(and(eq(devices.tokenHash, sql.placeholder('tokenHash')), isNull(devices.revokedAt)))
        .prepare(),
    ).get({ tokenHash }) ?? null,
  );
}

export function countAdmins(db: Handle): number {
  return db.select({ id: staff.id }).from(staff).where(eq(staff.role, 'admin')).all().length;
}
