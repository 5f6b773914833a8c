import type { AuditEntry, AuditLogQuery } from '@hallflow/shared/api';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { placeholders, prepared } from '../../db/prepared.ts';
import { auditLog } from '../../db/schema/index.ts';

export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

/** AU1: one entry, written in the command's own transaction (R10: built once per connection; every staff command writes one). */
export function appendAuditEntry(tx: Tx, entry: NewAuditEntry): void {
  const columns = ['at', 'hallId', 'staffId', 'staffUsername', 'staffRole', 'action', 'target', 'before', 'after'] as const;
  prepared(tx, 'insert-audit', (d) =>
    d
      .insert(auditLog)
      .values(placeholders<NewAuditEntry>(columns))
      .prepare(),
  ).run({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}

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
