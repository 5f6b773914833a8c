import { describe, expect, it } from 'vitest';
import { adjustmentAfterExit, autoBatchDecision, countOutDue, insideCount, occupancyLevel, rankDiversion } from '../src/domain/index.ts';

describe('occupancy rules', () => {
  it('[C2] levels: normal below 80 %, high from 80 %, very high from 90 %, full at capacity', () => {
    const level = (inside: number) => occupancyLevel(inside, 50, [0.8, 0.9]);
    expect([level(39), level(40), level(44), level(45), level(49), level(50), level(51)]).toEqual([
      'normal',
      'high',
      'high',
      'very_high',
      'very_high',
      'full',
      'full',
    ]);
    expect(occupancyLevel(0, 0, [0.8, 0.9])).toBe('full');
  });

  it('[X1] inside is never negative, and a party leaving absorbs anonymous exits already counted', () => {
    expect(insideCount(3, -5)).toBe(0);
    expect(insideCount(3, -1)).toBe(2);
    expect(adjustmentAfterExit(0, -2)).toBe(0);
    expect(adjustmentAfterExit(4, -2)).toBe(-2);
    expect(adjustmentAfterExit(1, -2)).toBe(-1);
  });

  it('[X2] count-out is due the configured minutes after service ended', () => {
    expect(countOutDue('2026-11-25T02:00:00Z', new Date('2026-11-25T02:19:59Z'), 20)).toBe(false);
    expect(countOutDue('2026-11-25T02:00:00Z', new Date('2026-11-25T02:20:00Z'), 20)).toBe(true);
  });

  it('[B3] automatic batches: nothing in manual mode or with nobody holding; propose or admit once free places reach the threshold', () => {
    expect(autoBatchDecision(10, 5, { autoMode: 'manual', autoThreshold: 5 })).toBe('none');
    expect(autoBatchDecision(4, 5, { autoMode: 'auto', autoThreshold: 5 })).toBe('none');
    expect(autoBatchDecision(5, 0, { autoMode: 'auto', autoThreshold: 5 })).toBe('none');
    expect(autoBatchDecision(5, 5, { autoMode: 'propose', autoThreshold: 5 })).toBe('propose');
    expect(autoBatchDecision(5, 5, { autoMode: 'auto', autoThreshold: 5 })).toBe('admit');
  });

  it('[D1] diversion ranks halls with room first, then the shortest wait', () => {
    const hall = (hallId: string, free: number, estimatedWaitMinutes: number | null, opensAt: string | null = null) => ({ hallId, name: hallId, nameEn: hallId, free, waiting: 0, estimatedWaitMinutes, opensAt });
    expect(rankDiversion([hall('full', 0, 1), hall('slow', 9, 40), hall('fast', 2, 10)]).map((h) => h.hallId)).toEqual(['fast', 'slow', 'full']);
    // No window serving the queue there now: no estimate, after every hall with one; then the most room.
    expect(rankDiversion([hall('unknown', 9, null), hall('small', 1, null), hall('slow', 2, 90)]).map((h) => h.hallId)).toEqual(['slow', 'unknown', 'small']);
  });

  it('[D3] halls issuing tickets now come before those that do later today, which follow by the time they start', () => {
    const hall = (hallId: string, free: number, opensAt: string | null) => ({ hallId, name: hallId, nameEn: hallId, free, waiting: 0, estimatedWaitMinutes: 5, opensAt });
    expect(rankDiversion([hall('at14', 50, '14:00'), hall('at1330', 50, '13:30'), hall('now-full', 0, null), hall('now', 3, null)]).map((h) => h.hallId)).toEqual(['now', 'now-full', 'at1330', 'at14']);
  });
});
