/**
 * The store of record. Every table that holds hall data carries `hallId`:
 * a city runs many halls from one server. Times are ISO-8601 UTC strings;
 * `day` columns are the hall's local business day (YYYY-MM-DD).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CheckName } from '@hallflow/shared';

export const halls = sqliteTable('halls', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  /** Where the hall is, as the booking confirmation names it (public). */
  address: text('address').notNull().default(''),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  floorAreaM2: real('floor_area_m2').notNull(),
  areaPerPersonM2: real('area_per_person_m2').notNull(),
  maxOccupancy: integer('max_occupancy'),
  staffOnFloor: integer('staff_on_floor').notNull().default(0),
  holdingCapacity: integer('holding_capacity').notNull(),
  batchSize: integer('batch_size').notNull(),
  /** Policies that evolve often (hours, screening, calling) as JSON, validated on write. */
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  /**
   * People counted out (or in) without a party: the "one person left" tap and
   * supervisor corrections. Inside = admitted parties' people + this, never below 0.
   */
  occupancyAdjustment: integer('occupancy_adjustment').notNull().default(0),
  createdAt: text('created_at').notNull(),
  /** CO2: where the hall sits in the city's four-level tree (市, 区/县, 乡镇/街道, 村/社区); null: directly under the city. */
  regionId: text('region_id'),
  sortOrder: integer('sort_order').notNull().default(0),
  /** CA4: closed for good; kept for past reports. */
  retiredAt: text('retired_at'),
  /** LV1: the prevention level whose preset was last applied to the hall's policies; 严格 (every rule on) before any switch. */
  preventionLevel: text('prevention_level', { enum: ['normal', 'elevated', 'strict'] }).notNull().default('strict'),
});

/** CO2: the city's administrative tree: 市 → 区/县 → 乡镇/街道 → 村/社区, each node with its parent. */
export const regions = sqliteTable('regions', {
  id: text('id').primaryKey(),
  parentId: text('parent_id'),
  level: text('level', { enum: ['city', 'district', 'town', 'community'] }).notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const categories = sqliteTable(
  'categories',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    prefix: text('prefix').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: text('retired_at'),
  },
  (t) => [uniqueIndex('categories_hall_prefix').on(t.hallId, t.prefix)],
);

export const windows = sqliteTable(
  'windows',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    number: integer('number').notNull(),
    categoryIds: text('category_ids', { mode: 'json' }).$type<string[]>().notNull(),
    state: text('state', { enum: ['open', 'paused', 'closed'] }).notNull().default('closed'),
    currentTicketId: text('current_ticket_id'),
    /** Calling rule Q3: normal tickets called here since the last priority one. */
    normalSincePriority: integer('normal_since_priority').notNull().default(0),
    clerkStaffId: text('clerk_staff_id'),
    clerkName: text('clerk_name'),
    retiredAt: text('retired_at'),
  },
  (t) => [uniqueIndex('windows_hall_number').on(t.hallId, t.number)],
);

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'supervisor', 'door', 'clerk'] }).notNull(),
  /** Null for city-wide staff. */
  hallId: text('hall_id').references(() => halls.id),
  /** scrypt$N$r$p$salt$hash — never the password itself. */
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull(),
  disabledAt: text('disabled_at'),
});

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the bearer token: a leaked database does not leak live sessions. */
  tokenHash: text('token_hash').primaryKey(),
  staffId: text('staff_id').notNull().references(() => staff.id),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
});

export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  hallId: text('hall_id').notNull().references(() => halls.id),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['lobby', 'window', 'outdoor', 'rating', 'kiosk'] }).notNull(),
  /** KS5: a self-service terminal inside the hall (past the door), where visitors may take a ticket. */
  inside: integer('inside', { mode: 'boolean' }).notNull().default(false),
  /** The window a window screen or rating pad is paired with: it rates only services that window finished (AC4), and the windows overview shows it there (W4). */
  windowId: text('window_id'),
  tokenHash: text('token_hash').notNull().unique(),
  /**
   * Only for the demo screens the first start pairs: their token, kept so an
   * admin can find the demo links again (人员与屏幕). Every other screen's token
   * is shown once and kept only as its hash; revoking clears this too.
   */
  demoToken: text('demo_token'),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
});

export const parties = sqliteTable(
  'parties',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    day: text('day').notNull(),
    leadName: text('lead_name').notNull(),
    displayName: text('display_name').notNull(),
    size: integer('size').notNull(),
    state: text('state', { enum: ['arrived', 'screened', 'holding', 'admitted', 'exited', 'denied'] }).notNull(),
    categoryId: text('category_id').notNull().references(() => categories.id),
    appointmentCode: text('appointment_code'),
    slotStart: text('slot_start'),
    arrivedAt: text('arrived_at').notNull(),
    screenedAt: text('screened_at'),
    admittedAt: text('admitted_at'),
    exitedAt: text('exited_at'),
    batchId: text('batch_id'),
    batchNumber: integer('batch_number'),
    ticketId: text('ticket_id'),
    denialReasons: text('denial_reasons', { mode: 'json' })
      .$type<{ code: string; zh: string; en: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    /** LV10: the checks this holding party must be re-checked for before a batch takes it (set by a tightening change). */
    recheck: text('recheck', { mode: 'json' }).$type<CheckName[]>().notNull().default(sql`'[]'`),
  },
  (t) => [
    index('parties_hall_state').on(t.hallId, t.state),
    index('parties_hall_day').on(t.hallId, t.day),
    // A12/R10: the on-site places a queue's slots hold on a day, counted from this index alone.
    index('parties_day_slot').on(t.hallId, t.categoryId, t.day, t.slotStart, t.appointmentCode, t.state),
  ],
);

export const screenings = sqliteTable(
  'screenings',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    partyId: text('party_id').notNull().references(() => parties.id),
    staffId: text('staff_id').notNull().references(() => staff.id),
    at: text('at').notNull(),
    /** Health readings per person; set to null when the retention period ends. */
    readings: text('readings', { mode: 'json' }).$type<unknown[] | null>(),
    admitted: integer('admitted', { mode: 'boolean' }).notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<{ code: string; zh: string; en: string }[]>().notNull(),
  },
  (t) => [index('screenings_hall_at').on(t.hallId, t.at)],
);

export const batches = sqliteTable(
  'batches',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    day: text('day').notNull(),
    number: integer('number').notNull(),
    admittedAt: text('admitted_at').notNull(),
    people: integer('people').notNull(),
    partyIds: text('party_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** Null when the hall admitted the batch by itself (automatic mode, rule B3). */
    staffId: text('staff_id').references(() => staff.id),
  },
  (t) => [uniqueIndex('batches_hall_day_number').on(t.hallId, t.day, t.number)],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    day: text('day').notNull(),
    categoryId: text('category_id').notNull().references(() => categories.id),
    prefix: text('prefix').notNull(),
    counter: integer('counter').notNull(),
    number: text('number').notNull(),
    state: text('state', { enum: ['waiting', 'called', 'serving', 'held', 'done', 'no_show'] }).notNull(),
    priority: integer('priority', { mode: 'boolean' }).notNull().default(false),
    /** DK2: why a priority ticket is one (绿色通道), as the desk recorded it. */
    priorityReason: text('priority_reason', { enum: ['age65', 'disability', 'pregnancy', 'military', 'other'] }),
    /** PR1: the people ahead when the desk or a terminal issued it, printed on the ticket. */
    aheadAtIssue: integer('ahead_at_issue'),
    windowId: text('window_id'),
    partyId: text('party_id'),
    partySize: integer('party_size').notNull().default(1),
    /** Unguessable token for the visitor's phone page (/t/:token). */
    publicToken: text('public_token').notNull().unique(),
    queuedAt: text('queued_at').notNull(),
    /** The appointment slot the visitor booked, when there is one (calling rule Q4). */
    slotStart: text('slot_start'),
    /** A transfer to one particular window (calling rule Q6). */
    targetWindowId: text('target_window_id'),
    issuedAt: text('issued_at').notNull(),
    calledAt: text('called_at'),
    callCount: integer('call_count').notNull().default(0),
    serviceStartedAt: text('service_started_at'),
    finishedAt: text('finished_at'),
    /** Satisfaction level 1–5 once rated (the rating row holds the details). */
    rating: integer('rating'),
    /** The clerk who served it, for ratings and reports. */
    clerkStaffId: text('clerk_staff_id'),
    /** When the ticket is a 一件事 case: its bundle (items and their progress are in ticket_items). */
    bundleId: text('bundle_id'),
    /** FR1: the case number (办件编号) the clerk records; visits with the same number are one case. */
    caseNumber: text('case_number'),
  },
  (t) => [
    // T3: a number is never issued twice in a hall's day, even under concurrency.
    uniqueIndex('tickets_hall_day_prefix_counter').on(t.hallId, t.day, t.prefix, t.counter),
    // The day's waiting count (DK4) from the index alone.
    index('tickets_hall_state_day').on(t.hallId, t.state, t.day),
    // A queue's latest finished services (E1) without reading the day's tickets. R10: only finished tickets
    // are in it, so issuing and calling (the busiest writes) do not touch it (a queue's waiting count comes
    // from queue_counts, its waiting tickets from tickets_call_order_place).
    index('tickets_hall_category_state_finished').on(t.hallId, t.categoryId, t.state, t.finishedAt).where(sql`${t.finishedAt} IS NOT NULL`),
    // Q10: the first waiting tickets of a queue, by kind and queue time, without reading the whole queue;
    // its trailing columns let DK4 count the people ahead from the index alone (R10).
    index('tickets_call_order_place').on(t.hallId, t.categoryId, t.state, t.priority, t.queuedAt, t.number, t.day, t.slotStart),
    // DK4: the appointments of a queue not yet due, a short range however long the queue (R10); a walk-in's
    // ticket has no slot and is not in it.
    index('tickets_slot_order').on(t.hallId, t.categoryId, t.state, t.priority, t.slotStart, t.day).where(sql`${t.slotStart} IS NOT NULL`),
    // E5: a queue's latest calls of the day, for its call interval (a ticket not called is not in it).
    index('tickets_calls').on(t.hallId, t.categoryId, t.day, t.calledAt).where(sql`${t.calledAt} IS NOT NULL`),
    // A batch's tickets, for the entrance screen's snapshot (a ticket of no party is not in it).
    index('tickets_party').on(t.partyId).where(sql`${t.partyId} IS NOT NULL`),
  ],
);

export const events = sqliteTable(
  'events',
  {
    hallId: text('hall_id').notNull().references(() => halls.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hallId, t.seq] }),
    // The last calls of a hall, for a screen's snapshot, without scanning the log.
    index('events_hall_type_seq').on(t.hallId, t.type, t.seq),
  ],
);
