import { hallsUnder, releaseOnChange, type PreventionLevel } from '@hallflow/shared';
import type { SetPreventionLevelBody } from '@hallflow/shared/api';
import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { halls, parties, preventionLevelChanges, regions } from '../../db/schema/index.ts';
import { admitBatch } from '../crowd/batch.service.ts';
import { serviceOpenNow } from '../door/hours.guard.ts';
import { levelPresets } from '../hall/hall-policy.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { settingsWithPreset } from '../hall/level-policy.ts';
import { hallView } from '../hall/views.ts';
import { markRechecks } from '../door/recheck.service.ts';
import { changeEventView, changeRow, type LevelChangeRecord } from './level-changes.repository.ts';

export interface LevelActor {
  id: string;
  username: string;
  /** The actor's own hall; null for city-wide staff. */
  hallId: string | null;
  role: string;
}

/**
 * LV4: the halls a change reaches. Staff of a hall set their own hall only;
 * a district's subtree (CO2's `hallsUnder`) or the whole city only a
 * city-wide admin. Retired halls are left alone.
 */
function targetHalls(ctx: CommandContext, target: SetPreventionLevelBody['target'], actor: LevelActor): { hallIds: string[]; scope: 'hall' | 'region' | 'city'; regionId: string | null } {
  const open = ctx.tx.select({ hallId: halls.id, regionId: halls.regionId }).from(halls).where(isNull(halls.retiredAt)).all();
  if ('hallId' in target) {
    if (actor.hallId !== null && actor.hallId !== target.hallId) throw new DomainError(403, 'LEVEL_WRONG_HALL', 'You may set the level of your own hall only');
    getHallRow(ctx.tx, target.hallId);
    return { hallIds: [target.hallId], scope: 'hall', regionId: null };
  }
  if (actor.hallId !== null || actor.role !== 'admin') throw new DomainError(403, 'CITY_ADMIN_ONLY', 'Only a city-wide admin sets the level of a district or the city');
  if ('regionId' in target) {
    const all = ctx.tx.select().from(regions).all();
    if (!all.some((region) => region.id === target.regionId)) throw new DomainError(404, 'NOT_FOUND', `Region ${target.regionId} not found`);
    const hallIds = hallsUnder(all, open, target.regionId);
    if (hallIds.length === 0) throw new DomainError(409, 'NO_HALLS', `No hall is open in region ${target.regionId}`);
    return { hallIds, scope: 'region', regionId: target.regionId };
  }
  return { hallIds: open.map((row) => row.hallId), scope: 'city', regionId: null };
}

/**
 * LV4, LV7: records a change of level for each hall it reaches (who, when,
 * why) and applies it now, or leaves it scheduled for `startsAt`.
 */
export function setPreventionLevel(ctx: CommandContext, body: SetPreventionLevelBody, actor: LevelActor) {
  const startsAt = body.startsAt ? new Date(body.startsAt) : null;
  if (startsAt && startsAt.getTime() < ctx.now.getTime() - 60_000) throw new DomainError(400, 'VALIDATION_ERROR', 'body/startsAt must not be in the past');
  const scheduled = startsAt !== null && startsAt.getTime() > ctx.now.getTime();
  const { hallIds, scope, regionId } = targetHalls(ctx, body.target, actor);
  const groupId = newId();
  const at = ctx.now.toISOString();
  let released = 0;
  const rows = hallIds.map((hallId) => {
    const row = ctx.tx
      .insert(preventionLevelChanges)
      .values({
        id: newId(),
        groupId,
        hallId,
        scope,
        regionId,
        fromLevel: null,
        toLevel: body.level,
        reason: body.reason,
        staffId: actor.id,
        staffUsername: actor.username,
        createdAt: at,
        effectiveAt: scheduled ? startsAt!.toISOString() : at,
        appliedAt: null,
      })
      .returning()
      .get();
    if (scheduled) return row;
    const applied = applyLevelChange(ctx, row);
    released += applied.released;
    return applied.row;
  });
  ctx.audit({ after: { target: body.target, level: body.level, reason: body.reason, effectiveAt: rows[0]!.effectiveAt, halls: hallIds } });
  return { changes: rows.map(changeRow), released };
}

/**
 * LV1, LV4, LV6: moves one hall to the change's level: the level's preset is
 * written into the hall's policies, every screen and app hears `level.changed`
 * with the new rules, and a relaxing change releases the holding area in
 * order within the limit (a batch with no staff member). Tightening touches
 * nobody already inside or holding, and no booking.
 */
export function applyLevelChange(ctx: CommandContext, change: LevelChangeRecord): { row: LevelChangeRecord; released: number } {
  const hall = getHallRow(ctx.tx, change.hallId);
  const from = hall.preventionLevel as PreventionLevel;
  const preset = levelPresets(hall.settings)[change.toLevel];
  ctx.tx.update(halls).set({ preventionLevel: change.toLevel, settings: settingsWithPreset(hall.settings, preset) }).where(eq(halls.id, hall.id)).run();
  const row = ctx.tx
    .update(preventionLevelChanges)
    .set({ fromLevel: from, appliedAt: ctx.now.toISOString() })
    .where(eq(preventionLevelChanges.id, change.id))
    .returning()
    .get()!;
  // A district's or the city's change is a command of no one hall: each hall's events go to its own log.
  const hallCtx: CommandContext = { ...ctx, emit: (event) => ctx.emitTo(hall.id, event) };
  // LV10: parties holding are marked for the checks the new level adds to those made for them (or unmarked when it no longer needs them).
  const marked = markRechecks(ctx, hall.id);
  hallCtx.emit({ type: 'level.changed', hall: hallView(getHallRow(ctx.tx, hall.id)), change: changeEventView(row, from), ...(marked.length > 0 ? { parties: marked } : {}) });
  return { row, released: releaseHolding(hallCtx, hall.id, from, change.toLevel) };
}

/** LV6: relaxing lets the holding area in, in holding order (B1), whole parties, as far as the limit allows; only while the hall admits (H2). */
function releaseHolding(ctx: CommandContext, hallId: string, from: PreventionLevel, to: PreventionLevel): number {
  const hall = getHallRow(ctx.tx, hallId);
  const occupancy = occupancyOf(ctx.tx, hallId);
  if (occupancy.holding === 0 || !serviceOpenNow(ctx, hallId)) return 0;
  // LV10: a party marked for a re-check is passed over until the door re-checks it.
  const holding = ctx.tx
    .select()
    .from(parties)
    .where(and(eq(parties.hallId, hallId), eq(parties.state, 'holding')))
    .all()
    .filter((party) => party.recheck.length === 0);
  const chosen = releaseOnChange(
    from,
    to,
    levelPresets(hall.settings)[to],
    holding.map((p) => ({ id: p.id, size: p.size, slotStart: p.slotStart, screenedAt: p.screenedAt ?? p.arrivedAt })),
    occupancy.capacity - occupancy.inside,
  );
  if (chosen.length === 0) return 0;
  const people = chosen.reduce((sum, party) => sum + party.size, 0);
  return admitBatch(ctx, hallId, null, null, { batchSize: people }).parties.length;
}
