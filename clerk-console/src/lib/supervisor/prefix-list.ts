import { bothLangs } from '../i18n';
import type { CategoryView } from '@hallflow/shared';

/**
 * Which queues a window serves is edited as their ticket letters, most
 * preferred first ("G A"): what staff read on tickets and screens. These
 * turn letters into category ids and back, or say which letter is unknown.
 */
export const prefixesOf = (categoryIds: readonly string[], categories: readonly CategoryView[]) =>
  categoryIds.map((id) => categories.find((c) => c.id === id)?.prefix ?? '?').join(' ');

export function categoryIdsOf(text: string, categories: readonly CategoryView[]): { ok: true; ids: string[] } | { ok: false; error: string } {
  const letters = text.toUpperCase().split(/[\s,，、]+/).filter(Boolean);
  if (letters.length === 0) return { ok: false, error: bothLangs('prefixNone') };
  const ids: string[] = [];
  for (const letter of letters) {
    const category = categories.find((c) => c.prefix === letter);
    if (!category) return { ok: false, error: bothLangs('prefixUnknown', { letter }) };
    if (!ids.includes(category.id)) ids.push(category.id);
  }
  return { ok: true, ids };
}
