import type { CategoryView } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { categoryIdsOf, prefixesOf } from '../src/lib/supervisor/prefix-list';

const category = (prefix: string): CategoryView => ({ id: `h-${prefix}`, hallId: 'h', prefix, name: prefix, nameEn: prefix, sortOrder: 0 });
const categories = [category('A'), category('C'), category('G')];

describe('the queues a window serves, as ticket letters', () => {
  it('[Q5] letters in order of preference become category ids and back, each once', () => {
    expect(categoryIdsOf('g, a a', categories)).toEqual({ ok: true, ids: ['h-G', 'h-A'] });
    expect(prefixesOf(['h-G', 'h-A'], categories)).toBe('G A');
  });

  it('[Q5] an unknown letter or none at all is refused, saying which', () => {
    expect(categoryIdsOf('A Z', categories)).toMatchObject({ ok: false, error: expect.stringContaining('Z') });
    expect(categoryIdsOf(' ', categories)).toMatchObject({ ok: false });
  });
});
