import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceView } from '@hallflow/shared/api';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import app, { httpOptions, type FirstStart } from '../src/app.ts';
import { loadEnv } from '../src/config/env.ts';
import { ManualClock } from '../src/core/clock.ts';
import { ADMIN_PASSWORD, HALL_MORNING, bearer, login } from './helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'hallflow-first-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the app on a database file, as `server.ts` does, and returns what the start reported. */
async function start(databasePath: string) {
  const env = loadEnv({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD, APPS_DIR: '/nonexistent', HOUSEKEEPING_INTERVAL_MS: '0' });
  let created: FirstStart | null = null;
  const instance = Fastify({ ...httpOptions, logger: false });
  await instance.register(app, { env, clock: new ManualClock(HALL_MORNING), onFirstStart: (first) => (created = first) });
  await instance.ready();
  return { app: instance, created: created as FirstStart | null };
}

describe('the first start', () => {
  it('[A23][A7] creates the demo hall\'s door, clerk and supervisor accounts with random passwords and pairs its screens, every window\'s too; later starts create nothing', async () => {
    const path = join(dir, 'first.db');
    const first = await start(path);
    try {
      const demo = first.created?.demo;
      expect(demo?.accounts.map((account) => [account.role, account.username])).toEqual([
        ['door', 'demo-door'],
        ['clerk', 'demo-clerk'],
        ['supervisor', 'demo-supervisor'],
      ]);
      const passwords = demo!.accounts.map((account) => account.password);
      for (const password of passwords) expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
      expect(new Set(passwords).size).toBe(3);
      for (const account of demo!.accounts) expect(await login(first.app, account.username, account.password)).toBeTruthy();
      // A lobby and an outdoor screen, and a window screen and a rating pad for each of the eight windows.
      expect(demo!.screens.map((screen) => `${screen.kind}${screen.windowNumber ?? ''}`)).toEqual(['lobby', 'outdoor', ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [`window${n}`, `rating${n}`])]);
      const pad = demo!.screens.find((screen) => screen.kind === 'rating' && screen.windowNumber === 3)!;
      expect((await first.app.inject({ method: 'GET', url: '/api/devices/me', headers: bearer(pad.token) })).json()).toMatchObject({ hallId: 'demo', windowNumber: 3 });

      // An admin finds the demo links again; a supervisor sees the screens but no token; a revoked screen's token is forgotten.
      const admin = await login(first.app, 'admin', ADMIN_PASSWORD);
      const supervisor = await login(first.app, 'demo-supervisor', demo!.accounts[2]!.password);
      const asAdmin = (await first.app.inject({ method: 'GET', url: '/api/halls/demo/devices', headers: bearer(admin) })).json<DeviceView[]>();
      expect(asAdmin.map((device) => device.demoToken)).toEqual(demo!.screens.map((screen) => screen.token));
      const asSupervisor = (await first.app.inject({ method: 'GET', url: '/api/halls/demo/devices', headers: bearer(supervisor) })).json<DeviceView[]>();
      expect(asSupervisor.map((device) => device.demoToken)).toEqual(asSupervisor.map(() => null));
      const lobby = asAdmin[0]!;
      await first.app.inject({ method: 'POST', url: `/api/halls/demo/devices/${lobby.id}/revoke`, headers: bearer(admin) });
      expect((first.app.store.sqlite.prepare('select demo_token as token from devices where id = ?').get(lobby.id) as { token: string | null }).token).toBeNull();
      // A screen paired by hand keeps no token.
      await first.app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: '手动', kind: 'lobby' } });
      expect((first.app.store.sqlite.prepare("select demo_token as token from devices where name = '手动'").get() as { token: string | null }).token).toBeNull();
    } finally {
      await first.app.close();
    }
    const second = await start(path);
    try {
      expect(second.created).toBeNull();
      expect((second.app.store.sqlite.prepare("select count(*) as n from staff where username like 'demo-%'").get() as { n: number }).n).toBe(3);
    } finally {
      await second.app.close();
    }
  });
});
