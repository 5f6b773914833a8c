import { describe, expect, it } from 'vitest';
import { newToken } from '../src/core/ids.ts';

describe('tokens', () => {
  it('[R10] tokens drawn from the random pool are 128-bit URL-safe strings, never repeated across refills of the pool', () => {
    const tokens = Array.from({ length: 2_000 }, newToken); // 2,000 × 16 bytes: several refills of the 4 KB pool
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
