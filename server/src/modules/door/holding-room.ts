import { MINUTES_PER_BATCH, clockTime, type OccupancyView } from '@hallflow/shared';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError } from '../../core/errors.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';

/**
 * B4: when the holding area cannot take the whole party, the visitor is told
 * to come back (about ten minutes per batch ahead) and nothing is recorded.
 */
export function assertHoldingRoom(ctx: CommandContext, hall: ReturnType<typeof getHallRow>, size: number, occupancy: OccupancyView = occupancyOf(ctx.tx, hall.id, hall)): void {
  const { holding } = occupancy;
  if (holding + size <= hall.holdingCapacity) return;
  const batchesAhead = Math.ceil((holding + size - hall.holdingCapacity) / hall.batchSize);
  const comeBack = new Date(ctx.now.getTime() + batchesAhead * MINUTES_PER_BATCH * 60_000);
  const at = clockTime(comeBack, hall.timezone);
  throw new DomainError(409, 'HOLDING_FULL', `候场区已满，请于 ${at} 后再来 · The holding area is full; please come back at ${at}`, { time: at });
}
