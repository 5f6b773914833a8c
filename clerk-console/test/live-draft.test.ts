import { describe, expect, it } from 'vitest';
import { followServer, same, touched } from '../src/lib/supervisor/live-draft.ts';

/** LV1: a settings form open while a level switch (or another's save) changes the policy on the server. */
describe('a settings form follows the server in the fields its user has not touched', () => {
  const base = { walkIns: 'appointment_only', placesPerSlot: 10, slotMinutes: 30, placesByCategory: { a: 5 } as Record<string, number | null>, alertLevels: [0.8, 0.9] };

  it('[LV1] an untouched field takes the server\'s new value; a field the user changed keeps theirs', () => {
    const draft = structuredClone(base);
    draft.placesPerSlot = 12;
    const next = { ...structuredClone(base), walkIns: 'on_site_if_free' };
    expect(followServer(draft, base, next)).toEqual([]);
    expect(draft).toEqual({ ...base, walkIns: 'on_site_if_free', placesPerSlot: 12 });
  });

  it('[LV1] a field the user is editing does not jump when the server changes it too; the clash is named', () => {
    const draft = structuredClone(base);
    draft.walkIns = 'welcome';
    const next = { ...structuredClone(base), walkIns: 'on_site_if_free', slotMinutes: 20 };
    expect(followServer(draft, base, next)).toEqual(['walkIns']);
    expect(draft.walkIns).toBe('welcome');
    expect(draft.slotMinutes).toBe(20);
  });

  it('[LV1] the user and the server choosing the same value is no clash', () => {
    const draft = { ...structuredClone(base), walkIns: 'welcome' };
    expect(followServer(draft, base, { ...structuredClone(base), walkIns: 'welcome' })).toEqual([]);
    expect(draft.walkIns).toBe('welcome');
  });

  it('[LV1] objects are followed field by field, arrays as wholes, and a field the server dropped is dropped', () => {
    const draft = structuredClone(base);
    draft.placesByCategory.b = 3;
    draft.alertLevels = [0.7, 0.9];
    const next = { ...structuredClone(base), placesByCategory: { c: 4 }, alertLevels: [0.8, 0.95] };
    expect(followServer(draft, base, next)).toEqual(['alertLevels']);
    expect(draft.placesByCategory).toEqual({ b: 3, c: 4 });
    expect(draft.alertLevels).toEqual([0.7, 0.9]);
  });

  it('[LV1] only the fields that change are written, so an input being typed in keeps its own object', () => {
    const draft = structuredClone(base);
    const places = draft.placesByCategory;
    followServer(draft, base, { ...structuredClone(base), walkIns: 'welcome' });
    expect(draft.placesByCategory).toBe(places);
  });

  it('[LV1] touched lists the user\'s edits only; same compares plain data structurally', () => {
    expect(touched({ ...base, placesPerSlot: 12 }, base)).toEqual({ placesPerSlot: 12 });
    expect(touched(structuredClone(base), base)).toEqual({});
    expect(same({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(same([1, 2], [2, 1])).toBe(false);
    expect(same(null, {})).toBe(false);
  });
});
