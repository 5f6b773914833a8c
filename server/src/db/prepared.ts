import { sql, type Placeholder } from 'drizzle-orm';
import type { Db, Tx } from './connection.ts';

type Reader = Db | Tx;

const byConnection = new WeakMap<object, Map<string, unknown>>();

/**
 * R10: a query built once per connection and run many times with
 * placeholders. drizzle builds the SQL text of a query on every call (walks
 * the query's parts, checks each entity's kind, escapes names); for the few
 * queries every command runs (the hall's row, the event log, the queue
 * figures) that building cost more than SQLite's work. A transaction runs on
 * its database's connection, so a query prepared on either serves both.
 */
export function prepared<Q>(db: Reader, name: string, build: (db: Reader) => Q): Q {
  const connection = connectionOf(db);
  let queries = byConnection.get(connection);
  if (!queries) byConnection.set(connection, (queries = new Map()));
  let query = queries.get(name) as Q | undefined;
  if (query === undefined) queries.set(name, (query = build(db)));
  return query;
}

/** The SQLite connection a database handle or a transaction runs on: what per-connection caches are keyed by. */
export function connectionOf(db: Reader): object {
  return (db as unknown as { session: { client: object } }).session.client;
}

/**
 * The values of a prepared insert: each named column bound from the run's
 * parameter of the same name (every one must then be given, null where empty).
 * Typed as the table's insert shape, which drizzle's `values` asks for.
 */
export function placeholders<Row>(columns: readonly (keyof Row & string)[]): Row {
  return Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as Record<string, Placeholder> as Row;
}

/**
 * R10: a constant LIMIT written into the SQL text instead of bound. Our
 * SQLite is built with STAT4, and it plans a statement again each time a
 * bound LIMIT is bound: 3 µs for `select 1 limit ?`, about 25 µs for the
 * handling-times query every issue ran twice, while the same statement with
 * `limit 20` in its text runs in under 2 µs. drizzle binds a number limit and
 * writes an SQL one as it is, hence the cast. Only for constants: a limit
 * that varies per request would make a new statement text per value.
 */
export function literalLimit(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`literalLimit: ${n} is not a count of rows`);
  return sql.raw(String(n)) as unknown as number;
}

/**
 * The columns an update sets, in one order: those given a value (undefined
 * is left out, as drizzle's `set` does; null is a value). With `placeholders`
 * they make an update prepared once per set of columns (R10).
 */
export function setColumns<Row extends object>(values: Partial<Row>): (keyof Row & string)[] {
  return (Object.keys(values) as (keyof Row & string)[]).filter((column) => values[column] !== undefined).sort();
}
