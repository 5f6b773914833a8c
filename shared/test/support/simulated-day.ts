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

/** A ticket of the two-queue day: its queue, and both estimates made at its arrival. */
export interface OverflowTicket {
  queue: 'own' | 'overflow';
  arrival: number;
  start: number;
  predicted: { instant: number | null; observed: number | null };
}

export interface OverflowDayOptions {
  seed: number;
  /** Windows, each calling its own queue first and the overflow queue when nobody waits in its own (Q5). */
  windows: number;
  minutes: number;
  meanHandling: number;
  /** The share of the windows' capacity each queue's arrivals take (busier mid-morning and mid-afternoon). */
  loads: { own: number; overflow: number };
  /** The wait for a newcomer of `queue`, from what had happened before (calls: ISO times, oldest first). */
  predict: (input: {
    queue: 'own' | 'overflow';
    ahead: number;
    waiting: { own: number; overflow: number };
    finishedHandlingOldestFirst: number[];
    callsOldestFirst: { queuedAt: string; calledAt: string }[];
  }) => { instant: number | null; observed: number | null };
}

const DAY_START = Date.parse('2026-11-25T01:00:00Z');
const iso = (minutes: number) => new Date(DAY_START + minutes * 60_000).toISOString();

/**
 * A deterministic day of two queues at the same windows: every window lists
 * the first queue first and the second as overflow only, so the second is
 * served whenever a window finds nobody waiting in the first. What E3 counts
 * at an instant (half a window each, only while the first queue is empty)
 * against what the second queue's calls show it got (E5).
 */
export function simulateOverflowDay(options: OverflowDayOptions): OverflowTicket[] {
  const random = prng(options.seed);
  const exponential = (mean: number) => -Math.log(1 - random()) * mean;
  const handling = () => exponential(options.meanHandling / 2) + exponential(options.meanHandling / 2);
  const capacityPerMinute = options.windows / options.meanHandling;
  const arrivals: { at: number; queue: 'own' | 'overflow' }[] = [];
  for (const queue of ['own', 'overflow'] as const) {
    const rate = (t: number) => capacityPerMinute * options.loads[queue] * (0.7 + 0.3 * Math.sin((t / options.minutes) * 4 * Math.PI - Math.PI / 2));
    for (let t = 0; t < options.minutes; ) {
      t += exponential(1 / rate(t));
      if (t < options.minutes) arrivals.push({ at: t, queue });
    }
  }
  arrivals.sort((a, b) => a.at - b.at);
  type Live = OverflowTicket & { end: number };
  const free = Array.from({ length: options.windows }, () => 0);
  const waiting: Record<'own' | 'overflow', Live[]> = { own: [], overflow: [] };
  const tickets: Live[] = [];
  // The window that frees first calls, once someone is there, the first of its own queue, else of the overflow queue (Q5).
  const callUntil = (until: number) => {
    for (;;) {
      const fronts = [waiting.own[0], waiting.overflow[0]].filter((t) => t !== undefined);
      if (fronts.length === 0) return;
      const index = free.indexOf(Math.min(...free));
      const at = Math.max(free[index]!, Math.min(...fronts.map((t) => t.arrival)));
      if (at > until) return;
      const own = waiting.own[0];
      const next = own && own.arrival <= at ? own : waiting.overflow[0]!;
      waiting[next.queue].shift();
      next.start = at;
      next.end = at + handling();
      free[index] = next.end;
    }
  };
  for (const arrival of arrivals) {
    callUntil(arrival.at);
    const ahead = waiting[arrival.queue].length;
    const ofQueue = tickets.filter((t) => t.queue === arrival.queue);
    const finishedHandlingOldestFirst = ofQueue.filter((t) => t.end <= arrival.at).sort((a, b) => a.end - b.end).slice(-20).map((t) => t.end - t.start);
    const callsOldestFirst = ofQueue.filter((t) => t.start <= arrival.at).sort((a, b) => a.start - b.start).slice(-10).map((t) => ({ queuedAt: iso(t.arrival), calledAt: iso(t.start) }));
    const predicted = options.predict({ queue: arrival.queue, ahead, waiting: { own: waiting.own.length, overflow: waiting.overflow.length }, finishedHandlingOldestFirst, callsOldestFirst });
    const ticket: Live = { queue: arrival.queue, arrival: arrival.at, start: Infinity, end: Infinity, predicted };
    tickets.push(ticket);
    waiting[arrival.queue].push(ticket);
    callUntil(arrival.at);
  }
  callUntil(Infinity);
  return tickets;
}
