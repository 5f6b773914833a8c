import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { halls, tickets } from './core.ts';

/** 好差评: one rating per ticket (per window for a routed 一件事, F6), tied to the window, the clerk and the category, for reports. */
export const ratings = sqliteTable(
  'ratings',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    ticketId: text('ticket_id').notNull().references(() => tickets.id),
    day: text('day').notNull(),
    windowId: text('window_id'),
    clerkStaffId: text('clerk_staff_id'),
    categoryId: text('category_id').notNull(),
    level: integer('level').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    comment: text('comment'),
    source: text('source', { enum: ['pad', 'phone'] }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    index('ratings_hall_day').on(t.hallId, t.day),
    // F2, F6: one rating per ticket, and per window for a routed 一件事.
    uniqueIndex('ratings_ticket_window').on(t.ticketId, t.windowId),
  ],
);
