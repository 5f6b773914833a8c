import type { QueueView, WindowState } from './types.ts';

/** What the estimate needs of a window: whether it serves, and what. */
type ServingWindow = { state: WindowState; categoryIds: readonly string[] };

/** E1: until a category has finished tickets today, a handling time of 10 minutes is assumed. */
export const PRIOR_HANDLING_MINUTES = 10;

/**
 * E1: handling time, smoothed: an exponentially weighted mean of the most
 * recent handling times (newest weighs most), starting from the prior, so one
 * long case moves the estimate but does not take it over.
 */
export function smoothedHandlingMinutes(recentOldestFirst: readonly number[], prior = PRIOR_HANDLING_MINUTES, alpha = 0.2): number {
  return recentOldestFirst.reduce((estimate, minutes) => estimate + alpha * (minutes - estimate), prior);
}

/**
 * E2: the wait of someone joining now behind `ahead` people, when `servers`
 * busy windows serve the queue: some window frees on average every
 * handling ÷ servers minutes, and the newcomer is called at the (ahead + 1)-th.
 */
export function estimateWaitMinutes(ahead: number, handlingMinutes: number, servers: number): number | null {
  if (servers <= 0) return null;
  return ((ahead + 1) * handlingMinutes) / servers;
}

/**
 * E3: windows serving a category: a window whose first category it is counts
 * fully; a window serving it as overflow counts half, and only while nobody
 * waits in a category it prefers (it calls those first, Q5, so while they
 * have anyone waiting it does not help here). Without queue figures every
 * overflow window counts half.
 *
 * E5: for a queue no open window lists first, that count reads the windows
 * at one instant; over a wait, their own queues empty and fill, and they help
 * more than it says. When such a queue's calls have been seen (its call
 * interval), the windows they show it got, handling ÷ interval, count
 * instead whenever they are more, never more than the open windows that list
 * it. A queue with a window of its own keeps E3's count: there, bursts of
 * calls (a batch let in, idle windows calling at once) make the interval
 * short while the next newcomer still waits for a window to free.
 */
export function servingWindows(state: { windows: readonly ServingWindow[]; queues?: readonly QueueView[] }, categoryId: string): number {
  const waiting = new Map((state.queues ?? []).map((q) => [q.categoryId, q.waiting]));
  const free = (earlier: readonly string[]) => state.queues === undefined || earlier.every((id) => (waiting.get(id) ?? 0) === 0);
  const listing = state.windows.filter((w) => w.state === 'open' && w.categoryIds.includes(categoryId));
  const now = listing.reduce((sum, w) => {
    const position = w.categoryIds.indexOf(categoryId);
    return sum + (position === 0 ? 1 : free(w.categoryIds.slice(0, position)) ? 0.5 : 0);
  }, 0);
  const queue = state.queues?.find((q) => q.categoryId === categoryId);
  const ownWindow = listing.some((w) => w.categoryIds[0] === categoryId);
  if (ownWindow || !queue?.callIntervalMinutes) return now;
  return Math.max(now, Math.min(listing.length, queue.handlingMinutes / queue.callIntervalMinutes));
}

/** E5: how many of a queue's latest calls of the day its call interval looks back on. */
export const CALL_INTERVAL_LOOKBACK = 10;
/** E5: the intervals it needs before it is used. */
export const CALL_INTERVAL_MIN_SEEN = 3;

/**
 * E5: a queue's call interval: the mean minutes between its consecutive
 * calls in which the ticket called had already been waiting at the call
 * before (so someone waited all along, and the interval is how fast the
 * windows that help it took from it, not a pause with nobody there), over
 * its latest calls of the day (times as ISO strings, oldest first).
 * Undefined until CALL_INTERVAL_MIN_SEEN such intervals were seen.
 */
export function callIntervalMinutes(callsOldestFirst: readonly { queuedAt: string; calledAt: string }[]): number | undefined {
  const intervals: number[] = [];
  for (let i = 1; i < callsOldestFirst.length; i++) {
    const previous = callsOldestFirst[i - 1]!;
    const call = callsOldestFirst[i]!;
    if (call.queuedAt <= previous.calledAt) intervals.push((Date.parse(call.calledAt) - Date.parse(previous.calledAt)) / 60_000);
  }
  if (intervals.length < CALL_INTERVAL_MIN_SEEN) return undefined;
  return intervals.reduce((sum, minutes) => sum + minutes, 0) / intervals.length;
}

/**
 * The estimated wait in whole minutes for a newcomer in a category, from its
 * queue figures and the windows (staff and public states both hold them);
 * null when no window serves it, 0 when nobody is waiting.
 */
export function categoryWaitMinutes(state: { windows: readonly ServingWindow[]; queues: readonly QueueView[] }, categoryId: string): number | null {
  const queue = state.queues.find((q) => q.categoryId === categoryId);
  const waiting = queue?.waiting ?? 0;
  const wait = estimateWaitMinutes(waiting, queue?.handlingMinutes ?? PRIOR_HANDLING_MINUTES, servingWindows(state, categoryId));
  return wait === null ? null : waiting === 0 ? 0 : Math.max(1, Math.round(wait));
}
