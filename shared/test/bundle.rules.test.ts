import { describe, expect, it } from 'vitest';
import { afterCompletion, bundleStartQueue, mergeMaterials } from '../src/domain/index.ts';

describe('一件事 bundles', () => {
  it('[K1] one merged list of materials, each once, in the order first needed', () => {
    expect(
      mergeMaterials([
        { id: 'a', categoryId: 'A', materials: ['ID card', 'Premises'] },
        { id: 'b', categoryId: 'B', materials: ['ID card', 'Licence'] },
      ]),
    ).toEqual(['ID card', 'Premises', 'Licence']);
  });

  it('[K2][K3] a bundle starts in its comprehensive window\'s queue, or, routed, in its first item\'s', () => {
    const items = [{ categoryId: 'F' }, { categoryId: 'C' }];
    expect(bundleStartQueue({ mode: 'one_window', categoryId: 'G' }, items)).toBe('G');
    expect(bundleStartQueue({ mode: 'routed', categoryId: null }, items)).toBe('F');
  });

  it('[K2] at a comprehensive window every pending item finishes at once', () => {
    const items = [
      { itemId: 'a', categoryId: 'A', state: 'pending' as const },
      { itemId: 'b', categoryId: 'B', state: 'pending' as const },
    ];
    expect(afterCompletion('one_window', items)).toEqual({ finished: ['a', 'b'], nextCategoryId: null });
  });

  it('[K3] routed: the items of this window finish together, then the ticket moves to the next category; done after the last', () => {
    const items = [
      { itemId: 'birth', categoryId: 'F', state: 'pending' as const },
      { itemId: 'medical', categoryId: 'C', state: 'pending' as const },
      { itemId: 'card', categoryId: 'C', state: 'pending' as const },
    ];
    expect(afterCompletion('routed', items)).toEqual({ finished: ['birth'], nextCategoryId: 'C' });
    expect(afterCompletion('routed', [{ ...items[0]!, state: 'done' }, items[1]!, items[2]!])).toEqual({ finished: ['medical', 'card'], nextCategoryId: null });
  });
});
