/**
 * LV13, AC7: when a visitor page's live stream is not live, the level is
 * asked over HTTP, gently. The phones that lose or are refused a stream tend
 * to share an address (a hall's Wi-Fi, a carrier's NAT) and so share the
 * public HTTP limit (PUBLIC_RATE_LIMIT, 60 a minute per address): asking
 * every few seconds would spend it on one question whose answer rarely
 * changes. So: about every 30 s, each wait jittered so pages that dropped
 * together do not ask together, nothing while the page is hidden, and at
 * once when it comes back into view.
 */

/** The mean wait between two HTTP asks while the stream is not live. */
export const FALLBACK_MS = 30_000;
/** Each wait is FALLBACK_MS ± this share (22.5–37.5 s). */
export const FALLBACK_JITTER = 0.25;
/** A page that just opened gives its stream this long before asking over HTTP: a stream live by then costs no request. */
export const CONNECT_GRACE_MS = 2_000;
/** Coming back into view asks at once, but not again within this (a visitor flicking between tabs). */
export const VISIBLE_MIN_GAP_MS = 5_000;

/** What the poll needs of `document`: whether the page is in view, and word when that changes. */
export interface PageVisibility {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface FallbackPoll {
  /** The stream is not live: ask after `firstDelayMs` (sooner if already due sooner), then every jittered FALLBACK_MS. */
  down(firstDelayMs: number): void;
  /** The stream is live: ask nothing. */
  up(): void;
  stop(): void;
}

export function jitteredWait(random: () => number = Math.random): number {
  return FALLBACK_MS * (1 - FALLBACK_JITTER + 2 * FALLBACK_JITTER * random());
}

const browserPage = (): PageVisibility | undefined => (typeof document === 'undefined' ? undefined : document);

export function fallbackPoll(ask: () => void, page: PageVisibility | undefined = browserPage()): FallbackPoll {
  let wanted = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = Infinity;
  let askedAt = -Infinity;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    dueAt = Infinity;
  };
  const schedule = (ms: number) => {
    clear();
    dueAt = Date.now() + ms;
    timer = setTimeout(fire, ms);
  };
  // The next wait starts when this ask is sent, not when it is answered: a request that never returns does not stop the poll.
  function fire() {
    timer = null;
    dueAt = Infinity;
    if (!wanted || page?.hidden) return; // hidden: coming back into view asks again
    askedAt = Date.now();
    schedule(jitteredWait());
    ask();
  }
  const onVisibility = () => {
    if (!wanted) return;
    if (page?.hidden) clear();
    else if (Date.now() - askedAt >= VISIBLE_MIN_GAP_MS) fire();
    else if (!timer) schedule(jitteredWait());
  };
  page?.addEventListener('visibilitychange', onVisibility);

  return {
    down(firstDelayMs) {
      wanted = true;
      if (Date.now() + firstDelayMs < dueAt) schedule(firstDelayMs);
    },
    up() {
      wanted = false;
      clear();
    },
    stop() {
      wanted = false;
      clear();
      page?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
