import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { categories, halls } from './core.ts';

/**
 * Appointments. Personal data is kept to what the door needs: the name (shown
 * masked everywhere public), the ID number only as a keyed hash (for the
 * per-day limit and look-up) and a masked form, the mobile as its last four
 * digits (door look-up) and a masked form.
 */
export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    code: text('code').notNull().unique(),
    categoryId: text('category_id').notNull().references(() => categories.id),
    /** What the visitor booked: one service item (事项) or a 一件事 bundle; both null for the queue as a whole. */
    itemId: text('item_id'),
    bundleId: text('bundle_id'),
    day: text('day').notNull(),
    slotStart: text('slot_start').notNull(),
    slotLocal: text('slot_local').notNull(),
    name: text('name').notNull(),
    /** DC1: the kind of identity document (its number is kept only as idHash and idMasked). */
    idType: text('id_type', { enum: ['resident', 'passport', 'hk_macau_permit', 'taiwan_permit', 'foreign_permanent'] }).notNull().default('resident'),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    mobileLast4: text('mobile_last4').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    /** A22: the whole mobile number as a keyed hash (like the ID, P3), so "find my booking" checks all of it; null for bookings made before. */
    mobileHash: text('mobile_hash'),
    partySize: integer('party_size').notNull(),
    status: text('status', { enum: ['booked', 'cancelled', 'arrived'] }).notNull(),
    createdAt: text('created_at').notNull(),
    /** B6: the door sent this visitor back on time because the holding area was full; check-in stays open for them until this instant. */
    heldUntil: text('held_until'),
  },
  // A1/R10: a queue's places taken on a day are counted from this index alone, whatever other days hold.
  (t) => [index('appointments_day_slot').on(t.hallId, t.categoryId, t.day, t.status, t.slotStart), index('appointments_id_day').on(t.idHash, t.day)],
);

/** Per-installation secrets, created on first use (the keyed hash of ID numbers). */
export const installationSecrets = sqliteTable('installation_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

