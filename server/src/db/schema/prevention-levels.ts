import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { halls } from './core.ts';

const LEVELS = ['normal', 'elevated', 'strict'] as const;

/**
 * LV4, LV7: every prevention-level change, one row per hall it moved: who
 * set it, when, why, from which level, for the hall, a district or the city
 * (a district's or the city's change shares its `groupId` across its halls),
 * and when it takes effect. A scheduled change waits with `appliedAt` null
 * until the level job applies it; `fromLevel` is the level it actually left,
 * written when it is applied.
 */
export const preventionLevelChanges = sqliteTable(
  'prevention_level_changes',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id').notNull(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    scope: text('scope', { enum: ['hall', 'region', 'city'] }).notNull(),
    regionId: text('region_id'),
    fromLevel: text('from_level', { enum: LEVELS }),
    toLevel: text('to_level', { enum: LEVELS }).notNull(),
    reason: text('reason').notNull(),
    staffId: text('staff_id').notNull(),
    staffUsername: text('staff_username').notNull(),
    createdAt: text('created_at').notNull(),
    effectiveAt: text('effective_at').notNull(),
    appliedAt: text('applied_at'),
  },
  (t) => [index('level_changes_hall_created').on(t.hallId, t.createdAt), index('level_changes_pending').on(t.appliedAt, t.effectiveAt)],
);
