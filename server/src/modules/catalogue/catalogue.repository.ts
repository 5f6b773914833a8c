import { mergeMaterials } from '@hallflow/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { bundles, serviceItems, ticketItems } from '../../db/schema/index.ts';
import { DomainError } from '../../core/errors.ts';

export function catalogueOf(db: Db | Tx, hallId: string) {
  return {
    items: db.select().from(serviceItems).where(eq(serviceItems.hallId, hallId)).all(),
    bundles: db.select().from(bundles).where(eq(bundles.hallId, hallId)).all(),
  };
}

export function bundleRow(db: Db | Tx, hallId: string, bundleId: string) {
  const row = db.select().from(bundles).where(and(eq(bundles.id, bundleId), eq(bundles.hallId, hallId))).get();
  if (!row) throw new DomainError(400, 'UNKNOWN_BUNDLE', `body/bundleId ${bundleId} is not a bundle of hall ${hallId}`);
  return row;
}

export function itemRows(db: Db | Tx, hallId: string, itemIds: readonly string[]) {
  const rows = db.select().from(serviceItems).where(and(eq(serviceItems.hallId, hallId), inArray(serviceItems.id, [...itemIds]))).all();
  const missing = itemIds.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw new DomainError(400, 'UNKNOWN_ITEM', `body/itemIds: ${missing.join(', ')} not offered in hall ${hallId}`);
  return itemIds.map((id) => rows.find((r) => r.id === id)!);
}

/** A ticket's items, their progress and the merged materials checklist (K1). */
export function ticketItemsView(db: Db | Tx, ticketId: string) {
  const rows = db
    .select({ item: serviceItems, progress: ticketItems })
    .from(ticketItems)
    .innerJoin(serviceItems, eq(serviceItems.id, ticketItems.itemId))
    .where(eq(ticketItems.ticketId, ticketId))
    .orderBy(asc(ticketItems.position))
    .all();
  return {
    items: rows.map(({ item, progress }) => ({ itemId: item.id, name: item.name, nameEn: item.nameEn, categoryId: item.categoryId, state: progress.state, doneAt: progress.doneAt })),
    materials: mergeMaterials(rows.map(({ item }) => item)),
  };
}
