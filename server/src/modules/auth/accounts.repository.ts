import type { DeviceView, StaffAccount } from '@hallflow/shared/api';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { DomainError } from '../../core/errors.ts';
import { devices, sessions, staff } from '../../db/schema/index.ts';
import { hashPassword } from './passwords.ts';
import { staffView } from './staff.repository.ts';

const accountView = (row: typeof staff.$inferSelect): StaffAccount => ({ ...staffView(row), createdAt: row.createdAt, disabled: row.disabledAt !== null });

/** Staff of a hall (and city-wide staff), or everyone when no hall is named. */
export function listStaff(db: Db, hallId?: string): StaffAccount[] {
  const where = hallId ? or(eq(staff.hallId, hallId), isNull(staff.hallId)) : undefined;
  return db.select().from(staff).where(where).orderBy(asc(staff.username)).all().map(accountView);
}

function staffRow(db: Db, staffId: string) {
  const row = db.select().from(staff).where(eq(staff.id, staffId)).get();
  if (!row) throw new DomainError(404, 'NOT_FOUND', `No staff member ${staffId}`);
  return row;
}

/**
 * A17: a disabled account cannot sign in and its sessions end at once. An
 * admin cannot disable their own account, so a hall is never left without one.
 */
export function disableStaff(db: Db, staffId: string, by: string, now: Date): StaffAccount {
  const row = staffRow(db, staffId);
  if (row.id === by) throw new DomainError(409, 'SELF', 'You cannot disable your own account');
  return db.transaction((tx) => {
    tx.delete(sessions).where(eq(sessions.staffId, staffId)).run();
    return accountView(tx.update(staff).set({ disabledAt: row.disabledAt ?? now.toISOString() }).where(eq(staff.id, staffId)).returning().get()!);
  });
}

export function enableStaff(db: Db, staffId: string): StaffAccount {
  staffRow(db, staffId);
  return accountView(db.update(staff).set({ disabledAt: null }).where(eq(staff.id, staffId)).returning().get()!);
}

/** A new password (a forgotten one is never shown): the old sessions end. */
export function resetPassword(db: Db, staffId: string, password: string): StaffAccount {
  staffRow(db, staffId);
  return db.transaction((tx) => {
    tx.delete(sessions).where(eq(sessions.staffId, staffId)).run();
    return accountView(tx.update(staff).set({ passwordHash: hashPassword(password) }).where(eq(staff.id, staffId)).returning().get()!);
  });
}

const deviceView = (row: typeof devices.$inferSelect): DeviceView => ({
  id: row.id,
  hallId: row.hallId,
  name: row.name,
  kind: row.kind,
  windowId: row.windowId,
  createdAt: row.createdAt,
  revoked: row.revokedAt !== null,
});

export function listDevices(db: Db, hallId: string): DeviceView[] {
  return db.select().from(devices).where(eq(devices.hallId, hallId)).orderBy(asc(devices.createdAt)).all().map(deviceView);
}

/** A17: a revoked screen's token stops working; its live connection is closed by the caller. */
export function revokeDevice(db: Db, hallId: string, deviceId: string, now: Date): DeviceView {
  const row = db.select().from(devices).where(and(eq(devices.id, deviceId), eq(devices.hallId, hallId))).get();
  if (!row) throw new DomainError(404, 'NOT_FOUND', `No screen ${deviceId} in hall ${hallId}`);
  return deviceView(db.update(devices).set({ revokedAt: row.revokedAt ?? now.toISOString() }).where(eq(devices.id, deviceId)).returning().get()!);
}
