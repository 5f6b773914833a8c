import type Database from 'better-sqlite3';
import { TableVersions } from './table-versions.ts';

const versionsByConnection = new WeakMap<Database.Database, TableVersions>();

/** The table versions of a connection opened by `openDatabase` (R10: what read caches stamp their values with). */
export function tableVersionsOf(sqlite: Database.Database): TableVersions {
  const versions = versionsByConnection.get(sqlite);
  if (!versions) throw new Error('tableVersionsOf: this connection does not track its writes (open it with openDatabase)');
  return versions;
}

/**
 * R10: reuses each SQL statement instead of compiling it again on every
 * query. drizzle asks better-sqlite3 to prepare every query it runs; SQLite's
 * prepare (parsing and planning) was the largest single cost of a command
 * (about an eighth of an `issueTicket`). A statement is bound afresh on each
 * run, so sharing it between calls is safe as long as none is iterated while
 * another call runs it (drizzle only uses run/get/all, which finish at once).
 *
 * drizzle switches a reading statement to raw (array) rows for some queries
 * and leaves it so; a cached statement is put back to object rows before it
 * is handed out, so each caller finds it as a fresh one. The cache holds the
 * most recently used `limit` statements (SQL built with literal values would
 * otherwise grow it without end).
 */
export function cacheStatements(sqlite: Database.Database, limit = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const versions = new TableVersions(sqlite);
  versionsByConnection.set(sqlite, versions);
  // A transaction that fails is rolled back by better-sqlite3 itself, with statements this cache never sees.
  const transaction = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((body: (...args: unknown[]) => unknown) => {
    const runs = transaction(body);
    const guard =
      (run: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        try {
          return run(...args);
        } catch (error) {
          versions.written(null);
          throw error;
        }
      };
    return Object.assign(guard(runs), { default: guard(runs.default), deferred: guard(runs.deferred), immediate: guard(runs.immediate), exclusive: guard(runs.exclusive) });
  }) as typeof sqlite.transaction;
  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = ((source: string) => {
    versions.written(null);
    return exec(source);
  }) as typeof sqlite.exec;
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = prepare(source);
    if (!statement.readonly) trackWrites(statement, versions);
    cache.set(source, statement);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
}

/** Every run of a statement that may write tells the connection's table versions first. */
function trackWrites(statement: Database.Statement, versions: TableVersions): void {
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = statement[method] as (...args: unknown[]) => unknown;
    (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      versions.beforeRun(statement.source);
      return original.apply(statement, args);
    };
  }
}
