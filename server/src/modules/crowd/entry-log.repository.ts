import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { entryLog } from '../../db/schema/index.ts';
import { newId } from '../../core/ids.ts';

export type EntryKind = (typeof entryLog.$inferInsert)['kind'];

export function logEntry(
  tx: Tx,
  hallId: string,
  at: Date,
  entry: { kind: EntryKind; people: number; partyId?: string | null; batchNumber?: number | null; displayName?: string | null; ticketNumber?: string | null; staffId?: string | null; reason?: string | null },
): void {
  tx.insert(entryLog).values({ id: newId(), hallId, at: at.toISOString(), ...entry }).run();
}

export function entriesBetween(db: Db, hallId: string, from: string, to: string) {
  return db
    .select()
    .from(entryLog)
    .where(and(eq(entryLog.hallId, hallId), gte(entryLog.at, from), lt(entryLog.at, to)))
    .orderBy(asc(entryLog.at))
    .all();
}

/** P2: rows older than the cutoff are deleted. */
export function purgeEntriesBefore(db: Db | Tx, hallId: string, cutoff: string): number {
  return db.delete(entryLog).where(and(eq(entryLog.hallId, hallId), lt(entryLog.at, cutoff))).run().changes;
}

const CSV_COLUMNS = ['at', 'kind', 'people', 'batchNumber', 'displayName', 'ticketNumber', 'reason'] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 BOM so spreadsheet programs open the Chinese names correctly. */
export function entriesCsv(rows: ReturnType<typeof entriesBetween>): string {
  const header = ['时间 time', '类型 kind', '人数 people', '批次 batch', '姓名 name', '号码 ticket', '原因 reason'].join(',');
  const lines = rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return '\uFEFF' + [header, ...lines].join('\r\n') + '\r\n';
}
