import { describe, expect, it } from 'vitest';
import { callIntervalMinutes, categoryWaitMinutes, estimateWaitMinutes, servingWindows, smoothedHandlingMinutes } from '../src/domain/index.ts';
import { simulateDay, simulateOverflowDay } from './support/simulated-day.ts';

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

  it('[E5] a queue\'s call interval is the mean gap between calls in which someone was already waiting; none before three such gaps', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 1, minute)).toISOString();
    const call = (queued: number, called: number) => ({ queuedAt: at(queued), calledAt: at(called) });
    // Waiting all along: gaps of 2, 4 and 3 minutes.
    expect(callIntervalMinutes([call(0, 1), call(0, 3), call(1, 7), call(2, 10)])).toBeCloseTo(3);
    // The third came at minute 20, after the call before (minute 3): the 17 minutes with nobody there are not a gap.
    expect(callIntervalMinutes([call(0, 1), call(0, 3), call(20, 20), call(20, 22)])).toBeUndefined();
    expect(callIntervalMinutes([call(0, 1), call(0, 3), call(20, 20), call(20, 22), call(21, 25)])).toBeCloseTo((2 + 2 + 3) / 3);
    expect(callIntervalMinutes([])).toBeUndefined();
  });

  it('[E5][E3] for a queue no open window lists first, the windows its calls show it got (handling ÷ interval) count when they are more than E3\'s instant count, never more than the open windows listing it', () => {
    const window = (id: string, categoryIds: string[]) => ({ id, hallId: 'h', number: 1, categoryIds, state: 'open' as const, currentTicketId: null, normalSincePriority: 0, clerkName: null });
    const windows = [window('1', ['A', 'B']), window('2', ['A', 'B']), window('3', ['A', 'B'])];
    const queues = (interval?: number) => [
      { categoryId: 'A', waiting: 2, handlingMinutes: 6 },
      { categoryId: 'B', waiting: 4, handlingMinutes: 6, ...(interval === undefined ? {} : { callIntervalMinutes: interval }) },
    ];
    // A has people: E3 counts no window for B, and no estimate is shown.
    expect(servingWindows({ windows, queues: queues() }, 'B')).toBe(0);
    expect(categoryWaitMinutes({ windows, queues: queues() }, 'B')).toBeNull();
    // B's calls came every 4 minutes while it had people: 6 ÷ 4 = 1.5 windows' worth; (4 + 1) × 4 = 20 minutes.
    expect(servingWindows({ windows, queues: queues(4) }, 'B')).toBe(1.5);
    expect(categoryWaitMinutes({ windows, queues: queues(4) }, 'B')).toBe(20);
    // Never more than the three windows that list B.
    expect(servingWindows({ windows, queues: queues(0.5) }, 'B')).toBe(3);
    // A queue with a window of its own keeps E3's count, whatever its calls showed: a burst of calls (a batch let in, idle
    // windows calling at once) gives a short interval while the next newcomer still waits for a window to free.
    expect(servingWindows({ windows, queues: [{ categoryId: 'A', waiting: 2, handlingMinutes: 6, callIntervalMinutes: 60 }] }, 'A')).toBe(3);
    const withOwn = [...windows, window('4', ['B'])];
    expect(servingWindows({ windows: withOwn, queues: queues(0.5) }, 'B')).toBe(1);
    // Closed and paused windows list nothing: no window open, no estimate, whatever the calls showed.
    expect(categoryWaitMinutes({ windows: windows.map((w) => ({ ...w, state: 'closed' as const })), queues: queues(4) }, 'B')).toBeNull();
  });

  it('[E5][E4] on simulated days of a queue served only by overflow windows, its estimate errs less than E3\'s instant count and is shown where E3 showed none', () => {
    const errors = { instant: [] as number[], observed: [] as number[] };
    let instantNone = 0;
    let observedNone = 0;
    const windows = 4;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const day = simulateOverflowDay({
        seed,
        windows,
        minutes: 9 * 60,
        meanHandling: 8,
        loads: { own: 0.55, overflow: 0.3 },
        predict: ({ queue, ahead, waiting, finishedHandlingOldestFirst, callsOldestFirst }) => {
          const handlingMinutes = smoothedHandlingMinutes(finishedHandlingOldestFirst);
          const listing = Array.from({ length: windows }, (_, i) => ({ id: String(i), hallId: 'h', number: i + 1, categoryIds: ['own', 'overflow'], state: 'open' as const, currentTicketId: null, normalSincePriority: 0, clerkName: null }));
          const figures = (interval?: number) => [
            { categoryId: 'own', waiting: waiting.own, handlingMinutes },
            { categoryId: 'overflow', waiting: waiting.overflow, handlingMinutes },
          ].map((q) => (q.categoryId === queue && interval !== undefined ? { ...q, callIntervalMinutes: interval } : q));
          const at = (queues: ReturnType<typeof figures>) => estimateWaitMinutes(ahead, handlingMinutes, servingWindows({ windows: listing, queues }, queue));
          return { instant: at(figures()), observed: at(figures(callIntervalMinutes(callsOldestFirst))) };
        },
      });
      for (const ticket of day) {
        const actual = ticket.start - ticket.arrival;
        if (ticket.queue !== 'overflow' || ticket.arrival < 60 || actual < 5) continue;
        if (ticket.predicted.instant === null) instantNone++;
        else errors.instant.push(Math.abs(ticket.predicted.instant - actual) / actual);
        if (ticket.predicted.observed === null) observedNone++;
        else errors.observed.push(Math.abs(ticket.predicted.observed - actual) / actual);
      }
    }
    const instant = median(errors.instant);
    const observed = median(errors.observed);
    console.info(`[E5] overflow-only queue: median error ${(observed * 100).toFixed(1)} % over ${errors.observed.length} (E3 alone ${(instant * 100).toFixed(1)} % over ${errors.instant.length}, none shown ${instantNone} times; E5 none ${observedNone})`);
    expect(errors.observed.length).toBeGreaterThan(60);
    expect(observed).toBeLessThan(instant);
    expect(observedNone).toBeLessThan(instantNone);
  });
});
