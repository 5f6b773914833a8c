import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.ts';
import { cacheStatements } from './statement-cache.ts';
import { trackTableVersions } from './table-versions.ts';

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle passed to code running inside a transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface Database_ {
  db: Db;
  sqlite: Database.Database;
}

/**
 * Opens the store of record and brings its schema up to date.
 *
 * WAL lets screens read while a command writes. synchronous=FULL makes every
 * commit wait for fsync of the WAL, so an acknowledged command (a ticket
 * number handed to a visitor, an admission) survives a power cut; see
 * docs/persistence.md for why NORMAL is not enough here.
 */
export function openDatabase(path: string): Database_ {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // R10: RETURNING clauses, savepoints and sorts keep their scratch tables in memory, not in a temporary
  // file: the new ticket's insert went from about 50 to 20 µs. They hold a statement's rows, not the store.
  sqlite.pragma('temp_store = MEMORY');
  // Several nodes may share the file (multi-node mode): wait for the write lock instead of failing.
  sqlite.pragma('busy_timeout = 10000');
  const versions = trackTableVersions(sqlite);
  cacheStatements(sqlite, { onCompiled: (statement) => versions.watch(statement) });
  const db = drizzle(sqlite, { schema });
  migrateAlongsideTwins(db, sqlite);
  versions.learnSchema(sqlite);
  return { db, sqlite };
}

/**
 * Applies pending migrations, also when another node is applying them to the same file at the
 * same moment. drizzle reads which migrations have run before it takes the write lock, so a
 * twin starting on a new file can apply them first; ours then fails on its first CREATE and
 * rolls back. When the log shows that someone else migrated meanwhile, reading it again finds
 * the work done; any other failure is a real one and is thrown.
 */
function migrateAlongsideTwins(db: Db, sqlite: Database.Database): void {
  for (;;) {
    const before = lastMigration(sqlite);
    try {
      migrate(db, { migrationsFolder: MIGRATIONS });
      return;
    } catch (error) {
      if (lastMigration(sqlite) === before) throw error;
    }
  }
}

function lastMigration(sqlite: Database.Database): number | null {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return null;
  const row = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as { last: number | null };
  return row.last;
}
