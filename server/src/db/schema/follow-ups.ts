import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { halls, tickets } from './core.ts';
import { ratings } from './ratings.ts';

/**
 * 差评整改 (FU1–FU5): every 不满意 or 非常不满意 rating opens one case,
 * assigned to a supervisor, with a 回访 deadline. The visitor's contact
 * details are kept here only, read by the assigned supervisor, and every
 * read is audited.
 */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    ratingId: text('rating_id').notNull().unique().references(() => ratings.id),
    ticketId: text('ticket_id').notNull().references(() => tickets.id),
    ticketNumber: text('ticket_number').notNull(),
    day: text('day').notNull(),
    level: integer('level').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    comment: text('comment'),
    windowId: text('window_id'),
    categoryId: text('category_id').notNull(),
    openedAt: text('opened_at').notNull(),
    dueAt: text('due_at').notNull(),
    assigneeStaffId: text('assignee_staff_id'),
    /** Personal data: the visitor's name and the number they left; never in an event or a list. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: ['open', 'contacted', 'closed'] }).notNull(),
    contactedAt: text('contacted_at'),
    contactNote: text('contact_note'),
    finding: text('finding'),
    justified: integer('justified', { mode: 'boolean' }),
    rectification: text('rectification'),
    closedAt: text('closed_at'),
  },
  (t) => [index('follow_ups_hall_status').on(t.hallId, t.status), index('follow_ups_hall_day').on(t.hallId, t.day)],
);
