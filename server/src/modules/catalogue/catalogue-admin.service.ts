import { checkBundle, checkRetireItem } from '@hallflow/shared';
import type { CreateBundleBody, CreateServiceItemBody, UpdateBundleBody, UpdateServiceItemBody } from '@hallflow/shared/api';
import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { bundles, categories, serviceItems, tickets } from '../../db/schema/index.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketRow } from '../tickets/ticket.repository.ts';
import { bundleView, itemView, type BundleRow, type ItemRow } from './catalogue.repository.ts';

function assertCategory(ctx: CommandContext, hallId: string, categoryId: string): void {
  const row = ctx.tx.select().from(categories).where(and(eq(categories.id, categoryId), eq(categories.hallId, hallId))).get();
  if (!row) throw new DomainError(400, 'UNKNOWN_CATEGORY', `body/categoryId ${categoryId} 不是本厅业务 · is not a queue of hall ${hallId}`);
}

function itemOf(ctx: CommandContext, hallId: string, itemId: string): ItemRow {
  const row = ctx.tx.select().from(serviceItems).where(and(eq(serviceItems.id, itemId), eq(serviceItems.hallId, hallId))).get();
  if (!row) throw notFound('Service item', itemId);
  return row;
}

function bundleOf(ctx: CommandContext, hallId: string, bundleId: string): BundleRow {
  const row = ctx.tx.select().from(bundles).where(and(eq(bundles.id, bundleId), eq(bundles.hallId, hallId))).get();
  if (!row) throw notFound('Bundle', bundleId);
  return row;
}

const retiredAt = (retired: boolean | undefined, current: string | null, now: Date) => (retired === undefined ? current : retired ? (current ?? now.toISOString()) : null);

/** CA1, CA2: a new service item of the hall, with its before figures when known. */
export function createServiceItem(ctx: CommandContext, hallId: string, body: CreateServiceItemBody) {
  getHallRow(ctx.tx, hallId);
  assertCategory(ctx, hallId, body.categoryId);
  const row = ctx.tx
    .insert(serviceItems)
    .values({
      id: `${hallId}-item-${newId().slice(0, 8)}`,
      hallId,
      categoryId: body.categoryId,
      name: body.name,
      nameEn: body.nameEn,
      materials: body.materials,
      typicalMinutes: body.typicalMinutes,
      before: body.before ?? null,
      legalDays: body.legalDays ?? null,
      sortOrder: body.sortOrder ?? 0,
    })
    .returning()
    .get();
  const view = itemView(row);
  ctx.audit({ before: null, after: view });
  return view;
}

/** CA1–CA3: change an item in place (same id, so past tickets and reports keep it), or retire it. */
export function updateServiceItem(ctx: CommandContext, hallId: string, itemId: string, body: UpdateServiceItemBody) {
  const before = itemOf(ctx, hallId, itemId);
  if (body.categoryId) assertCategory(ctx, hallId, body.categoryId);
  if (body.retired === true && !before.retiredAt) {
    const check = checkRetireItem(itemId, ctx.tx.select().from(bundles).where(eq(bundles.hallId, hallId)).all());
    if (!check.ok) throw new DomainError(check.status, check.code, check.message, check.params);
  }
  const { retired, ...fields } = body;
  const row = ctx.tx
    .update(serviceItems)
    .set({ ...fields, retiredAt: retiredAt(retired, before.retiredAt, ctx.now) })
    .where(eq(serviceItems.id, itemId))
    .returning()
    .get()!;
  const view = itemView(row);
  ctx.audit({ before: itemView(before), after: view });
  return view;
}

function assertBundle(ctx: CommandContext, hallId: string, draft: { itemIds: readonly string[]; mode: 'one_window' | 'routed'; categoryId: string | null }) {
  const items = ctx.tx.select().from(serviceItems).where(eq(serviceItems.hallId, hallId)).all();
  const queues = ctx.tx.select({ id: categories.id }).from(categories).where(eq(categories.hallId, hallId)).all().map((c) => c.id);
  const check = checkBundle(draft, items, queues);
  if (!check.ok) throw new DomainError(check.status, check.code, check.message, check.params);
}

/** CA1, CA2: a new 一件事 bundle. */
export function createBundle(ctx: CommandContext, hallId: string, body: CreateBundleBody) {
  getHallRow(ctx.tx, hallId);
  assertBundle(ctx, hallId, body);
  const row = ctx.tx
    .insert(bundles)
    .values({
      id: `${hallId}-bundle-${newId().slice(0, 8)}`,
      hallId,
      name: body.name,
      nameEn: body.nameEn,
      itemIds: body.itemIds,
      mode: body.mode,
      categoryId: body.categoryId,
      before: body.before ?? null,
      legalDays: body.legalDays ?? null,
      sortOrder: body.sortOrder ?? 0,
    })
    .returning()
    .get();
  const view = bundleView(row);
  ctx.audit({ before: null, after: view });
  return view;
}

/** CA1–CA3: change a bundle in place, or retire it; tickets already issued keep their items. */
export function updateBundle(ctx: CommandContext, hallId: string, bundleId: string, body: UpdateBundleBody) {
  const before = bundleOf(ctx, hallId, bundleId);
  const { retired, ...fields } = body;
  const next = { itemIds: body.itemIds ?? before.itemIds, mode: body.mode ?? before.mode, categoryId: body.categoryId === undefined ? before.categoryId : body.categoryId };
  if (body.mode === 'routed' && body.categoryId === undefined) next.categoryId = null;
  if (body.itemIds || body.mode || body.categoryId !== undefined) assertBundle(ctx, hallId, next);
  const row = ctx.tx
    .update(bundles)
    .set({ ...fields, ...next, retiredAt: retiredAt(retired, before.retiredAt, ctx.now) })
    .where(eq(bundles.id, bundleId))
    .returning()
    .get()!;
  const view = bundleView(row);
  ctx.audit({ before: bundleView(before), after: view });
  return view;
}

/** FR1: the clerk records the case number (办件编号) of a visit's application. */
export function recordCaseNumber(ctx: CommandContext, hallId: string, ticketId: string, caseNumber: string) {
  const before = ticketRow(ctx.tx, hallId, ticketId);
  ctx.tx.update(tickets).set({ caseNumber }).where(eq(tickets.id, ticketId)).run();
  ctx.audit({ before: { caseNumber: before.caseNumber }, after: { caseNumber } });
  return { ticketId, caseNumber };
}
