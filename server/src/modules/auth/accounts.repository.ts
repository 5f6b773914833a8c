import type { DeviceView, StaffAccount } from '@hallflow/shared/api';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';

type Handle = Db | Tx;
import { DomainError } from '../../core/errors.ts';
import { devices, sessions, staff } from '../../db/schema/index.ts';
import { hashPassword } from './passwords.ts';
import { staffView } from './staff.repository.ts';

const accountView = (row: typeof staff.$inferSelect): StaffAccount => ({ ...staffView(row), createdAt: row.createdAt, disabled: row.disabledAt !== null });

/**
 * Staff of a hall (with the city-wide staff when `withCityWide`), or everyone
 * when no hall is named. A hall's admin sees only their hall (AC3).
 */
export function listStaff(db: Handle, hallId: string | undefined, withCityWide: boolean): StaffAccount[] {
  const where = hallId ? (withCityWide ? or(eq(staff.hallId, hallId), isNull(staff.hallId)) : eq(staff.hallId, hallId)) : undefined;
  return db.select().from(staff).where(where).orderBy(asc(staff.username)).all().map(accountView);
}

export function staffRow(db: Handle, staffId: string) {
  const row = db.select().from(staff).where(eq(staff.id, staffId)).get();
  if (!row) throw new DomainError(404, 'NOT_FOUND', `No staff member ${staffId}`);
  return row;
}

/**
 * A17: a disabled account cannot sign in and its sessions end at once. An
 * admin cannot disable their own account, so a hall is never left without one.
 */
export function disableStaff(tx: Tx, staffId: string, by: string, now: Date): StaffAccount {
  const row = staffRow(tx, staffId);
  if (row.id === by) throw new DomainError(409, 'SELF', 'You cannot disable your own account');
  tx.delete(sessions).where(eq(sessions.staffId, staffId)).run();
  return accountView(tx.update(staff).set({ disabledAt: row.disabledAt ?? now.toISOString() }).where(eq(staff.id, staffId)).returning().get()!);
}

export function enableStaff(tx: Tx, staffId: string): StaffAccount {
  staffRow(tx, staffId);
  return accountView(tx.update(staff).set({ disabledAt: null }).where(eq(staff.id, staffId)).returning().get()!);
}

/** A new password (a forgotten one is never shown): the old sessions end. */
export function resetPassword(tx: Tx, staffId: string, password: string): StaffAccount {
  staffRow(tx, staffId);
  tx.delete(sessions).where(eq(sessions.staffId, staffId)).run();
  return accountView(tx.update(staff).set({ passwordHash: hashPassword(password) }).where(eq(staff.id, staffId)).returning().get()!);
}

const deviceView = (row: typeof devices.$inferSelect, showDemoToken = false): DeviceView => ({
  id: row.id,
  hallId: row.hallId,
  name: row.name,
  kind: row.kind,
  windowId: row.windowId,
  inside: row.inside,
  createdAt: row.createdAt,
  revoked: row.revokedAt !== null,
  demoToken: showDemoToken && row.revokedAt === null ? row.demoToken : null,
});

/** A17, A23: the hall's screens, never their tokens, except the demo screens' to an admin. */
export function listDevices(db: Handle, hallId: string, showDemoTokens = false): DeviceView[] {
  return db
    .select()
    .from(devices)
    .where(eq(devices.hallId, hallId))
    .orderBy(asc(devices.createdAt))
    .all()
    .map((row) => deviceView(row, showDemoTokens));
}

/** A17: a revoked screen's token stops working; its live connection is closed by the caller. */
export function revokeDevice(db: Handle, hallId: string, deviceId: string, now: Date): DeviceView {
  const row = db.select().from(devices).where(and(eq(devices.id, deviceId), eq(devices.hallId, hallId))).get();
  if (!row) throw new DomainError(404, 'NOT_FOUND', `No screen ${deviceId} in hall ${hallId}`);
  // A23: a revoked demo screen's token is forgotten too.
  return deviceView(db.update(devices).set({ revokedAt: row.revokedAt ?? now.toISOString(), demoToken: null }).where(eq(devices.id, deviceId)).returning().get()!);
}
