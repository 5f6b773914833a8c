import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, startServer } from '../../e2e/support/server.ts';
import { runDay, SIM_DATE, type DayLog } from './day.ts';
import { measureDay, type DayReport } from './metrics.ts';
import type { SimOptions } from './options.ts';

export interface SimulationResult {
  report: DayReport;
  log: DayLog;
  realSeconds: number;
}

/**
 * A whole simulated day: a fresh server on its own database, its clock
 * starting before the hall opens and running `speed` times faster, the day
 * driven through the API, then measured from the database.
 */
export async function simulate(options: SimOptions, onReady?: (links: Record<string, string>) => void): Promise<SimulationResult> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'hallflow-sim-'));
  // Bookings are made before the first slot: the clock starts three hours before it (3,000 bookings take about 15 s at 400×).
  const [hour, minute] = options.firstSlot.split(':').map(Number) as [number, number];
  const start = `${SIM_DATE}T${String(Math.max(0, hour - 3)).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
  const server = await startServer({
    databasePath: join(dir, 'day.db'),
    env: {
      CLOCK_START: start,
      CLOCK_SPEED: String(options.speed),
      PUBLIC_RATE_LIMIT: '100000000',
      LOGIN_RATE_LIMIT: '100000',
      // Count-out of visitors seen leaving by nobody (X2) every few simulated minutes.
      HOUSEKEEPING_INTERVAL_MS: String(Math.max(100, Math.round((5 * 60_000) / options.speed))),
      LOG_LEVEL: 'error',
    },
  });
  try {
    const log = await runDay(server.url, ADMIN_PASSWORD, options, onReady);
    await server.stop();
    return { report: measureDay(server.databasePath, 'demo', log.phoneEstimates), log, realSeconds: (Date.now() - started) / 1000 };
  } finally {
    await server.stop('SIGKILL');
    // SIM_KEEP_DB=1 keeps the day's SQLite file to study it (its path is printed).
    if (process.env.SIM_KEEP_DB) console.error(`day database kept: ${join(dir, 'day.db')}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
