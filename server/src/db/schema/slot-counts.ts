import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * R10, A1, A12: how many places of each slot start of a queue's day are
 * taken: booked or arrived appointments, and on-site parties (walk-ins) given
 * the slot and not denied at the door. Kept by triggers on `appointments` and
 * `parties` (migration 0023) in the same transaction as every change that
 * takes or frees a place, whichever node or tool made it. A booking reads the
 * few rows of its queue's day instead of counting the day's bookings (twice
 * per booking, a count that grew with the day).
 */
export const slotCounts = sqliteTable(
  'slot_counts',
  {
    hallId: text('hall_id').notNull(),
    categoryId: text('category_id').notNull(),
    day: text('day').notNull(),
    slotStart: text('slot_start').notNull(),
    taken: integer('taken').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.categoryId, t.day, t.slotStart] })],
);
