import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../src/config/env.ts';
import { offsetClock } from '../src/core/clock.ts';

describe('the environment, checked at start', () => {
  it('[A10] a fast clock is for demos: it needs a start, and production refuses it', () => {
    expect(() => loadEnv({ CLOCK_SPEED: '60' })).toThrow(EnvError);
    expect(() => loadEnv({ CLOCK_SPEED: '60', CLOCK_START: '2026-11-25T08:00:00+08:00', NODE_ENV: 'production' })).toThrow(/CLOCK_SPEED/);
    expect(loadEnv({ CLOCK_SPEED: '60', CLOCK_START: '2026-11-25T08:00:00+08:00' }).CLOCK_SPEED).toBe(60);
    expect(() => loadEnv({ CLOCK_SPEED: '0' })).toThrow(/CLOCK_SPEED/);
  });

  it('[A10] a clock started at an instant runs at the speed it is given', async () => {
    const start = new Date('2026-11-25T00:00:00.000Z');
    const fast = offsetClock(start, 600);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const elapsed = fast.now().getTime() - start.getTime();
    // 100 ms of real time is a minute at 600×; timers run late, never early.
    expect(elapsed).toBeGreaterThanOrEqual(59_000);
    expect(elapsed).toBeLessThan(600 * 1_000);
  });

  it('[MN1] a primary or a relay names what it lacks: Redis, the relay secret, and for a relay its primary', () => {
    expect(() => loadEnv({ ROLE: 'relay' })).toThrow(/REDIS_URL, RELAY_SECRET, PRIMARY_URL/);
    expect(() => loadEnv({ ROLE: 'primary', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/RELAY_SECRET: ROLE=primary needs it/);
    expect(() => loadEnv({ ROLE: 'relay', REDIS_URL: 'redis://x', RELAY_SECRET: 'short', PRIMARY_URL: 'http://p' })).toThrow(/RELAY_SECRET/);
    expect(() => loadEnv({ ROLE: 'leader' })).toThrow(/ROLE/);
    expect(loadEnv({ ROLE: 'relay', REDIS_URL: 'redis://x', RELAY_SECRET: 'a'.repeat(32), PRIMARY_URL: 'http://10.0.0.1:3000' }).ROLE).toBe('relay');
  });
});
