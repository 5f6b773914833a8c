import { describe, expect, it } from 'vitest';
import { chooseBatch, hallCapacity, holdingOrder, type HoldingParty } from '../src/domain/index.ts';

const party = (id: string, size: number, slotStart: string | null, screenedAt: string): HoldingParty => ({ id, size, slotStart, screenedAt });

describe('holding order and batches', () => {
  it('[B1] slot first (no slot last), then screening time', () => {
    const parties = [
      party('walk-in', 1, null, '2026-11-25T01:00:00Z'),
      party('late-slot', 1, '2026-11-25T02:30:00Z', '2026-11-25T01:10:00Z'),
      party('early-slot-b', 1, '2026-11-25T02:00:00Z', '2026-11-25T01:20:00Z'),
      party('early-slot-a', 1, '2026-11-25T02:00:00Z', '2026-11-25T01:05:00Z'),
    ];
    expect(parties.toSorted(holdingOrder).map((p) => p.id)).toEqual(['early-slot-a', 'early-slot-b', 'late-slot', 'walk-in']);
  });

  it('[B2] a batch takes whole parties up to min(batch size, free capacity) and stops at the first that does not fit', () => {
    const holding = [party('a', 2, null, '1'), party('b', 3, null, '2'), party('c', 1, null, '3')];
    expect(chooseBatch(holding, 100, 5).map((p) => p.id)).toEqual(['a', 'b']);
    expect(chooseBatch(holding, 4, 10).map((p) => p.id)).toEqual(['a']); // c would fit, but must not overtake b
    expect(chooseBatch(holding, 1, 10)).toEqual([]);
    expect(chooseBatch(holding, -3, 10)).toEqual([]);
  });

  it('[C1] capacity is the explicit maximum or area ÷ area per person, less staff, never negative', () => {
    expect(hallCapacity({ floorAreaM2: 600, areaPerPersonM2: 10, maxOccupancy: null, staffOnFloor: 6 })).toBe(54);
    expect(hallCapacity({ floorAreaM2: 605, areaPerPersonM2: 10, maxOccupancy: null, staffOnFloor: 0 })).toBe(60);
    expect(hallCapacity({ floorAreaM2: 600, areaPerPersonM2: 10, maxOccupancy: 40, staffOnFloor: 6 })).toBe(34);
    expect(hallCapacity({ floorAreaM2: 20, areaPerPersonM2: 10, maxOccupancy: null, staffOnFloor: 5 })).toBe(0);
  });
});
