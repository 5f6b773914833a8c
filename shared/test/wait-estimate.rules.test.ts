import { describe, expect, it } from 'vitest';
import { categoryWaitMinutes, estimateWaitMinutes, servingWindows, smoothedHandlingMinutes } from '../src/domain/index.ts';
import { simulateDay } from './support/simulated-day.ts';

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

describe('estimated wait', () => {
  it('[E1] handling time starts at the prior and follows recent cases, newest weighing most', () => {
    expect(smoothedHandlingMinutes([])).toBe(10);
    expect(smoothedHandlingMinutes([20])).toBeCloseTo(12);
    expect(smoothedHandlingMinutes(Array.from({ length: 30 }, () => 6))).toBeCloseTo(6, 1);
    expect(smoothedHandlingMinutes([4, 4, 4, 30])).toBeGreaterThan(smoothedHandlingMinutes([30, 4, 4, 4]));
  });

  it('[E2] a window frees every handling ÷ windows minutes; the newcomer is called at the (ahead + 1)-th; no window, no estimate', () => {
    expect(estimateWaitMinutes(3, 10, 2)).toBe(20);
    expect(estimateWaitMinutes(0, 10, 1)).toBe(10);
    expect(estimateWaitMinutes(3, 10, 0)).toBeNull();
  });

  it('[E3] a window counts fully for its first category and half for an overflow category', () => {
    const window = (id: string, categoryIds: string[], state: 'open' | 'paused' = 'open') => ({
      id,
      hallId: 'h',
      number: 1,
      categoryIds,
      state,
      currentTicketId: null,
      normalSincePriority: 0,
      clerkName: null,
    });
    const state = { windows: [window('1', ['A']), window('2', ['B', 'A']), window('3', ['A'], 'paused')], queues: [] };
    expect(servingWindows(state, 'A')).toBe(1.5);
    expect(categoryWaitMinutes(state, 'A')).toBe(0);
    expect(categoryWaitMinutes(state, 'C')).toBeNull();
    // Three waiting in A at 8 minutes each, served by 1.5 windows: (3 + 1) × 8 ÷ 1.5 ≈ 21 minutes.
    expect(categoryWaitMinutes({ ...state, queues: [{ categoryId: 'A', waiting: 3, handlingMinutes: 8 }] }, 'A')).toBe(21);
  });

  it('[E3] an overflow window counts only while nobody waits in a category it prefers: it calls those first (Q5)', () => {
    const window = (id: string, categoryIds: string[]) => ({ id, hallId: 'h', number: 1, categoryIds, state: 'open' as const, currentTicketId: null, normalSincePriority: 0, clerkName: null });
    const windows = [window('1', ['A']), window('2', ['B', 'C', 'A'])];
    const queues = (b: number, c: number) => [
      { categoryId: 'A', waiting: 4, handlingMinutes: 6 },
      { categoryId: 'B', waiting: b, handlingMinutes: 6 },
      { categoryId: 'C', waiting: c, handlingMinutes: 6 },
    ];
    expect(servingWindows({ windows, queues: queues(0, 0) }, 'A')).toBe(1.5);
    expect(servingWindows({ windows, queues: queues(2, 0) }, 'A')).toBe(1);
    expect(servingWindows({ windows, queues: queues(0, 1) }, 'A')).toBe(1);
    // B is window 2's first category: it counts fully whatever waits elsewhere.
    expect(servingWindows({ windows, queues: queues(2, 1) }, 'B')).toBe(1);
    // (4 + 1) × 6 ÷ 1 = 30 minutes while window 2 has its own queue; ÷ 1.5 = 20 once it is free to help.
    expect(categoryWaitMinutes({ windows, queues: queues(2, 0) }, 'A')).toBe(30);
    expect(categoryWaitMinutes({ windows, queues: queues(0, 0) }, 'A')).toBe(20);
  });

  it('[E4] over a simulated day the median error after the first hour is within ±30 %', () => {
    const errors: number[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const day = simulateDay({
        seed,
        windows: 4,
        minutes: 9 * 60,
        meanHandling: 8,
        predict: ({ ahead, finishedHandlingOldestFirst, windows }) => estimateWaitMinutes(ahead, smoothedHandlingMinutes(finishedHandlingOldestFirst), windows),
      });
      for (const ticket of day) {
        const actual = ticket.start - ticket.arrival;
        // After the first hour, and only waits long enough to be shown in minutes.
        if (ticket.arrival < 60 || actual < 5 || ticket.predicted === null) continue;
        errors.push(Math.abs(ticket.predicted - actual) / actual);
      }
    }
    expect(errors.length).toBeGreaterThan(250);
    const medianError = median(errors);
    console.info(`[E4] median absolute error of the wait estimate: ${(medianError * 100).toFixed(1)} % over ${errors.length} tickets`);
    expect(medianError).toBeLessThanOrEqual(0.3);
  });
});
