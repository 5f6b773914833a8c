import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/server.ts';

/**
 * The benchmarks' smoke run (BENCH_SMOKE=1): small sizes, so CI knows they
 * still run end to end. It asserts that they ran and that every screen got
 * every call; the figures themselves are for `pnpm bench` on a quiet machine
 * (BENCHMARKS.md), never a pass/fail threshold.
 */
describe('pnpm bench, smoke-sized', () => {
  it('[SC2] the realtime and command benchmarks run, deliver every call to every screen, and meet no server error', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'realtime.ts'], {
      cwd: join(ROOT, 'bench'),
      env: { ...process.env, BENCH_SMOKE: '1' },
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('delivered per call');
    expect(run.stdout).toMatch(/delivered per call\s+200 of 200/);
    expect(run.stdout).toContain('load runs: 0 server errors');
    // The clerks really called tickets (a call that finds nobody is answered too).
    expect(run.stdout).toMatch(/8 clerks, durable\s+[1-9]\d* calls\/s/);
    // The door screened visitors (its walk-ins' places not used up before the timed run).
    expect(run.stdout).toMatch(/screenVisitor, durable, group commit\s+[1-9]\d* req\/s/);
    for (const figure of ['screens joined, fresh hall', 'event-loop lag p99', 'issueTicket, durable, group commit vs one commit each', 'callNext (+ start, complete), 8 clerks', 'heap per connected screen', 'on the other node', 'screens on a relay, p50']) {
      expect(run.stdout).toContain(figure);
    }
  }, 700_000);
});
