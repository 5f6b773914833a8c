import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import app, { httpOptions } from '../src/app.ts';
import { loadEnv, type Env } from '../src/config/env.ts';
import { ManualClock } from '../src/core/clock.ts';
import { DomainError } from '../src/core/errors.ts';
import relayApp from '../src/relay/relay-app.ts';
import type { LoginResponse } from '@hallflow/shared/api';

export const ADMIN_PASSWORD = 'test-admin-password';
/** 10:00 on a Wednesday in Shanghai: inside every hall's opening hours. */
export const HALL_MORNING = '2026-11-25T02:00:00.000Z';

export interface TestApp {
  app: FastifyInstance;
  clock: ManualClock;
  env: Env;
}

const open: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((instance) => instance.close()));
});

/**
 * A fresh HallFlow on an in-memory database (or the given file), closed after
 * the test. `extend` adds routes of the test's own before the app is ready.
 */
export async function build(overrides: Record<string, string> = {}, extend?: (app: FastifyInstance) => void): Promise<TestApp> {
  const env = loadEnv({
    DATABASE_PATH: ':memory:',
    LOG_LEVEL: 'silent',
    ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
    APPS_DIR: '/nonexistent',
    HOUSEKEEPING_INTERVAL_MS: '0',
    ...overrides,
  });
  const clock = new ManualClock(HALL_MORNING);
  const instance = Fastify({ ...httpOptions, logger: false });
  await instance.register(app, { env, clock });
  extend?.(instance);
  await instance.ready();
  open.push(instance);
  return { app: instance, clock, env };
}

/** A relay of `primaryUrl` (a listening primary built with ROLE=primary and the same Redis prefix and secret). */
export async function buildRelay(primaryUrl: string, overrides: Record<string, string>): Promise<FastifyInstance> {
  const env = loadEnv({ LOG_LEVEL: 'silent', APPS_DIR: '/nonexistent', ROLE: 'relay', PRIMARY_URL: primaryUrl, ...overrides });
  const instance = Fastify({ ...httpOptions, logger: false });
  await instance.register(relayApp, { env, clock: new ManualClock(HALL_MORNING) });
  await instance.ready();
  open.push(instance);
  return instance;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
  return (response.json() as LoginResponse).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Signs in as admin, creates a staff member of the demo hall, and returns their token. */
export async function staffToken(app: FastifyInstance, role: 'door' | 'clerk' | 'supervisor', username: string = role): Promise<string> {
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  const created = await app.inject({
    method: 'POST',
    url: '/api/staff',
    headers: bearer(admin),
    payload: { username, displayName: `${role} ${username}`, role, hallId: 'demo', password: 'password-123' },
  });
  if (created.statusCode !== 201) throw new Error(`create ${username} failed: ${created.body}`);
  return login(app, username, 'password-123');
}

export const greenPerson = {
  healthCode: 'green',
  temperature: 36.5,
  mask: true,
  symptoms: { fever: false, cough: false, other: false },
} as const;

/** Row counts of every table, to prove a rejected request wrote nothing. */
export function tableCounts(app: FastifyInstance): Record<string, number> {
  const names = app.store.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    names.map(({ name }) => [name, (app.store.sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
  );
}

/** A second hall for tests that need more than the demo one. */
export const EAST_HALL = { id: 'east', name: '东区分中心', nameEn: 'East Branch', floorAreaM2: 300, areaPerPersonM2: 10, staffOnFloor: 4, holdingCapacity: 20, batchSize: 6 };

/** The command's answer, or null when the system refused it (a DomainError); any other failure is thrown. */
export function attempt<T>(run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return null;
  }
}

/** A small deterministic generator, so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}
