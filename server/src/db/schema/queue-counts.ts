import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * R10: how many tickets wait in each queue of each day, kept by triggers on
 * `tickets` (migration 0016) in the same transaction as every change of a
 * ticket's state, queue or day, so it is never out of step with the tickets
 * themselves, whichever node or tool changed them. It replaces counting the
 * waiting tickets on every ticket event (a cost that grew with the queue).
 * A row whose count falls to zero is removed.
 */
export const queueCounts = sqliteTable(
  'queue_counts',
  {
    hallId: text('hall_id').notNull(),
    categoryId: text('category_id').notNull(),
    day: text('day').notNull(),
    waiting: integer('waiting').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.categoryId, t.day] })],
);
