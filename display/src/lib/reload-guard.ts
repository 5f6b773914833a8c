/** How long a screen waits between two reloads it does by itself. */
export const MIN_RELOAD_GAP_MS = 30_000;

/**
 * L11: when the server speaks another protocol the screen reloads to fetch
 * the new app — at once the first time, but never more than once per
 * MIN_RELOAD_GAP_MS, so a server that keeps refusing (a half-finished
 * deployment, a cached old bundle) cannot put a TV into a reload loop.
 */
export function reloadDelay(lastReloadAt: number | null, now: number, gapMs = MIN_RELOAD_GAP_MS): number {
  if (lastReloadAt === null || !Number.isFinite(lastReloadAt) || lastReloadAt > now) return 0;
  return Math.max(0, lastReloadAt + gapMs - now);
}

const KEY = 'hallflow.reloadedAt';

/** Reloads the page now or after the guard's delay; the time is kept in sessionStorage, which survives the reload. */
export function reloadForNewVersion(): void {
  const stored = Number(sessionStorage.getItem(KEY) ?? NaN);
  const delay = reloadDelay(Number.isFinite(stored) ? stored : null, Date.now());
  setTimeout(() => {
    sessionStorage.setItem(KEY, String(Date.now()));
    location.reload();
  }, delay);
}
