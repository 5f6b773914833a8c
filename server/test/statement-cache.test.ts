import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from '../src/db/statement-cache.ts';

describe('the statement cache', () => {
  function database(limit?: number) {
    const sqlite = new Database(':memory:');
    sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b')");
    cacheStatements(sqlite, { limit });
    return sqlite;
  }

  it('[R10] the same SQL gets the same compiled statement, bound afresh on each run', () => {
    const sqlite = database();
    const first = sqlite.prepare('select name from t where id = ?');
    const second = sqlite.prepare('select name from t where id = ?');
    expect(second).toBe(first);
    expect(first.get(1)).toEqual({ name: 'a' });
    expect(second.get(2)).toEqual({ name: 'b' });
  });

  it('[R10] a statement left in raw (array) mode by one caller returns objects to the next', () => {
    const sqlite = database();
    expect(sqlite.prepare('select id, name from t order by id').raw().all()).toEqual([[1, 'a'], [2, 'b']]);
    expect(sqlite.prepare('select id, name from t order by id').all()).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
  });

  it('[R10] the cache keeps only the most recently used statements', () => {
    const sqlite = database(2);
    const kept = sqlite.prepare('select 1');
    sqlite.prepare('select 2');
    expect(sqlite.prepare('select 1')).toBe(kept);
    sqlite.prepare('select 3');
    const dropped = sqlite.prepare('select 2');
    expect(sqlite.prepare('select 1')).not.toBe(kept);
    expect(dropped.get()).toEqual({ 2: 2 });
  });

  it('[R10] writes through a cached statement run each time', () => {
    const sqlite = database();
    for (let i = 0; i < 3; i++) sqlite.prepare('insert into t (name) values (?)').run(`n${i}`);
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 5 });
  });
});
