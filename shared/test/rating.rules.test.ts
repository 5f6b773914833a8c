import { describe, expect, it } from 'vitest';
import { checkRating, ratingTarget } from '../src/domain/index.ts';

const done = { state: 'done', finishedAt: '2026-11-25T02:00:00.000Z', rating: null };
const now = new Date('2026-11-25T03:00:00.000Z');

describe('rating rules', () => {
  it('[F1] only done tickets', () => {
    expect(checkRating({ ...done, state: 'serving' }, { level: 5 }, now)).toMatchObject({ ok: false, code: 'NOT_DONE' });
  });
  it('[F2] once', () => {
    expect(checkRating({ ...done, rating: 4 }, { level: 5 }, now)).toMatchObject({ ok: false, code: 'ALREADY_RATED' });
    expect(checkRating(done, { level: 5 }, now)).toEqual({ ok: true });
  });
  it('[F3] reasons for levels 1 and 2, not for 3', () => {
    expect(checkRating(done, { level: 1 }, now)).toMatchObject({ ok: false, code: 'REASONS_REQUIRED' });
    expect(checkRating(done, { level: 2, reasons: [] }, now)).toMatchObject({ ok: false, code: 'REASONS_REQUIRED' });
    expect(checkRating(done, { level: 2, reasons: ['slow'] }, now)).toEqual({ ok: true });
    expect(checkRating(done, { level: 3 }, now)).toEqual({ ok: true });
  });
  it('[F4] within 24 hours', () => {
    expect(checkRating(done, { level: 5 }, new Date('2026-11-26T02:00:00.000Z'))).toEqual({ ok: true });
    expect(checkRating(done, { level: 5 }, new Date('2026-11-26T02:00:01.000Z'))).toMatchObject({ ok: false, code: 'TOO_LATE' });
  });
});

describe('rating a routed 一件事 per window', () => {
  it('[F6] a routed case is rated per window that served it, once each; any other ticket once, at its window', () => {
    const routed = { windowId: 'w4', routed: true };
    expect(ratingTarget(routed, ['w7', 'w4'], [], undefined)).toEqual({ ok: true, windowId: 'w4' });
    expect(ratingTarget(routed, ['w7', 'w4'], ['w4'], 'w7')).toEqual({ ok: true, windowId: 'w7' });
    expect(ratingTarget(routed, ['w7', 'w4'], ['w4', 'w7'], 'w7')).toMatchObject({ ok: false, status: 409 });
    expect(ratingTarget(routed, ['w7', 'w4'], [], 'w1')).toMatchObject({ ok: false, status: 400, code: 'WRONG_WINDOW' });
    const single = { windowId: 'w2', routed: false };
    expect(ratingTarget(single, [], [], undefined)).toEqual({ ok: true, windowId: 'w2' });
    expect(ratingTarget(single, [], [], 'w2')).toEqual({ ok: true, windowId: 'w2' });
    expect(ratingTarget(single, [], ['w2'], undefined)).toMatchObject({ ok: false, status: 409 });
    expect(ratingTarget(single, [], [], 'w3')).toMatchObject({ ok: false, status: 400 });
  });
});
