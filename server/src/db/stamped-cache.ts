import type { Db, Tx } from './connection.ts';
import { connectionOf } from './prepared.ts';
import { tableVersionsOf } from './table-versions.ts';

/**
 * R10: values read from a few tables, kept per connection and per key while
 * none of those tables has moved (TableVersions: this connection's writes,
 * rollbacks, and other connections' commits). What every request or every
 * command reads and almost nothing changes: a session's staff member, a
 * screen's device, a hall's row, its windows and its categories. A cached
 * value is shared between callers, so it is frozen: a caller that changed it
 * would change every later answer, and fails at once instead.
 */
export class StampedCache<V> {
  readonly #byConnection = new WeakMap<object, Map<string, { stamp: string; value: V }>>();

  constructor(
    private readonly tables: readonly string[],
    private readonly limit = 10_000,
  ) {}

  get(db: Db | Tx, key: string, read: () => V): V {
    const connection = connectionOf(db);
    // Stamped before the read: a change between the two cannot hide behind it.
    const stamp = tableVersionsOf(connection).stamp(this.tables);
    let entries = this.#byConnection.get(connection);
    if (!entries) this.#byConnection.set(connection, (entries = new Map()));
    const hit = entries.get(key);
    if (hit && hit.stamp === stamp) return hit.value;
    const value = deepFreeze(read());
    if (entries.size >= this.limit) entries.clear();
    entries.set(key, { stamp, value });
    return value;
  }
}

function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
