import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * R10, V2: how many people of a hall's parties are inside (admitted) and in
 * the holding area (holding), kept by triggers on `parties` (migration 0022)
 * in the same transaction as every change of a party's state, size or hall,
 * whichever node or tool changed it. The hall's occupancy reads two rows
 * instead of summing every admitted and holding party: a sum that grew with
 * the holding area and was read twice by every screening.
 */
export const partyCounts = sqliteTable(
  'party_counts',
  {
    hallId: text('hall_id').notNull(),
    state: text('state', { enum: ['admitted', 'holding'] }).notNull(),
    people: integer('people').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.state] })],
);
