import { describe, expect, it } from 'vitest';
import { KeyBurst, SCAN_MAX_GAP_MS } from '../src/lib/scan-burst';

/** Types `text` from `start` with `gap` ms between keys and returns what Enter `enterGap` ms later says. */
function type(burst: KeyBurst, text: string, start: number, gap: number, enterGap = gap): string | null {
  [...text].forEach((key, i) => burst.char(key, start + i * gap));
  return burst.enter(start + (text.length - 1) * gap + enterGap);
}

describe('telling a scanner from a person', () => {
  it('[A18] eight or more keys a few ms apart, then Enter, are a scan', () => {
    expect(type(new KeyBurst(), '72A9QWC9', 1000, 4)).toBe('72A9QWC9');
    expect(type(new KeyBurst(), 'https://x/checkin/book?code=72A9QWC9', 0, 2)).toBe('https://x/checkin/book?code=72A9QWC9');
  });

  it('[A18] a person typing (over 100 ms a key), a short burst, or a late Enter is not a scan', () => {
    expect(type(new KeyBurst(), '72A9QWC9', 0, 180)).toBeNull();
    expect(type(new KeyBurst(), '38.2', 0, 5)).toBeNull();
    expect(type(new KeyBurst(), '72A9QWC9', 0, 5, SCAN_MAX_GAP_MS + 50)).toBeNull();
  });

  it('[A18] a scan right after typing starts fresh: what the person typed before is not part of the code', () => {
    const burst = new KeyBurst();
    expect(burst.char('3', 0)).toBe(true);
    expect(burst.char('8', 400)).toBe(true);
    expect(type(burst, '72A9QWC9', 900, 3)).toBe('72A9QWC9');
  });
});
