/**
 * A deterministic simulated hall day for one queue: arrivals through the day
 * (busier mid-morning and mid-afternoon), random handling times, several
 * windows, first come first served. Used to measure the wait estimate.
 */
export interface SimulatedTicket {
  arrival: number;
  start: number;
  end: number;
  /** What the estimator said at arrival, from what had happened before. */
  predicted: number | null;
}

/** mulberry32: a small seeded PRNG, so the day is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DayOptions {
  seed: number;
  windows: number;
  /** Minutes the hall is open. */
  minutes: number;
  meanHandling: number;
  predict: (input: { ahead: number; finishedHandlingOldestFirst: number[]; windows: number }) => number | null;
}

export function simulateDay(options: DayOptions): SimulatedTicket[] {
  const random = prng(options.seed);
  const exponential = (mean: number) => -Math.log(1 - random()) * mean;
  // Handling times: a gamma-like spread around the mean (sum of two exponentials).
  const handling = () => exponential(options.meanHandling / 2) + exponential(options.meanHandling / 2);
  // Arrival rate follows the day: load near 90 % of capacity at the peaks.
  const capacityPerMinute = options.windows / options.meanHandling;
  const rate = (t: number) => capacityPerMinute * (0.7 + 0.25 * Math.sin((t / options.minutes) * 2 * Math.PI * 2 - Math.PI / 2));
  const arrivals: number[] = [];
  for (let t = 0; t < options.minutes; ) {
    t += exponential(1 / rate(t));
    if (t < options.minutes) arrivals.push(t);
  }
  const free = Array.from({ length: options.windows }, () => 0);
  const tickets: SimulatedTicket[] = [];
  for (const arrival of arrivals) {
    const ahead = tickets.filter((t) => t.start > arrival).length;
    const finished = tickets.filter((t) => t.end <= arrival).sort((a, b) => a.end - b.end).slice(-20).map((t) => t.end - t.start);
    const predicted = options.predict({ ahead, finishedHandlingOldestFirst: finished, windows: options.windows });
    const index = free.indexOf(Math.min(...free));
    const start = Math.max(arrival, free[index]!);
    const end = start + handling();
    free[index] = end;
    tickets.push({ arrival, start, end, predicted });
  }
  return tickets;
}
