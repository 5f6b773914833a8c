import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connection.ts';
import { bearer, build, login, ADMIN_PASSWORD, HALL_MORNING } from './helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'hallflow-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWorkers(path: string, kind: 'issue' | 'call' | 'book' | 'migrate', jobs: { count: number; windowIds: string[]; firstId?: number; now?: string }[]): Promise<string[][]> {
  const startAt = Date.now() + 3_000; // every process connected before any starts
  return Promise.all(
    jobs.map(
      (job) =>
        new Promise<string[]>((resolve, reject) => {
          const script = fileURLToPath(new URL('./support/concurrent-worker.ts', import.meta.url));
          const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ path, kind, startAt, ...job })], {
            cwd: fileURLToPath(new URL('..', import.meta.url)),
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          let err = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
          child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`worker failed (${code}): ${err}`))));
        }),
    ),
  );
}

const expectedNumbers = (n: number) => Array.from({ length: n }, (_, i) => `A${String(i + 1).padStart(3, '0')}`);

describe('ticket numbers, calls and bookings under real concurrency', () => {
  it('[A2] 200 bookings at once by four processes for one slot of 10 places: exactly 10 are stored', async () => {
    const path = join(dir, 'book.db');
    const { app } = await build({ DATABASE_PATH: path });
    await app.close();
    const jobs = Array.from({ length: 4 }, (_, worker) => ({ count: 50, windowIds: [], firstId: 100 + worker * 50, now: HALL_MORNING }));
    const codes = (await runWorkers(path, 'book', jobs)).flat();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const { sqlite } = openDatabase(path);
    try {
      expect((sqlite.prepare("select count(*) as n from appointments where day = '2026-11-25' and slot_local = '14:00'").get() as { n: number }).n).toBe(10);
    } finally {
      sqlite.close();
    }
  });

  it('[T3] 500 tickets issued at once by four processes to one file get 500 distinct numbers A001–A500', async () => {
    const path = join(dir, 'issue.db');
    const { app } = await build({ DATABASE_PATH: path });
    await app.close();
    const results = await runWorkers(path, 'issue', Array.from({ length: 4 }, () => ({ count: 125, windowIds: [] })));
    const numbers = results.flat();
    expect(numbers).toHaveLength(500);
    expect(numbers.toSorted()).toEqual(expectedNumbers(500));
  });

  it('[T3] 500 simultaneous issue requests to one server get 500 distinct numbers', async () => {
    const { app } = await build({ DATABASE_PATH: join(dir, 'inject.db') });
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const responses = await Promise.all(
      Array.from({ length: 500 }, () => app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } })),
    );
    const numbers = responses.map((r) => r.json<{ ticket: { number: string } }>().ticket.number);
    expect(numbers.toSorted()).toEqual(expectedNumbers(500));
  });

  it('[Q8] 1,000 calls at once from eight windows on four processes: every ticket is called exactly once', async () => {
    const path = join(dir, 'call.db');
    const { app } = await build({ DATABASE_PATH: path });
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    app.store.sqlite.prepare(`update windows set state = 'open', category_ids = '["demo-A"]' where hall_id = 'demo'`).run();
    for (let i = 0; i < 1_000; i++) {
      await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } });
    }
    await app.close();
    const windowIds = Array.from({ length: 8 }, (_, i) => `demo-w${i + 1}`);
    const results = await runWorkers(
      path,
      'call',
      Array.from({ length: 4 }, (_, w) => ({ count: 260, windowIds: windowIds.slice(w * 2, w * 2 + 2) })),
    );
    const called = results.flat();
    expect(called).toHaveLength(1_000);
    expect(new Set(called).size).toBe(1_000);
    expect(results.every((r) => r.length > 100)).toBe(true); // every connection really took part
    // Correctness under contention, not speed (that is `pnpm bench`): a loaded two-core machine needs more than the default 30 s.
  }, 120_000);
});

describe('nodes starting together', () => {
  it('[A7] a node that finds no migrations applied while a twin is applying them comes up once the twin has finished', async () => {
    // The twin's part, played here: a new file whose migration log exists but is empty, and a
    // write lock held while the other node starts and reads that log.
    const path = join(dir, 'twins.db');
    const twin = new Database(path);
    twin.pragma('journal_mode = WAL');
    twin.exec('CREATE TABLE __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    twin.exec('BEGIN IMMEDIATE');
    const node = runWorkers(path, 'migrate', [{ count: 0, windowIds: [] }]);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // the node has started and waits for the lock
    twin.exec('ROLLBACK');
    twin.close();
    const { sqlite } = openDatabase(path); // the twin applies every migration first
    await node;
    const applied = sqlite.prepare('SELECT hash FROM __drizzle_migrations').all() as { hash: string }[];
    expect(applied.length).toBeGreaterThan(15);
    expect(new Set(applied.map((row) => row.hash)).size).toBe(applied.length);
    sqlite.close();
  }, 60_000);
});
