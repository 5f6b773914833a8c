import type Database from 'better-sqlite3';

const versionsByConnection = new WeakMap<object, TableVersions>();

/** The table versions of a connection opened by `openDatabase` (R10: what read caches stamp their values with). */
export function tableVersionsOf(sqlite: object): TableVersions {
  const versions = versionsByConnection.get(sqlite);
  if (!versions) throw new Error('tableVersionsOf: this connection does not track its writes (open it with openDatabase)');
  return versions;
}

/**
 * Starts counting a connection's writes: its transactions and `exec` are
 * watched here, its statements by `watch` as each is compiled.
 */
export function trackTableVersions(sqlite: Database.Database): TableVersions {
  const versions = new TableVersions(sqlite);
  versionsByConnection.set(sqlite, versions);
  // A transaction that fails is rolled back by better-sqlite3 itself, with statements `watch` never sees.
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
    // Inside a transaction that holds the write lock from its BEGIN, no other connection can commit: one
    // read of data_version serves the whole transaction (a command stamped its cached reads four or five times).
    const locked =
      (run: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        // Nested, it is a savepoint of the transaction around it, which decides.
        const outermost = !sqlite.inTransaction;
        if (outermost) versions.holdWriteLock(true);
        try {
          return run(...args);
        } finally {
          if (outermost) versions.holdWriteLock(false);
        }
      };
    return Object.assign(guard(runs), {
      default: guard(runs.default),
      deferred: guard(runs.deferred),
      immediate: locked(guard(runs.immediate)),
      exclusive: locked(guard(runs.exclusive)),
    });
  }) as typeof sqlite.transaction;
  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = ((source: string) => {
    versions.written(null);
    return exec(source);
  }) as typeof sqlite.exec;
  return versions;
}

/**
 * R10: how far each table of one connection has moved, for the few read
 * caches that answer from memory (a staff member's session, a hall's windows,
 * its categories). Every write this connection runs bumps the version of the
 * table it writes, of the tables its triggers write and of the tables its
 * foreign keys cascade to; a write whose target cannot be read from its SQL
 * (DDL, `exec`) bumps every table. A commit by another connection (a node
 * sharing the file) shows in SQLite's `data_version` and moves every table.
 *
 * A cached value is stamped with the versions of the tables it was read from,
 * and used only while that stamp holds. A write bumps before it runs and
 * whether or not it commits, so a rolled-back write only costs a fresh read.
 */
export class TableVersions {
  readonly #versions = new Map<string, number>();
  /** Moves with every write of unknown target and every commit by another connection. */
  #everything = 0;
  #dataVersion: number | null = null;
  readonly #readDataVersion: () => number;
  /** Whether an outermost transaction that took the write lock at its BEGIN is open. */
  #locked = false;
  /** Whether data_version was read since it began. */
  #readUnderLock = false;
  /** Whether data_version was read outside such a transaction in this turn of the event loop. */
  #readThisTurn = false;
  readonly #nextTurn = () => {
    this.#readThisTurn = false;
  };
  /** For each table, the other tables a write to it may change (triggers, cascading foreign keys). */
  #alsoWritten = new Map<string, readonly string[]>();

  constructor(sqlite: Database.Database) {
    const pragma = sqlite.prepare('PRAGMA data_version').pluck();
    this.#readDataVersion = () => pragma.get() as number;
  }

  /** Reads the schema's triggers and foreign keys; called after migrations and after any DDL. */
  learnSchema(sqlite: Database.Database): void {
    this.#alsoWritten = writesBeyond(sqlite);
  }

  /** Every run of a statement that may write tells these versions first. */
  watch(statement: Database.Statement): void {
    if (statement.readonly) return;
    const table = writtenTable(statement.source);
    if (table === undefined) return;
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        this.written(table);
        return original.apply(statement, args);
      };
    }
  }

  /** A write to `table` (null: unknown target) is about to run. */
  written(table: string | null): void {
    if (table === null) {
      this.#everything++;
      return;
    }
    const pending = [table];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      this.#versions.set(next, (this.#versions.get(next) ?? 0) + 1);
      pending.push(...(this.#alsoWritten.get(next) ?? []));
    }
  }

  /** An outermost transaction that takes the write lock at its BEGIN (immediate, exclusive) starts (true) or ends (false). */
  holdWriteLock(held: boolean): void {
    this.#locked = held;
    this.#readUnderLock = false;
  }

  /**
   * The stamp of `tables` now: equal stamps mean none of them changed in
   * between. This connection's own writes move it at once; another
   * connection's commit from the next turn of the event loop: outside a
   * transaction that holds the write lock, data_version is read once per
   * turn. Each read of it outside a transaction takes a read lock on the
   * WAL (a request stamped its cached reads four or five times, a screen's
   * join as often, so a join storm spent a twentieth of its time there).
   * Every read of one turn then sees the other nodes' commits as of that
   * turn's first stamp, a consistent view; a transaction that takes the
   * write lock at its BEGIN reads it again, so a command decides on what is
   * committed when it runs.
   */
  stamp(tables: readonly string[]): string {
    if (this.#locked ? !this.#readUnderLock : !this.#readThisTurn) {
      const dataVersion = this.#readDataVersion();
      if (dataVersion !== this.#dataVersion) {
        this.#dataVersion = dataVersion;
        this.#everything++;
      }
      if (this.#locked) this.#readUnderLock = true;
      else {
        this.#readThisTurn = true;
        setImmediate(this.#nextTurn);
      }
    }
    let stamp = String(this.#everything);
    for (const table of tables) stamp += `:${this.#versions.get(table) ?? 0}`;
    return stamp;
  }
}

const WRITE = /^\s*(?:insert|replace)\s+(?:or\s+\w+\s+)?into\s+["`]?(\w+)|^\s*update\s+(?:or\s+\w+\s+)?["`]?(\w+)|^\s*delete\s+from\s+["`]?(\w+)/i;
const NO_DATA = /^\s*(?:begin|commit|end|savepoint|release|pragma\s+(?:data_version|foreign_keys|journal_mode|synchronous|busy_timeout|temp_store|table_info|foreign_key_list|wal_checkpoint))\b/i;

/**
 * The table a statement writes; undefined when it writes no data; null when
 * it may change anything. A rollback is such a change: a value read after a
 * write that is then undone carries the written version.
 */
export function writtenTable(source: string): string | null | undefined {
  const match = WRITE.exec(source);
  if (match) return (match[1] ?? match[2] ?? match[3])!;
  if (NO_DATA.test(source)) return undefined;
  return null;
}

/** Foreign-key actions that change the referring rows (RESTRICT and NO ACTION only refuse). */
const CHANGES_CHILD = new Set(['CASCADE', 'SET NULL', 'SET DEFAULT']);

/** For each table, what triggers on it write and which tables' rows its deletes and updates cascade to. */
function writesBeyond(sqlite: Database.Database): Map<string, readonly string[]> {
  const beyond = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (!beyond.has(from)) beyond.set(from, new Set());
    beyond.get(from)!.add(to);
  };
  const triggers = sqlite.prepare("SELECT tbl_name AS on_table, sql FROM sqlite_master WHERE type = 'trigger'").all() as { on_table: string; sql: string }[];
  for (const trigger of triggers) {
    const body = trigger.sql.slice(trigger.sql.search(/\bbegin\b/i));
    for (const match of body.matchAll(/\b(?:insert\s+(?:or\s+\w+\s+)?into|update(?:\s+or\s+\w+)?|delete\s+from)\s+["`]?(\w+)/gi)) add(trigger.on_table, match[1]!);
  }
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  for (const table of tables) {
    const keys = sqlite.prepare(`PRAGMA foreign_key_list("${table.replaceAll('"', '""')}")`).all() as { table: string; on_update: string; on_delete: string }[];
    for (const key of keys) if (CHANGES_CHILD.has(key.on_delete) || CHANGES_CHILD.has(key.on_update)) add(key.table, table);
  }
  return new Map([...beyond].map(([table, targets]) => [table, [...targets]]));
}
