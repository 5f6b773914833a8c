import { describe, expect, it } from 'vitest';
import { checkBundle, checkRetireItem, offered } from '../src/domain/catalogue.rules.ts';

const items = [
  { id: 'a', categoryId: 'A', retiredAt: null },
  { id: 'b', categoryId: 'B', retiredAt: null },
  { id: 'old', categoryId: 'B', retiredAt: '2026-01-01T00:00:00Z' },
];

describe('catalogue rules', () => {
  it('[CA1] a bundle has two or more different offered items; one window names its queue, routed names none', () => {
    expect(checkBundle({ itemIds: ['a', 'b'], mode: 'routed', categoryId: null }, items, ['A', 'B', 'G']).ok).toBe(true);
    expect(checkBundle({ itemIds: ['a', 'b'], mode: 'one_window', categoryId: 'G' }, items, ['A', 'B', 'G']).ok).toBe(true);
    const fail = (draft: Parameters<typeof checkBundle>[0]) => {
      const check = checkBundle(draft, items, ['A', 'B', 'G']);
      return check.ok ? null : check.message.split(/[: ]/)[0];
    };
    expect(fail({ itemIds: ['a'], mode: 'routed', categoryId: null })).toBe('body/itemIds');
    expect(fail({ itemIds: ['a', 'a'], mode: 'routed', categoryId: null })).toBe('body/itemIds');
    expect(fail({ itemIds: ['a', 'zzz'], mode: 'routed', categoryId: null })).toBe('body/itemIds');
    expect(fail({ itemIds: ['a', 'old'], mode: 'routed', categoryId: null })).toBe('body/itemIds');
    expect(fail({ itemIds: ['a', 'b'], mode: 'one_window', categoryId: null })).toBe('body/categoryId');
    expect(fail({ itemIds: ['a', 'b'], mode: 'one_window', categoryId: 'Q' })?.startsWith('body/categoryId')).toBe(true);
    expect(fail({ itemIds: ['a', 'b'], mode: 'routed', categoryId: 'G' })).toBe('body/categoryId');
  });

  it('[CA3] an item of an offered bundle cannot be retired; retired entries drop out of the offer, the rest keep their order', () => {
    const bundles = [
      { id: 'x', itemIds: ['a', 'b'], retiredAt: null },
      { id: 'y', itemIds: ['b', 'old'], retiredAt: '2026-01-01T00:00:00Z' },
    ];
    expect(checkRetireItem('a', bundles)).toMatchObject({ ok: false, status: 409, code: 'ITEM_IN_BUNDLE' });
    expect(checkRetireItem('old', bundles).ok).toBe(true);
    const entries = [
      { name: '乙', sortOrder: 1, retiredAt: null },
      { name: '甲', sortOrder: 1, retiredAt: null },
      { name: '丙', sortOrder: 0, retiredAt: null },
      { name: '丁', sortOrder: 0, retiredAt: '2026-01-01T00:00:00Z' },
    ];
    expect(offered(entries).map((e) => e.name)).toEqual(['丙', ...['乙', '甲'].sort((a, b) => a.localeCompare(b, 'zh'))]);
  });
});
