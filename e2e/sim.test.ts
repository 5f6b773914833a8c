import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../sim/src/options.ts';
import { simulate } from '../sim/src/simulate.ts';

/** The CI day: small and fast; `pnpm sim` runs the full 3,000-visitor day. */
const SMALL_DAY = {
  ...DEFAULT_OPTIONS,
  visitors: Number(process.env.SIM_VISITORS ?? 150),
  windows: 6,
  capacity: 30,
  holdingCapacity: 20,
  batchSize: 6,
  doorLanes: 2,
  firstSlot: '09:00',
  lastSlot: '10:30',
  speed: Number(process.env.SIM_SPEED ?? 500),
};

describe('a simulated day, driven through the real API', () => {
  it('[SC1][C4][S2] the hall is never above its limit, nobody turned away at the door is inside, and every figure is measured from the system', async () => {
    const { report, log } = await simulate(SMALL_DAY);
    expect(log.serverErrors).toEqual([]);
    expect(report.overCapacityMoments).toBe(0);
    expect(report.deniedButInside).toBe(0);
    expect(report.peakOccupancy).toBeLessThanOrEqual(report.capacity);
    expect(report.capacity).toBe(30);
    // The day happened: visitors booked, were screened, admitted, served and rated; some were turned away for their health.
    expect(report.visitors).toBe(SMALL_DAY.visitors);
    expect(report.admitted).toBeGreaterThan(SMALL_DAY.visitors / 2);
    expect(report.served).toBeGreaterThan(SMALL_DAY.visitors / 3);
    expect(report.ratings).toBeGreaterThan(0);
    expect(Object.values(report.deniedByReason).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const key of ['arrivalToAdmissionP90Min', 'arrivalToCallP90Min', 'doorInteractionsPerGreenVisitor', 'windowUtilisation'] as const) {
      expect(report[key], key).not.toBeNull();
    }
    expect(report.windowUtilisation!).toBeGreaterThan(0);
    expect(report.windowUtilisation!).toBeLessThanOrEqual(1);
  }, 600_000);
});
