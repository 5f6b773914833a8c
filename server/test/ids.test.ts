import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId, newIndexedToken, newToken } from '../src/core/ids.ts';

afterEach(() => vi.useRealTimers());

describe('tokens', () => {
  it('[R10] tokens drawn from the random pool are 128-bit URL-safe strings, never repeated across refills of the pool', () => {
    const tokens = Array.from({ length: 2_000 }, newToken); // 2,000 × 16 bytes: several refills of the 4 KB pool
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('[R10] an indexed token is the second it was made, then a full random token: URL-safe, unique, and later seconds sort after earlier ones', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T08:00:00Z'));
    const first = Array.from({ length: 1_000 }, newIndexedToken);
    vi.setSystemTime(new Date('2026-11-30T08:00:01Z'));
    const later = newIndexedToken();
    for (const token of [...first, later]) expect(token).toMatch(/^[0-9a-f]{8}[A-Za-z0-9_-]{22}$/);
    expect(new Set(first).size).toBe(first.length);
    expect(parseInt(first[0]!.slice(0, 8), 16)).toBe(Date.parse('2026-11-30T08:00:00Z') / 1000);
    expect(parseInt(later.slice(0, 8), 16)).toBe(parseInt(first[0]!.slice(0, 8), 16) + 1);
    for (const token of first) expect(later > token).toBe(true);
  });
});

describe('row ids', () => {
  it('[R10] a row id is a version-7 UUID whose first 48 bits are the millisecond it was made, so ids made later sort after earlier ones', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const ids: string[] = [];
    for (let ms = 0; ms < 50; ms++) {
      vi.setSystemTime(Date.parse('2026-11-30T08:00:00Z') + ms);
      ids.push(newId(), newId());
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseInt(ids[0]!.replace('-', '').slice(0, 12), 16)).toBe(Date.parse('2026-11-30T08:00:00Z'));
    // Two ids of the same millisecond may come in either order; across milliseconds, the order is the time's.
    for (let i = 2; i < ids.length; i += 2) expect(ids[i]! > ids[i - 1]! && ids[i]! > ids[i - 2]!).toBe(true);
  });
});
