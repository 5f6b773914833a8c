import { decidePriority, offeredPriorityReasons, type PriorityReason } from '@hallflow/shared';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError } from '../../core/errors.ts';
import { callingSettings } from '../hall/hall-policy.ts';
import { getHallRow } from '../hall/hall.repository.ts';

/** DK2/DK3: the priority of a ticket issued by hand, refused without a reason the hall offers. */
export function deskPriority(tx: CommandContext['tx'], hallId: string, body: { priority?: boolean; priorityReason?: PriorityReason }): { priority: boolean; priorityReason: PriorityReason | null } {
  const offered = offeredPriorityReasons(callingSettings(getHallRow(tx, hallId).settings));
  const decision = decidePriority(body.priority ?? false, body.priorityReason, offered);
  if (!decision.ok) throw new DomainError(400, decision.code, `${decision.field}: ${decision.code}`, { field: decision.field });
  return { priority: decision.priority, priorityReason: decision.reason };
}
