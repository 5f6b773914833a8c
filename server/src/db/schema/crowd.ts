import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { halls } from './core.ts';

/**
 * Who went in and out, and when: for contact tracing (exportable as CSV) and
 * purged after the retention period. One row per party movement, with its
 * head count; anonymous exits and corrections have no party.
 */
export const entryLog = sqliteTable(
  'entry_log',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    at: text('at').notNull(),
    kind: text('kind', { enum: ['admitted', 'exited', 'counted_out', 'one_left', 'one_in', 'corrected', 'override'] }).notNull(),
    people: integer('people').notNull(),
    partyId: text('party_id'),
    batchNumber: integer('batch_number'),
    /** Masked name (张*三) and ticket number: enough to trace, no more. */
    displayName: text('display_name'),
    ticketNumber: text('ticket_number'),
    staffId: text('staff_id'),
    reason: text('reason'),
  },
  (t) => [index('entry_log_hall_at').on(t.hallId, t.at)],
);
