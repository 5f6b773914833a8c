import type { ScreeningPolicy, ScreeningPolicyBody } from '@hallflow/shared';
import type { CommandContext } from '../../core/command-runner.ts';
import { announceConfiguration, writeHallPolicy } from '../hall/hall-admin.service.ts';
import { screeningPolicy } from '../hall/hall-policy.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { markRechecks } from './recheck.service.ts';

/**
 * S11, LV2, LV10: a supervisor's edit of the hall's screening policy. Its
 * `*Required` switches are the checks in force (a level's switch writes them,
 * and a hand edit may change them until the next switch, LV1), so an edit
 * re-judges the holding area through the very code a level change uses
 * (`markRechecks`): a party screened without a check now required is marked
 * 需复检 and batches pass over it; a check no longer required clears its mark.
 * The marked parties reach staff on the same hall.configured event.
 */
export function updateScreeningPolicy(ctx: CommandContext, hallId: string, body: ScreeningPolicyBody): ScreeningPolicy {
  writeHallPolicy(ctx, hallId, 'screening', body);
  announceConfiguration(ctx, hallId, markRechecks(ctx, hallId));
  // Settings left out take their defaults (S8, S9): answer with the policy as it now stands.
  return screeningPolicy(getHallRow(ctx.tx, hallId).settings);
}
