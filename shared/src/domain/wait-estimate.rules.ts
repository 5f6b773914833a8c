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
 */
export function servingWindows(state: { windows: readonly ServingWindow[]; queues?: readonly QueueView[] }, categoryId: string): number {
  const waiting = new Map((state.queues ?? []).map((q) => [q.categoryId, q.waiting]));
  const free = (earlier: readonly string[]) => state.queues === undefined || earlier.every((id) => (waiting.get(id) ?? 0) === 0);
  return state.windows
    .filter((w) => w.state === 'open' && w.categoryIds.includes(categoryId))
    .reduce((sum, w) => {
      const position = w.categoryIds.indexOf(categoryId);
      return sum + (position === 0 ? 1 : free(w.categoryIds.slice(0, position)) ? 0.5 : 0);
    }, 0);
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
