import { isDeepStrictEqual } from 'node:util';
import type { PartyView } from '@hallflow/shared';
import type { CreateCategoryBody, CreateHallBody, CreateWindowBody, HallConfiguration, UpdateCategoryBody } from '@hallflow/shared/api';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError, conflict, invalidField } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { categories, halls, serviceItems, windows } from '../../db/schema/index.ts';
import { storedPolicy, type HallPolicyKey } from './hall-policy.ts';
import { getHallRow } from './hall.repository.ts';
import { categoryView, hallView, windowView } from './views.ts';

/** H0: a hall's time zone must be one the runtime knows, or every "today" would be wrong. */
export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw invalidField('timezone', { zh: `${zone} 不是有效的时区（例如 Asia/Shanghai）`, en: `${zone} is not an IANA time zone (e.g. Asia/Shanghai)` });
  }
}

export function hallConfiguration(tx: Tx | Db, hallId: string): HallConfiguration {
  return {
    hall: hallView(getHallRow(tx, hallId)),
    categories: tx.select().from(categories).where(eq(categories.hallId, hallId)).orderBy(asc(categories.sortOrder)).all().map(categoryView),
    windows: tx.select().from(windows).where(eq(windows.hallId, hallId)).orderBy(asc(windows.number)).all().map(windowView),
  };
}

/**
 * Tells every screen the hall's configuration (hall.configured). `parties`
 * (LV10, staff only) are holding parties the change re-marked; sent only when
 * there are some, as level.changed does.
 */
export function announceConfiguration(ctx: CommandContext, hallId: string, parties: PartyView[] = []): HallConfiguration {
  const configuration = hallConfiguration(ctx.tx, hallId);
  ctx.emit({ type: 'hall.configured', ...configuration, ...(parties.length > 0 ? { parties } : {}) });
  return configuration;
}

/**
 * Stores one policy of a hall (with any hall columns that change with it),
 * audited, without announcing it: for a caller with more to do in the same
 * transaction before screens hear of it (the door's re-marking, LV10).
 */
export function writeHallPolicy(ctx: CommandContext, hallId: string, key: HallPolicyKey, value: object, columns: Partial<typeof halls.$inferInsert> = {}, hall = getHallRow(ctx.tx, hallId)): void {
  const changedColumns = Object.fromEntries(Object.keys(columns).map((column) => [column, hall[column as keyof typeof hall]]));
  // AU1: a settings change is audited as the stored policy (and hall columns) before and after.
  ctx.audit({ before: { [key]: hall.settings[key] ?? null, ...changedColumns }, after: { [key]: value, ...columns } });
  ctx.tx.update(halls).set({ ...columns, settings: { ...hall.settings, [key]: value } }).where(eq(halls.id, hallId)).run();
}

/**
 * Stores one policy of a hall (with any hall columns that change with it)
 * and tells every screen through hall.configured.
 */
export function saveHallPolicy(ctx: CommandContext, hallId: string, key: HallPolicyKey, value: object, columns: Partial<typeof halls.$inferInsert> = {}): HallConfiguration {
  const hall = getHallRow(ctx.tx, hallId);
  const same = (column: string, next: unknown) => isDeepStrictEqual(hall[column as keyof typeof hall], next);
  // LV1: a save that changes nothing writes nothing and tells no screen (the audit log still keeps the request).
  if (isDeepStrictEqual(storedPolicy(hall.settings, key), value) && Object.entries(columns).every(([column, next]) => same(column, next))) return hallConfiguration(ctx.tx, hallId);
  writeHallPolicy(ctx, hallId, key, value, columns, hall);
  return announceConfiguration(ctx, hallId);
}

export function createHall(ctx: CommandContext, body: CreateHallBody): HallConfiguration {
  const timezone = body.timezone ?? 'Asia/Shanghai';
  assertTimeZone(timezone);
  if (ctx.tx.select({ id: halls.id }).from(halls).where(eq(halls.id, body.id)).get()) {
    throw conflict('HALL_EXISTS', `A hall with id ${body.id} already exists`);
  }
  ctx.tx
    .insert(halls)
    .values({
      id: body.id,
      name: body.name,
      nameEn: body.nameEn,
      address: body.address?.trim() ?? '',
      timezone,
      floorAreaM2: body.floorAreaM2,
      areaPerPersonM2: body.areaPerPersonM2,
      maxOccupancy: body.maxOccupancy ?? null,
      staffOnFloor: body.staffOnFloor ?? 0,
      holdingCapacity: body.holdingCapacity,
      batchSize: body.batchSize,
      createdAt: ctx.now.toISOString(),
    })
    .run();
  return announceConfiguration(ctx, body.id);
}

export function createCategory(ctx: CommandContext, hallId: string, body: CreateCategoryBody): HallConfiguration {
  getHallRow(ctx.tx, hallId);
  const taken = ctx.tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.hallId, hallId), eq(categories.prefix, body.prefix)))
    .get();
  if (taken) throw conflict('PREFIX_TAKEN', `Prefix ${body.prefix} is already used in hall ${hallId}`);
  ctx.tx
    .insert(categories)
    .values({ id: `${hallId}-${body.prefix}`, hallId, prefix: body.prefix, name: body.name, nameEn: body.nameEn, sortOrder: body.sortOrder ?? 0 })
    .run();
  return announceConfiguration(ctx, hallId);
}

function assertCategoriesOfHall(tx: Tx, hallId: string, categoryIds: readonly string[]): void {
  const found = new Set(
    tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.hallId, hallId), inArray(categories.id, [...categoryIds])))
      .all()
      .map((row) => row.id),
  );
  const unknown = categoryIds.filter((id) => !found.has(id));
  if (unknown.length > 0) throw new DomainError(400, 'UNKNOWN_CATEGORY', `body/categoryIds: ${unknown.join(', ')} not in hall ${hallId}`);
}

export function createWindow(ctx: CommandContext, hallId: string, body: CreateWindowBody): HallConfiguration {
  getHallRow(ctx.tx, hallId);
  assertCategoriesOfHall(ctx.tx, hallId, body.categoryIds);
  const taken = ctx.tx
    .select({ id: windows.id })
    .from(windows)
    .where(and(eq(windows.hallId, hallId), eq(windows.number, body.number)))
    .get();
  if (taken) throw conflict('WINDOW_NUMBER_TAKEN', `Window ${body.number} already exists in hall ${hallId}`);
  ctx.tx.insert(windows).values({ id: `${hallId}-w${body.number}`, hallId, number: body.number, categoryIds: body.categoryIds }).run();
  return announceConfiguration(ctx, hallId);
}

export function updateWindowCategories(ctx: CommandContext, hallId: string, windowId: string, categoryIds: string[]): HallConfiguration {
  const window = ctx.tx
    .select()
    .from(windows)
    .where(and(eq(windows.id, windowId), eq(windows.hallId, hallId)))
    .get();
  if (!window) throw new DomainError(404, 'NOT_FOUND', `Window ${windowId} not found`);
  assertCategoriesOfHall(ctx.tx, hallId, categoryIds);
  ctx.tx.update(windows).set({ categoryIds }).where(eq(windows.id, windowId)).run();
  return announceConfiguration(ctx, hallId);
}

const retiredAtAfter = (retired: boolean | undefined, current: string | null, now: Date) => (retired === undefined ? current : retired ? (current ?? now.toISOString()) : null);

/**
 * CA5: rename, reorder or retire a queue in place (its tickets, past and
 * waiting, keep it). A queue whose items are still offered cannot be retired.
 */
export function updateCategory(ctx: CommandContext, hallId: string, categoryId: string, body: UpdateCategoryBody): HallConfiguration {
  const before = ctx.tx.select().from(categories).where(and(eq(categories.id, categoryId), eq(categories.hallId, hallId))).get();
  if (!before) throw new DomainError(404, 'NOT_FOUND', `Category ${categoryId} not found`);
  if (body.retired === true && !before.retiredAt) {
    const items = ctx.tx.select({ id: serviceItems.id }).from(serviceItems).where(and(eq(serviceItems.categoryId, categoryId), isNull(serviceItems.retiredAt))).all();
    if (items.length > 0) throw conflict('CATEGORY_HAS_ITEMS', `该业务下仍有在办事项 ${items.map((i) => i.id).join(', ')}，请先停办或移走 · items still offered in this queue`);
  }
  const { retired, ...fields } = body;
  ctx.tx.update(categories).set({ ...fields, retiredAt: retiredAtAfter(retired, before.retiredAt, ctx.now) }).where(eq(categories.id, categoryId)).run();
  const after = ctx.tx.select().from(categories).where(eq(categories.id, categoryId)).get()!;
  ctx.audit({ before: categoryView(before), after: categoryView(after) });
  return announceConfiguration(ctx, hallId);
}

/** CA5: a window taken out of service cannot be opened; only a closed window can be. */
export function updateWindow(ctx: CommandContext, hallId: string, windowId: string, retired: boolean): HallConfiguration {
  const before = ctx.tx.select().from(windows).where(and(eq(windows.id, windowId), eq(windows.hallId, hallId))).get();
  if (!before) throw new DomainError(404, 'NOT_FOUND', `Window ${windowId} not found`);
  if (retired && before.state !== 'closed') throw conflict('WINDOW_IN_USE', `${before.number}号窗口仍在服务中，请先关闭 · Window ${before.number} is ${before.state}; close it first`);
  ctx.tx.update(windows).set({ retiredAt: retiredAtAfter(retired, before.retiredAt, ctx.now) }).where(eq(windows.id, windowId)).run();
  ctx.audit({ before: { retired: before.retiredAt !== null }, after: { retired } });
  return announceConfiguration(ctx, hallId);
}
