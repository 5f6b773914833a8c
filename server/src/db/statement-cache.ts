import type Database from 'better-sqlite3';
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
 * otherwise grow it without end). `onCompiled` sees each statement once, when
 * it is first compiled.
 */
export function cacheStatements(sqlite: Database.Database, { limit = 500, onCompiled = () => undefined }: { limit?: number; onCompiled?: (statement: Database.Statement) => void } = {}): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = prepare(source);
    onCompiled(statement);
    cache.set(source, statement);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
}
