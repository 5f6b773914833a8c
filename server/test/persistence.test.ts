import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connection.ts';
import { ADMIN_PASSWORD, bearer, build, login } from './helper.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallflow-'));
  dirs.push(dir);
  return join(dir, 'nested', 'hallflow.db');
}

describe('the store of record', () => {
  it('[P1] a file database runs in WAL mode with synchronous=FULL and foreign keys on', () => {
    const { sqlite } = openDatabase(tempFile());
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });

  it('[P1] migrations are applied once and a restart keeps every acknowledged ticket', async () => {
    const path = tempFile();
    const first = await build({ DATABASE_PATH: path });
    const admin = await login(first.app, 'admin', ADMIN_PASSWORD);
    const issued = await first.app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-E' } });
    expect(issued.statusCode).toBe(201);
    await first.app.close();

    const second = await build({ DATABASE_PATH: path });
    const again = await login(second.app, 'admin', ADMIN_PASSWORD);
    const snapshot = (await second.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(again) })).json<{
      seq: number;
      tickets: { number: string }[];
    }>();
    expect(snapshot.tickets.map((t) => t.number)).toEqual(['E001']);
    expect(snapshot.seq).toBe(1);
    const halls = second.app.store.sqlite.prepare('select count(*) as n from halls').get() as { n: number };
    expect(halls.n).toBe(1);
  });
});
