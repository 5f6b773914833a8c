import { checkRegionParent, type Region } from '@hallflow/shared';
import type { CreateRegionBody, UpdateHallBody } from '@hallflow/shared/api';
import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError, conflict } from '../../core/errors.ts';
import { halls, regions } from '../../db/schema/index.ts';
import { hallConfiguration } from '../hall/hall-admin.service.ts';
import { getHallRow } from '../hall/hall.repository.ts';

/** CO2: a new node of the city's tree, under the level above it. */
export function createRegion(ctx: CommandContext, body: CreateRegionBody): Region {
  if (ctx.tx.select({ id: regions.id }).from(regions).where(eq(regions.id, body.id)).get()) throw conflict('REGION_EXISTS', `A region with id ${body.id} already exists`);
  const parent = body.parentId ? ctx.tx.select().from(regions).where(eq(regions.id, body.parentId)).get() : null;
  if (body.parentId && !parent) throw new DomainError(400, 'UNKNOWN_REGION', `body/parentId ${body.parentId} 不是已有区域 · is not a region`);
  const check = checkRegionParent(body.level, parent ?? null);
  if (!check.ok) throw new DomainError(400, 'VALIDATION_ERROR', check.message, check.params);
  const row = ctx.tx
    .insert(regions)
    .values({ id: body.id, parentId: body.parentId ?? null, level: body.level, name: body.name, nameEn: body.nameEn, sortOrder: body.sortOrder ?? 0 })
    .returning()
    .get();
  ctx.audit({ before: null, after: row });
  return row;
}

/** CA4, CO2: rename, place in the tree, reorder or retire a hall; screens learn the new name through hall.configured. */
export function updateHall(ctx: CommandContext, hallId: string, body: UpdateHallBody) {
  const before = getHallRow(ctx.tx, hallId);
  if (body.regionId && !ctx.tx.select({ id: regions.id }).from(regions).where(eq(regions.id, body.regionId)).get()) {
    throw new DomainError(400, 'UNKNOWN_REGION', `body/regionId ${body.regionId} 不是已有区域 · is not a region`);
  }
  const { retired, address, ...fields } = body;
  const retiredAt = retired === undefined ? before.retiredAt : retired ? (before.retiredAt ?? ctx.now.toISOString()) : null;
  ctx.tx
    .update(halls)
    .set({ ...fields, ...(address === undefined ? {} : { address: address.trim() }), retiredAt })
    .where(eq(halls.id, hallId))
    .run();
  const pick = (row: typeof before) => ({ name: row.name, nameEn: row.nameEn, address: row.address, regionId: row.regionId, sortOrder: row.sortOrder, retired: row.retiredAt !== null });
  const after = getHallRow(ctx.tx, hallId);
  ctx.audit({ before: pick(before), after: pick(after) });
  const configuration = hallConfiguration(ctx.tx, hallId);
  ctx.emit({ type: 'hall.configured', ...configuration });
  return { ...configuration, regionId: after.regionId, sortOrder: after.sortOrder, retired: after.retiredAt !== null };
}
