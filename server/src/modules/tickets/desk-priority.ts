import { decidePriority, offeredPriorityReasons, type PriorityReason } from '@hallflow/shared';
import { DomainError } from '../../core/errors.ts';
import { callingSettings } from '../hall/hall-policy.ts';
import type { HallRow } from '../hall/hall.repository.ts';

/** DK2/DK3: the priority of a ticket issued by hand, refused without a reason the hall offers. */
export function deskPriority(hall: HallRow, body: { priority?: boolean; priorityReason?: PriorityReason }): { priority: boolean; priorityReason: PriorityReason | null } {
  const offered = offeredPriorityReasons(callingSettings(hall.settings));
  const decision = decidePriority(body.priority ?? false, body.priorityReason, offered);
  if (!decision.ok) throw new DomainError(400, decision.code, `${decision.field}: ${decision.code}`, { field: decision.field });
  return { priority: decision.priority, priorityReason: decision.reason };
}
