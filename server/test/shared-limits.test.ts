import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, build, staffToken } from './helper.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Two nodes of one city: one SQLite file, one Redis (under a key prefix of this test's own). */
async function twoNodes(overrides: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'hallflow-limits-'));
  dirs.push(dir);
  const shared = { DATABASE_PATH: join(dir, 'hall.db'), REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: `hallflow-limits-${process.pid}-${Date.now()}`, ...overrides };
  const first = (await build(shared)).app;
  const second = (await build(shared)).app;
  return [first, second] as const;
}

describe('limits hold for the city, not per node (Redis)', () => {
  it('[AC5] public rate limits are counted across nodes', async () => {
    const [a, b] = await twoNodes({ PUBLIC_RATE_LIMIT: '4' });
    const statuses: number[] = [];
    for (const node of [a, b, a, b, a]) statuses.push((await node.inject({ method: 'GET', url: '/api/halls', remoteAddress: '10.1.1.1' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it('[AC5] sign-in back-off follows the account from node to node', async () => {
    const [a, b] = await twoNodes({ LOGIN_RATE_LIMIT: '1000' });
    await staffToken(a, 'door', 'roaming-door');
    for (let i = 0; i < 5; i++) {
      const node = i % 2 === 0 ? a : b;
      expect((await node.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'roaming-door', password: 'guess' } })).statusCode).toBe(401);
    }
    const sixth = await b.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'roaming-door', password: 'password-123' } });
    expect(sixth.statusCode).toBe(429);
    // The admin, another account, is not held back.
    expect((await a.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } })).statusCode).toBe(200);
  });
});
