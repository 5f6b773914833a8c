import { mergeMaterials, sortCatalogue } from '@hallflow/shared';
import type { ServiceBundleView, ServiceItemView } from '@hallflow/shared/api';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { bundles, serviceItems, ticketItems, tickets } from '../../db/schema/index.ts';
import { DomainError } from '../../core/errors.ts';

export type ItemRow = typeof serviceItems.$inferSelect;
export type BundleRow = typeof bundles.$inferSelect;

export function itemView(row: ItemRow): ServiceItemView {
  return {
    id: row.id,
    categoryId: row.categoryId,
    name: row.name,
    nameEn: row.nameEn,
    materials: row.materials,
    typicalMinutes: row.typicalMinutes,
    before: row.before ?? null,
    legalDays: row.legalDays,
    sortOrder: row.sortOrder,
    retired: row.retiredAt !== null,
  };
}

export function bundleView(row: BundleRow): ServiceBundleView {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    itemIds: row.itemIds,
    mode: row.mode,
    categoryId: row.categoryId,
    before: row.before ?? null,
    legalDays: row.legalDays,
    sortOrder: row.sortOrder,
    retired: row.retiredAt !== null,
  };
}

/** The hall's catalogue in its order; retired entries only when asked (CA3: the admin page lists them, booking does not). */
export function catalogueOf(db: Db | Tx, hallId: string, withRetired = false) {
  const keep = <T extends { retiredAt: string | null }>(rows: T[]) => (withRetired ? rows : rows.filter((row) => !row.retiredAt));
  return {
    items: sortCatalogue(keep(db.select().from(serviceItems).where(eq(serviceItems.hallId, hallId)).all())).map(itemView),
    bundles: sortCatalogue(keep(db.select().from(bundles).where(eq(bundles.hallId, hallId)).all())).map(bundleView),
  };
}

/** A bundle of the hall; `offeredOnly` refuses a retired one (CA3: it takes no new bookings or tickets). */
export function bundleRow(db: Db | Tx, hallId: string, bundleId: string, offeredOnly = false) {
  const row = db.select().from(bundles).where(and(eq(bundles.id, bundleId), eq(bundles.hallId, hallId))).get();
  if (!row) throw new DomainError(400, 'UNKNOWN_BUNDLE', `body/bundleId ${bundleId} is not a bundle of hall ${hallId}`);
  if (offeredOnly && row.retiredAt) throw new DomainError(400, 'BUNDLE_RETIRED', `body/bundleId ${bundleId} 已停办 · is no longer offered`);
  return row;
}

export function itemRows(db: Db | Tx, hallId: string, itemIds: readonly string[], offeredOnly = false) {
  const rows = db.select().from(serviceItems).where(and(eq(serviceItems.hallId, hallId), inArray(serviceItems.id, [...itemIds]))).all();
  const missing = itemIds.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw new DomainError(400, 'UNKNOWN_ITEM', `body/itemIds: ${missing.join(', ')} not offered in hall ${hallId}`);
  const retired = offeredOnly ? rows.filter((row) => row.retiredAt).map((row) => row.id) : [];
  if (retired.length > 0) throw new DomainError(400, 'ITEM_RETIRED', `body/itemIds: ${retired.join(', ')} 已停办 · no longer offered`);
  return itemIds.map((id) => rows.find((r) => r.id === id)!);
}

/** A ticket's items, their progress and the merged materials checklist (K1), and its case number (FR1). */
export function ticketItemsView(db: Db | Tx, ticketId: string) {
  const rows = db
    .select({ item: serviceItems, progress: ticketItems })
    .from(ticketItems)
    .innerJoin(serviceItems, eq(serviceItems.id, ticketItems.itemId))
    .where(eq(ticketItems.ticketId, ticketId))
    .orderBy(asc(ticketItems.position))
    .all();
  const ticket = db.select({ caseNumber: tickets.caseNumber }).from(tickets).where(eq(tickets.id, ticketId)).get();
  return {
    items: rows.map(({ item, progress }) => ({ itemId: item.id, name: item.name, nameEn: item.nameEn, categoryId: item.categoryId, state: progress.state, doneAt: progress.doneAt })),
    materials: mergeMaterials(rows.map(({ item }) => item)),
    caseNumber: ticket?.caseNumber ?? null,
  };
}
