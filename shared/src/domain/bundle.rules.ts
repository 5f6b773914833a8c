/** A service item (事项) as bundle rules see it. */
export interface BundleItem {
  id: string;
  categoryId: string;
  materials: readonly string[];
}

/** K1: one merged list of materials for a case: every item's materials, each once, in the order first needed. */
export function mergeMaterials(items: readonly BundleItem[]): string[] {
  return [...new Set(items.flatMap((item) => item.materials))];
}

/** K2/K3: the queue a bundle starts in: its comprehensive window's category, or, when routed, its first item's. */
export function bundleStartQueue(bundle: { mode: 'one_window' | 'routed'; categoryId: string | null }, items: readonly Pick<BundleItem, 'categoryId'>[]): string {
  if (bundle.mode === 'one_window' && bundle.categoryId) return bundle.categoryId;
  const first = items[0];
  if (!first) throw new Error('a bundle has at least one item');
  return first.categoryId;
}

export type ItemState = 'pending' | 'done';

/**
 * K2: a bundle handled at one comprehensive window (一窗联办) is done when
 * that window completes it: all its items at once. K3: a routed bundle moves
 * from window to window: completing at a window finishes the pending items of
 * that window's category (consecutive items there are handled together) and
 * sends the ticket to the category of the next pending item, keeping its
 * queue time; it is done after the last.
 */
export function afterCompletion(
  mode: 'one_window' | 'routed',
  items: readonly { itemId: string; categoryId: string; state: ItemState }[],
): { finished: string[]; nextCategoryId: string | null } {
  const pending = items.filter((item) => item.state === 'pending');
  if (mode === 'one_window' || pending.length === 0) return { finished: pending.map((i) => i.itemId), nextCategoryId: null };
  const here = pending[0]!.categoryId;
  const next = pending.find((item) => item.categoryId !== here);
  const finished = pending.slice(0, next ? pending.indexOf(next) : pending.length).map((item) => item.itemId);
  return { finished, nextCategoryId: next?.categoryId ?? null };
}
