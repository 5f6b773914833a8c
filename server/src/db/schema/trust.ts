import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * AU1: every staff action, append-only (triggers refuse UPDATE, and DELETE of
 * rows younger than the legal minimum; see the migration). Names and ids of
 * the actor are copied so an entry stays readable after an account changes.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** Null for actions that are not about one hall (accounts, a new hall's creator is recorded under the new hall). */
    hallId: text('hall_id'),
    staffId: text('staff_id').notNull(),
    staffUsername: text('staff_username').notNull(),
    staffRole: text('staff_role').notNull(),
    /** The operationId of the command, e.g. callNext, updateCrowdConfig. */
    action: text('action').notNull(),
    /** What it acted on: the route's parameters (window, ticket, account …). */
    target: text('target', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    before: text('before', { mode: 'json' }).$type<unknown>(),
    after: text('after', { mode: 'json' }).$type<unknown>(),
  },
  (t) => [index('audit_hall_at').on(t.hallId, t.at), index('audit_staff_at').on(t.staffId, t.at), index('audit_at').on(t.at)],
);

/**
 * IN5: the first answer to a command sent with an Idempotency-Key, stored in
 * the command's own transaction, so a retry returns it and changes nothing.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    /** Who sent it (staff:<id>, device:<id>, ticket:<id>, public) — one caller's key never answers another's. */
    caller: text('caller').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.key] }), index('idempotency_at').on(t.at)],
);
