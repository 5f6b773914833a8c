import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { BeforeFigures } from '@hallflow/shared';
import { categories, halls, tickets } from './core.ts';

/** 事项: a service a hall offers, with what to bring and how long it usually takes. */
export const serviceItems = sqliteTable('service_items', {
  id: text('id').primaryKey(),
  hallId: text('hall_id').notNull().references(() => halls.id),
  categoryId: text('category_id').notNull().references(() => categories.id),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  materials: text('materials', { mode: 'json' }).$type<string[]>().notNull(),
  typicalMinutes: integer('typical_minutes').notNull(),
  /** CA2: the figures before the reform (materials, steps or inspections, statutory days, trips); null until recorded. */
  before: text('before', { mode: 'json' }).$type<BeforeFigures | null>(),
  /** CA2: the legal time limit (法定时限) in working days; null until recorded. */
  legalDays: integer('legal_days'),
  sortOrder: integer('sort_order').notNull().default(0),
  /** CA3: no longer offered; kept for past tickets and reports. */
  retiredAt: text('retired_at'),
});

/** 一件事: items handled as one case, at one comprehensive window or routed window to window. */
export const bundles = sqliteTable('bundles', {
  id: text('id').primaryKey(),
  hallId: text('hall_id').notNull().references(() => halls.id),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  itemIds: text('item_ids', { mode: 'json' }).$type<string[]>().notNull(),
  mode: text('mode', { enum: ['one_window', 'routed'] }).notNull(),
  /** For one-window bundles: the comprehensive window's category (一窗联办). */
  categoryId: text('category_id').references(() => categories.id),
  before: text('before', { mode: 'json' }).$type<BeforeFigures | null>(),
  legalDays: integer('legal_days'),
  sortOrder: integer('sort_order').notNull().default(0),
  retiredAt: text('retired_at'),
});

/** The items of a ticket and their progress. */
export const ticketItems = sqliteTable(
  'ticket_items',
  {
    ticketId: text('ticket_id').notNull().references(() => tickets.id),
    itemId: text('item_id').notNull().references(() => serviceItems.id),
    position: integer('position').notNull(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    state: text('state', { enum: ['pending', 'done'] }).notNull(),
    doneAt: text('done_at'),
    windowId: text('window_id'),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.itemId] }), index('ticket_items_hall').on(t.hallId)],
);
