import type { PriorityReason } from '@hallflow/shared';
import type { IssueTicketBody } from '@hallflow/shared/api';

/** What the desk chose: a queue, one item (事项) or a 一件事 bundle, encoded in one select's value. */
export type DeskChoice = { kind: 'queue' | 'item' | 'bundle'; id: string; categoryId?: string };

export const choiceValue = (choice: DeskChoice) => `${choice.kind}:${choice.id}`;

export interface DeskForm {
  choice: DeskChoice | null;
  partySize: number;
  priority: boolean;
  reason: PriorityReason | null;
}

/**
 * DK1/DK2: the request the desk sends, or what is still missing (a message
 * key), checked in the page exactly as the server checks it, so nothing
 * incomplete is sent.
 */
export function deskRequest(form: DeskForm): { body: IssueTicketBody } | { missing: 'deskChooseService' | 'deskChooseReason' } {
  if (!form.choice) return { missing: 'deskChooseService' };
  if (form.priority && !form.reason) return { missing: 'deskChooseReason' };
  const priority = form.priority && form.reason ? { priority: true, priorityReason: form.reason } : {};
  const service =
    form.choice.kind === 'bundle'
      ? { bundleId: form.choice.id }
      : form.choice.kind === 'item'
        ? { categoryId: form.choice.categoryId, itemIds: [form.choice.id] }
        : { categoryId: form.choice.id };
  return { body: { ...service, ...priority, partySize: form.partySize } };
}
