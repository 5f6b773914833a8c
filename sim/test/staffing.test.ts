import type { ServiceCatalogue } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import type { PlannedVisitor } from '../src/plan.ts';
import { WALK_MINUTES, addedWindowQueues, handlingOf, nearestFirst, slotPlaces, workloadByQueue } from '../src/staffing.ts';

const item = (id: string, categoryId: string, typicalMinutes: number) => ({ id, categoryId, typicalMinutes }) as ServiceCatalogue['items'][number];
const bundle = (id: string, itemIds: string[], mode: 'one_window' | 'routed', categoryId: string | null) => ({ id, itemIds, mode, categoryId }) as ServiceCatalogue['bundles'][number];
const CATALOGUE: ServiceCatalogue = {
  items: [item('licence', 'demo-A', 15), item('change', 'demo-A', 10), item('card', 'demo-C', 6), item('birth', 'demo-F', 10), item('fund', 'demo-D', 10)],
  bundles: [bundle('restaurant', ['licence', 'change'], 'one_window', 'demo-G'), bundle('newborn', ['birth', 'card'], 'routed', null)],
};
const visitor = (booking: PlannedVisitor['booking']): PlannedVisitor => ({ index: 0, slot: '09:00', booking, partySize: 1, arrivesAfterSlotMinutes: -10, health: 'green' });

describe('the simulated hall is staffed to its day (SC1)', () => {
  it('[SC1] a ticket is handled for the typical minutes of the items it holds at that window, times the scale', () => {
    const handling = handlingOf(CATALOGUE, 0.5);
    expect(handling({ itemId: 'licence' }, 'demo-A')).toBe(7.5);
    // A one-window 一件事 is all its items at one window; a routed one, the items of the queue it is in now.
    expect(handling({ bundleId: 'restaurant' }, 'demo-G')).toBe(12.5);
    expect(handling({ bundleId: 'newborn' }, 'demo-F')).toBe(5);
    expect(handling({ bundleId: 'newborn' }, 'demo-C')).toBe(3);
    // A ticket of no known booking takes its queue's mean.
    expect(handling(undefined, 'demo-A')).toBe(6.25);
  });

  it('[SC1] a queue\'s work counts each visit\'s walk to the window; a routed 一件事 counts in each queue it passes', () => {
    const load = workloadByQueue([visitor({ itemId: 'card' }), visitor({ bundleId: 'newborn' })], CATALOGUE, handlingOf(CATALOGUE, 1));
    expect(load.get('demo-C')).toBe(2 * WALK_MINUTES + 6 + 6);
    expect(load.get('demo-F')).toBe(WALK_MINUTES + 10);
  });

  it('[SC1] added windows go first to the queue with the most work per window of its own; each also names an overflow', () => {
    // The seed's eight windows give A, B, C (×2), E (×2), F and G a first window each; D has none.
    const { added, neediestFirst } = addedWindowQueues(new Map([['demo-A', 100], ['demo-D', 400], ['demo-C', 10]]), 10);
    expect(added).toEqual([['demo-D', 'demo-A'], ['demo-D', 'demo-A']]);
    expect(neediestFirst[0]).toBe('demo-D');
    expect(addedWindowQueues(new Map([['demo-A', 1]]), 8).added).toEqual([]);
  });

  it('[SC1][A11] each queue offers per slot its share of the bookings spread over the day, with headroom; a routed 一件事 books in its first item\'s queue', () => {
    const plan = [...Array.from({ length: 40 }, () => visitor({ itemId: 'licence' })), ...Array.from({ length: 8 }, () => visitor({ bundleId: 'newborn' }))];
    expect(slotPlaces(plan, CATALOGUE, 4, 1.25)).toEqual({ placesPerSlot: 1, placesByCategory: { 'demo-A': 13, 'demo-F': 3 } });
  });

  it('[SC1] a visitor whose slot is full tries the nearest slots, later before earlier at the same distance', () => {
    expect(nearestFirst(['08:30', '09:00', '09:30', '10:00', '10:30'], '09:30')).toEqual(['09:30', '10:00', '09:00', '10:30', '08:30']);
    expect(nearestFirst(['08:30', '09:00'], '08:30')).toEqual(['08:30', '09:00']);
  });
});
