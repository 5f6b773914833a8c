import { DEFAULT_HOURS, HoursConfigSchema, serviceStatus, type HoursConfig } from '@hallflow/shared';
import { Value } from '@sinclair/typebox/value';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError } from '../../core/errors.ts';
import { getHallRow, type HallRow } from '../hall/hall.repository.ts';

export function hoursConfig(settings: Record<string, unknown>): HoursConfig {
  const stored = settings.hours;
  return stored !== undefined && Value.Check(HoursConfigSchema, stored) ? stored : DEFAULT_HOURS;
}

/**
 * H2/H7 enforced: outside the (extended) hours nothing starts at the door or
 * the desk; after the last-ticket cut-off no new ticket is issued. Calling and
 * finishing tickets stay possible, so the day's queue is always served.
 */
export function assertServiceOpen(ctx: CommandContext, hallId: string, what: 'ticket' | 'admission', hall: HallRow = getHallRow(ctx.tx, hallId)): void {
  const status = serviceStatus(hoursConfig(hall.settings), hall.timezone, ctx.now);
  if (!status.open) throw new DomainError(409, 'HALL_CLOSED', status.reason);
  if (what === 'ticket' && !status.ticketsAllowed) {
    throw new DomainError(409, 'LAST_TICKET_PASSED', '今日取号已截止 · No more tickets today: the last-ticket time has passed');
  }
}

/** Whether the hall admits people now (H2): the same judgement as `assertServiceOpen`, for work that is skipped rather than refused. */
export function serviceOpenNow(ctx: CommandContext, hallId: string): boolean {
  const hall = getHallRow(ctx.tx, hallId);
  return serviceStatus(hoursConfig(hall.settings), hall.timezone, ctx.now).open;
}
