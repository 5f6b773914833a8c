import type { LevelChangeRow } from '@hallflow/shared/api';
import type { LevelChangeView } from '@hallflow/shared';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { preventionLevelChanges } from '../../db/schema/index.ts';

type Reader = Db | Tx;
export type LevelChangeRecord = typeof preventionLevelChanges.$inferSelect;

export function changeRow(row: LevelChangeRecord): LevelChangeRow {
  return {
    id: row.id,
    hallId: row.hallId,
    fromLevel: row.fromLevel,
    toLevel: row.toLevel,
    reason: row.reason,
    by: row.staffUsername,
    at: row.createdAt,
    effectiveAt: row.effectiveAt,
    appliedAt: row.appliedAt,
    scope: row.scope,
    regionId: row.regionId,
  };
}

/** LV4: the change as the level.changed event carries it to staff (applied, so its from-level is known). */
export function changeEventView(row: LevelChangeRecord, fromLevel: LevelChangeView['fromLevel']): LevelChangeView {
  return { id: row.id, fromLevel, toLevel: row.toLevel, reason: row.reason, by: row.staffUsername, at: row.createdAt, effectiveAt: row.effectiveAt, scope: row.scope, regionId: row.regionId };
}

/** Newest first; one hall's, or every hall's for city-wide staff. */
export function listChanges(db: Reader, hallId: string | null, limit: number): LevelChangeRow[] {
  return db
    .select()
    .from(preventionLevelChanges)
    .where(hallId ? eq(preventionLevelChanges.hallId, hallId) : undefined)
    .orderBy(desc(preventionLevelChanges.createdAt), desc(preventionLevelChanges.id))
    .limit(limit)
    .all()
    .map(changeRow);
}

/** LV7: the scheduled changes still waiting, of one hall or of all, oldest first. */
export function pendingChanges(db: Reader, hallId: string | null): LevelChangeRecord[] {
  return db
    .select()
    .from(preventionLevelChanges)
    .where(and(isNull(preventionLevelChanges.appliedAt), hallId ? eq(preventionLevelChanges.hallId, hallId) : undefined))
    .orderBy(asc(preventionLevelChanges.effectiveAt), asc(preventionLevelChanges.createdAt))
    .all();
}
