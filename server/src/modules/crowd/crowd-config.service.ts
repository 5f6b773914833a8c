import { CrowdSettingsSchema, type CrowdSettings } from '@hallflow/shared';
import type { UpdateCrowdConfigBody } from '@hallflow/shared/api';
import { Value } from '@sinclair/typebox/value';
import type { CommandContext } from '../../core/command-runner.ts';
import { invalidField } from '../../core/errors.ts';
import { crowdSettings } from '../hall/hall-policy.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { saveHallPolicy } from '../hall/hall-admin.service.ts';

/**
 * C5: capacity and crowd settings of an existing hall. Screens learn of them
 * through hall.configured and, when the capacity or alert level moved, the
 * new occupancy (C2).
 */
export function updateCrowdConfig(ctx: CommandContext, hallId: string, body: UpdateCrowdConfigBody) {
  const hall = getHallRow(ctx.tx, hallId);
  const before = occupancyOf(ctx.tx, hallId);
  const { crowd, ...capacity } = body;
  const settings: CrowdSettings = { ...crowdSettings(hall.settings), ...crowd };
  if (!Value.Check(CrowdSettingsSchema, settings)) throw invalidField('crowd', { zh: '人流设置不完整或有误', en: 'is not a valid crowd configuration' });
  if (settings.alertLevels[0] >= settings.alertLevels[1]) {
    throw invalidField('crowd/alertLevels', { zh: '第一级提醒须低于第二级', en: 'must rise: the first level below the second' });
  }
  const configuration = saveHallPolicy(ctx, hallId, 'crowd', settings, capacity);
  const occupancy = occupancyOf(ctx.tx, hallId);
  if (occupancy.capacity !== before.capacity || occupancy.level !== before.level) ctx.emit({ type: 'occupancy.corrected', occupancy });
  return configuration;
}
