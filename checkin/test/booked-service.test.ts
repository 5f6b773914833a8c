import type { CategoryView } from '@hallflow/shared';
import type { ServiceCatalogue } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { choiceBody, choiceGroups, choiceMaterials, choiceQueue, parseChoice } from '../src/lib/booking/booked-service';

/** CA2, CA3: what the catalogue also says of each entry; booking ignores it. */
const admin = { before: null, legalDays: null, sortOrder: 0, retired: false };
const catalogue: ServiceCatalogue = {
  items: [
    { id: 'licence', categoryId: 'A', name: '营业执照', nameEn: 'Licence', materials: ['ID card', 'Premises'], typicalMinutes: 15, ...admin },
    { id: 'food', categoryId: 'B', name: '食品许可', nameEn: 'Food permit', materials: ['ID card', 'Licence'], typicalMinutes: 15, ...admin },
    { id: 'birth', categoryId: 'F', name: '出生登记', nameEn: 'Birth', materials: ['Birth certificate'], typicalMinutes: 10, ...admin },
  ],
  bundles: [
    { id: 'restaurant', name: '开饭店', nameEn: 'Restaurant', itemIds: ['licence', 'food'], mode: 'one_window', categoryId: 'G', ...admin },
    { id: 'newborn', name: '新生儿', nameEn: 'Newborn', itemIds: ['birth', 'licence'], mode: 'routed', categoryId: null, ...admin },
  ],
};
const category = (id: string): CategoryView => ({ id, hallId: 'h', prefix: id, name: `类${id}`, nameEn: `Queue ${id}`, sortOrder: 0 });

describe('what the visitor books', () => {
  it('[A16] an item books its queue, a bundle its starting queue, a queue itself', () => {
    expect(choiceQueue({ kind: 'item', id: 'food' }, catalogue)).toBe('B');
    expect(choiceQueue({ kind: 'bundle', id: 'restaurant' }, catalogue)).toBe('G');
    expect(choiceQueue({ kind: 'bundle', id: 'newborn' }, catalogue)).toBe('F');
    expect(choiceQueue({ kind: 'category', id: 'C' }, catalogue)).toBe('C');
    expect(choiceQueue({ kind: 'item', id: 'unknown' }, catalogue)).toBeNull();
  });

  it('[A16][K1] what to bring: the item’s materials, or the bundle’s merged list, each once', () => {
    expect(choiceMaterials({ itemId: 'birth', bundleId: null }, catalogue)).toEqual(['Birth certificate']);
    expect(choiceMaterials({ itemId: null, bundleId: 'restaurant' }, catalogue)).toEqual(['ID card', 'Premises', 'Licence']);
    expect(choiceMaterials({ itemId: null, bundleId: null }, catalogue)).toEqual([]);
  });

  it('[A16] the picker lists bundles first, then each queue with its items and the queue itself; values round-trip to the request body', () => {
    const groups = choiceGroups(catalogue, [category('A'), category('C')]);
    expect(groups.map((g) => g.options.map((o) => o.value))).toEqual([
      ['bundle:restaurant', 'bundle:newborn'],
      ['item:licence', 'category:A'],
      ['category:C'],
    ]);
    expect(choiceBody(parseChoice('bundle:restaurant')!)).toEqual({ bundleId: 'restaurant' });
    expect(choiceBody(parseChoice('item:licence')!)).toEqual({ itemId: 'licence' });
    expect(choiceBody(parseChoice('category:C')!)).toEqual({ categoryId: 'C' });
    expect(parseChoice('window:3')).toBeNull();
  });
});
