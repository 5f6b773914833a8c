import { Type, type Static } from '@sinclair/typebox';

/**
 * 绿色通道: why a visitor is served first (DK2). The hall chooses which of
 * these its desk offers (calling policy `priorityReasons`, DK3).
 */
export const PRIORITY_REASONS = ['age65', 'disability', 'pregnancy', 'military', 'other'] as const;
export const PriorityReasonSchema = Type.Union(PRIORITY_REASONS.map((reason) => Type.Literal(reason)));
export type PriorityReason = Static<typeof PriorityReasonSchema>;

export const PRIORITY_REASON_LABELS: Record<PriorityReason, { zh: string; en: string }> = {
  age65: { zh: '65岁及以上老人', en: 'Aged 65 or over' },
  disability: { zh: '残疾人', en: 'Person with a disability' },
  pregnancy: { zh: '孕妇', en: 'Pregnant' },
  military: { zh: '现役军人及军属', en: 'Military or military family' },
  other: { zh: '其他特殊情况', en: 'Other special need' },
};

export type PriorityDecision =
  | { ok: true; priority: boolean; reason: PriorityReason | null }
  | { ok: false; code: 'PRIORITY_REASON_REQUIRED' | 'PRIORITY_REASON_NOT_OFFERED' | 'PRIORITY_REASON_WITHOUT_PRIORITY'; field: 'body/priorityReason' };

/**
 * DK2: a priority ticket always carries a reason the hall offers; a reason
 * without priority is a mistake, not a silent normal ticket.
 */
export function decidePriority(priority: boolean, reason: PriorityReason | undefined, offered: readonly PriorityReason[]): PriorityDecision {
  const field = 'body/priorityReason' as const;
  if (!priority) return reason === undefined ? { ok: true, priority: false, reason: null } : { ok: false, code: 'PRIORITY_REASON_WITHOUT_PRIORITY', field };
  if (reason === undefined) return { ok: false, code: 'PRIORITY_REASON_REQUIRED', field };
  if (!offered.includes(reason)) return { ok: false, code: 'PRIORITY_REASON_NOT_OFFERED', field };
  return { ok: true, priority: true, reason };
}
