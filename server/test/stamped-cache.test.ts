import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Database_ } from '../src/db/connection.ts';
import { issueTicketTx } from '../src/modules/tickets/issue.service.ts';
import { StampedCache } from '../src/db/stamped-cache.ts';
import { trackTableVersions, writtenTable } from '../src/db/table-versions.ts';
import type { StaffAccount } from '@hallflow/shared/api';
import { ADMIN_PASSWORD, bearer, build, login, staffToken } from './helper.ts';

/** The next turn of the event loop, from which another connection's commit is seen (R10). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A cache of one table's row count, and how many times it really read. */
function counted(db: Database_, table: string) {
  let reads = 0;
  const cache = new StampedCache<number>([table]);
  const read = () =>
    cache.get(db.db, table, () => {
      reads++;
      return (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    });
  return { read, reads: () => reads };
}

describe('read caches stamped with table versions', () => {
  it('[R10] the target of each kind of write is read from its SQL; statements that change no data move nothing, a rollback moves everything', () => {
    expect(writtenTable('insert into "tickets" ("id") values (?)')).toBe('tickets');
    expect(writtenTable('INSERT OR IGNORE INTO `queue_counts` (a) VALUES (1)')).toBe('queue_counts');
    expect(writtenTable('update "windows" set "state" = ? where "windows"."id" = ?')).toBe('windows');
    expect(writtenTable('delete from "sessions" where "sessions"."token_hash" = ?')).toBe('sessions');
    expect(writtenTable('SAVEPOINT command')).toBeUndefined();
    expect(writtenTable('BEGIN IMMEDIATE')).toBeUndefined();
    expect(writtenTable('ROLLBACK TO command')).toBeNull();
    expect(writtenTable('ALTER TABLE tickets ADD x text')).toBeNull();
  });

  it('[R10] a value is read again after a write to its table, to a table whose trigger writes it, after a rollback, and after another connection commits', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hallflow-stamp-')), 'hall.db');
    const { app } = await build({ DATABASE_PATH: file });
    const store = app.store;
    const counts = counted(store, 'queue_counts');
    const windows = counted(store, 'windows');
    expect(counts.read()).toBe(0);
    const before = windows.read();
    expect([counts.read(), counts.reads()]).toEqual([0, 1]);
    // queue_counts is written only by the trigger on tickets.
    app.commands.run('demo', (ctx) => issueTicketTx(ctx, 'demo', { categoryId: 'demo-A', priority: false, partyId: null, partySize: 1 }));
    expect([counts.read(), counts.reads()]).toEqual([1, 2]);
    // Nothing written to windows: still the cached value.
    expect([windows.read(), windows.reads()]).toEqual([before, 1]);

    // Read inside a transaction after a write that is then rolled back: the rolled-back count must not be served later.
    expect(() =>
      store.sqlite.transaction(() => {
        store.sqlite.prepare("insert into windows (id, hall_id, number, category_ids) values ('w', 'demo', 99, '[]')").run();
        expect(windows.read()).toBe(before + 1);
        throw new Error('undo');
      })(),
    ).toThrow('undo');
    expect(windows.read()).toBe(before);

    // Another connection (a node sharing the file) commits: seen through data_version from the next turn of the event loop.
    const twin = new Database(file);
    twin.prepare("insert into windows (id, hall_id, number, category_ids) values ('w2', 'demo', 98, '[]')").run();
    twin.close();
    expect(windows.read()).toBe(before);
    await nextTurn();
    expect(windows.read()).toBe(before + 1);
  });

  it('[R10] data_version is read once per turn of the event loop, and once inside a transaction that took the write lock at BEGIN; a commit by another connection before it, and after it, is still seen', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hallflow-stamp-')), 'hall.db');
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('create table t (x integer)');
    // Count the runs of the versions' data_version statement.
    let reads = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      const statement = prepare(source);
      if (source.includes('data_version')) {
        const get = statement.get.bind(statement);
        statement.get = (...args: unknown[]) => (reads++, get(...args));
      }
      return statement;
    }) as typeof sqlite.prepare;
    const versions = trackTableVersions(sqlite);
    const twin = new Database(file);
    const stamp = () => versions.stamp(['t']);
    // Outside a transaction: one read per turn, however many stamps.
    const first = stamp();
    expect([stamp(), stamp(), reads]).toEqual([first, first, 1]);
    twin.prepare('insert into t values (1)').run();
    // In the same turn the twin's commit is not seen yet: every read of a turn sees the same state of the others.
    expect(stamp()).toBe(first);
    let inside: string[] = [];
    reads = 0;
    sqlite.transaction(() => {
      inside = [stamp(), stamp(), stamp(), stamp()];
    }).immediate();
    expect(reads).toBe(1);
    // The twin committed before BEGIN IMMEDIATE: the transaction's stamp differs from the one before it.
    expect(inside[0]).not.toBe(first);
    expect(new Set(inside).size).toBe(1);
    // A deferred transaction holds no write lock: it stamps as outside one (already read in this turn).
    reads = 0;
    sqlite.transaction(() => void [stamp(), stamp()]).deferred();
    expect(reads).toBe(0);
    // From the next turn a stamp reads again: the twin's next commit is seen.
    twin.prepare('insert into t values (2)').run();
    await nextTurn();
    expect(stamp()).not.toBe(inside[0]);
    expect(reads).toBe(1);
    twin.close();
    sqlite.close();
  });

  it('[R10][A17] a signed-out session, a disabled account and an expired session stop at once, though each was just answered from memory', async () => {
    const { app, clock } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const clerk = await staffToken(app, 'clerk', 'clerk-qian');
    const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) }).then((answer) => answer.statusCode);
    expect([await me(clerk), await me(clerk)]).toEqual([200, 200]);
    const accounts = (await app.inject({ method: 'GET', url: '/api/staff', headers: bearer(admin) })).json<StaffAccount[]>();
    await app.inject({ method: 'POST', url: `/api/staff/${accounts.find((s) => s.username === 'clerk-qian')!.id}/disable`, headers: bearer(admin) });
    expect(await me(clerk)).toBe(401);

    expect([await me(admin), await me(admin)]).toEqual([200, 200]);
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(admin) });
    expect(await me(admin)).toBe(401);

    const again = await login(app, 'admin', ADMIN_PASSWORD);
    expect(await me(again)).toBe(200);
    // A session lasts SESSION_HOURS (12 by default).
    clock.advance(12 * 60 + 1);
    expect(await me(again)).toBe(401);
  });
});
