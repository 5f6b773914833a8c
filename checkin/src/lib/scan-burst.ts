/**
 * A18: a USB scanner is a keyboard that types very fast and ends with Enter.
 * The door listens to every key: a fast burst that ends with Enter is a scan,
 * wherever the focus is (a field, a button, the verdict), and the keys it
 * typed are taken back out of whatever field they landed in.
 */

/** Keys of one scan come at most this far apart (scanners: a few ms; people: well over 100 ms a key). */
export const SCAN_MAX_GAP_MS = 100;
/** The shortest scan: an appointment code has eight characters. */
export const SCAN_MIN_LENGTH = 8;

/** The timing half, without the DOM: which keys make a burst, and whether Enter ended a scan. */
export class KeyBurst {
  #text = '';
  #last = Number.NEGATIVE_INFINITY;

  /** A printable key at `at` ms; true when it starts a new burst (the gap since the last key was too long). */
  char(key: string, at: number): boolean {
    const starts = at - this.#last > SCAN_MAX_GAP_MS;
    if (starts) this.#text = '';
    this.#text += key;
    this.#last = at;
    return starts;
  }

  /** Enter at `at` ms: the burst's text when a scanner typed it, else null. The burst ends either way. */
  enter(at: number): string | null {
    const text = this.#text;
    const scanned = text.length >= SCAN_MIN_LENGTH && at - this.#last <= SCAN_MAX_GAP_MS;
    this.reset();
    return scanned ? text : null;
  }

  reset(): void {
    this.#text = '';
    this.#last = Number.NEGATIVE_INFINITY;
  }
}

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function editable(target: EventTarget | null): Editable | null {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return target;
  if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)) return target;
  return null;
}

export interface ScanOptions {
  /** What counts as a scan here (e.g. an appointment code). A burst typed into a field that is not one stays typed there. */
  accepts: (text: string) => boolean;
  onScan: (text: string) => void;
}

/**
 * Listens on `target` (the window) before any field sees a key. Fields inside
 * an element marked `data-own-scans` (the exit scanner) keep their bursts.
 * Returns the function that stops listening.
 */
export function listenForScans(target: Window, { accepts, onScan }: ScanOptions): () => void {
  const burst = new KeyBurst();
  /** The field the burst is landing in and its value before the burst's first key. */
  let landing: { field: Editable; value: string } | null = null;

  const keydown = (event: KeyboardEvent) => {
    if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return burst.reset();
    if (event.target instanceof Element && event.target.closest('[data-own-scans]')) return burst.reset();
    if (event.key.length === 1) {
      if (burst.char(event.key, event.timeStamp)) {
        const field = editable(event.target);
        landing = field ? { field, value: field.value } : null;
      }
      return;
    }
    if (event.key === 'Shift') return; // scanners press Shift for capitals
    if (event.key !== 'Enter') return burst.reset();
    const text = burst.enter(event.timeStamp);
    if (text === null) return;
    // Someone typing quickly into a field keeps what they typed, unless it reads as a scan.
    if (landing && !accepts(text)) return;
    event.preventDefault();
    event.stopPropagation();
    if (landing) {
      landing.field.value = landing.value;
      landing.field.dispatchEvent(new Event('input', { bubbles: true }));
      landing.field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    landing = null;
    onScan(text);
  };
  target.addEventListener('keydown', keydown, true);
  return () => target.removeEventListener('keydown', keydown, true);
}
