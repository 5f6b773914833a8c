import type { AuditEntry, AuditLogQuery } from '@hallflow/shared/api';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { auditLog } from '../../db/schema/index.ts';

/** AU2: the audit log, newest first, filtered; a page at a time (`before` is the last id seen). */
export function auditEntries(db: Db, query: AuditLogQuery & { limit: number }): { entries: AuditEntry[]; nextBefore: number | null } {
  const where: SQL[] = [];
  if (query.hallId) where.push(eq(auditLog.hallId, query.hallId));
  if (query.staffId) where.push(eq(auditLog.staffId, query.staffId));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.from) where.push(gte(auditLog.at, new Date(query.from).toISOString()));
  if (query.to) where.push(lte(auditLog.at, new Date(query.to).toISOString()));
  if (query.before) where.push(lt(auditLog.id, query.before));
  const rows = db
    .select()
    .from(auditLog)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((row) => ({ ...row, before: row.before ?? null, after: row.after ?? null })),
    nextBefore: rows.length > query.limit ? page.at(-1)!.id : null,
  };
}

/** AU2: entries older than the retention period are deleted (the table's trigger refuses anything younger than 180 days). */
export function purgeAuditBefore(db: Db, cutoffIso: string): number {
  return db.delete(auditLog).where(lt(auditLog.at, cutoffIso)).run().changes;
}
