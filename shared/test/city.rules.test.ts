import { describe, expect, it } from 'vitest';
import { checkRegionParent, cityAlerts, cityRowAfter, hallsUnder, rollUpRegions, type CityHallRow, type Region } from '../src/domain/city.rules.ts';
import type { HallEventEnvelope } from '../src/domain/events.ts';

const region = (id: string, parentId: string | null, level: Region['level'], sortOrder = 0): Region => ({ id, parentId, level, name: id, nameEn: id, sortOrder });
const REGIONS = [region('city', null, 'city'), region('d1', 'city', 'district'), region('d2', 'city', 'district', 1), region('t1', 'd1', 'town'), region('c1', 't1', 'community')];

const row = (hallId: string, regionId: string | null, inside: number, over: Partial<CityHallRow> = {}): CityHallRow => ({
  hallId,
  name: hallId,
  nameEn: hallId,
  regionId,
  seq: 10,
  occupancy: { inside, capacity: 50, holding: 2, level: 'normal' },
  holdingCapacity: 10,
  queues: [{ categoryId: 'A', prefix: 'A', name: 'A', waiting: 3 }],
  windows: [{ id: 'w1', number: 1, state: 'open' }, { id: 'w2', number: 2, state: 'paused' }],
  alerts: [],
  level: 'strict',
  ...over,
});

describe('city overview rules', () => {
  it('[CO1] alerts: occupancy level, a full holding area, people waiting with no window open', () => {
    expect(cityAlerts(row('h', null, 5))).toEqual([]);
    expect(cityAlerts(row('h', null, 5, { occupancy: { inside: 50, capacity: 50, holding: 10, level: 'full' }, windows: [{ id: 'w1', number: 1, state: 'closed' }] }))).toEqual(['full', 'holding_full', 'no_window']);
  });

  it('[CO1] a row follows its events in seq order; a gap, an unknown window or a reconfigured hall asks for a fresh read', () => {
    const before = row('h', null, 5);
    const envelope = (seq: number, event: object): HallEventEnvelope => ({ hallId: 'h', seq, at: '2026-11-25T02:00:00.000Z', event: event as HallEventEnvelope['event'] });
    const admitted = cityRowAfter(before, envelope(11, { type: 'batch.admitted', occupancy: { inside: 8, capacity: 50, holding: 0, level: 'normal' }, queues: [{ categoryId: 'A', waiting: 6, handlingMinutes: 10 }] }));
    expect(admitted).toMatchObject({ seq: 11, occupancy: { inside: 8 }, queues: [{ waiting: 6 }] });
    const closed = cityRowAfter(admitted!, envelope(12, { type: 'window.updated', window: { id: 'w1', state: 'closed' } }));
    expect(closed?.alerts).toEqual(['no_window']);
    expect(cityRowAfter(before, envelope(13, { type: 'window.updated', window: { id: 'w1', state: 'closed' } }))).toBeNull();
    expect(cityRowAfter(before, envelope(11, { type: 'window.updated', window: { id: 'w9', state: 'open' } }))).toBeNull();
    expect(cityRowAfter(before, envelope(11, { type: 'hall.configured' }))).toBeNull();
  });

  it('[LV11] a row follows its hall\'s level change, and nothing else in the row moves', () => {
    const before = row('h', null, 5);
    const hall = { levelRules: { level: 'normal', checks: { healthCodeCheck: false, temperatureCheck: false, maskCheck: false, symptomsCheck: false }, walkIns: 'welcome', admission: 'free' } };
    const after = cityRowAfter(before, { hallId: 'h', seq: 11, at: '2026-11-25T02:00:00.000Z', event: { type: 'level.changed', hall } as unknown as HallEventEnvelope['event'] });
    expect(after).toEqual({ ...before, seq: 11, level: 'normal' });
  });

  it('[CO2] the tree in order with each level’s totals; halls without a region gathered apart; halls under a district', () => {
    const rows = [row('a', 'c1', 10), row('b', 'd1', 20), row('c', 'd2', 1), row('x', null, 4)];
    const nodes = rollUpRegions(REGIONS, rows);
    expect(nodes.map((n) => [n.region.id, n.depth, n.totals.halls, n.totals.inside, n.totals.capacity, n.totals.waiting, n.totals.open, n.totals.paused])).toEqual([
      ['city', 0, 3, 31, 150, 9, 3, 3],
      ['d1', 1, 2, 30, 100, 6, 2, 2],
      ['t1', 2, 1, 10, 50, 3, 1, 1],
      ['c1', 3, 1, 10, 50, 3, 1, 1],
      ['d2', 1, 1, 1, 50, 3, 1, 1],
      ['', 0, 1, 4, 50, 3, 1, 1],
    ]);
    expect(nodes.find((n) => n.region.id === 'd1')!.halls.map((h) => h.hallId)).toEqual(['b']);
    expect(hallsUnder(REGIONS, rows, 'd1').sort()).toEqual(['a', 'b']);
    expect(hallsUnder(REGIONS, rows, 'city').sort()).toEqual(['a', 'b', 'c']);
  });

  it('[CO2] each level sits under the level above it', () => {
    expect(checkRegionParent('city', null).ok).toBe(true);
    expect(checkRegionParent('city', { level: 'city' }).ok).toBe(false);
    expect(checkRegionParent('district', { level: 'city' }).ok).toBe(true);
    expect(checkRegionParent('town', { level: 'city' }).ok).toBe(false);
    expect(checkRegionParent('community', { level: 'town' }).ok).toBe(true);
    expect(checkRegionParent('community', null).ok).toBe(false);
  });
});
