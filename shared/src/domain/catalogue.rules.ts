import { Type, type Static } from '@sinclair/typebox';
import { fieldRefusal } from '../i18n/index.ts';

/**
 * CA2: what a service item or 一件事 bundle took before the reform, as the
 * hall recorded it: materials to bring, steps or inspections (环节), statutory
 * days (法定/承诺时限 before), and trips the applicant had to make (跑动).
 */
export const BeforeFiguresSchema = Type.Object(
  {
    materials: Type.Integer({ minimum: 0, maximum: 999 }),
    steps: Type.Integer({ minimum: 0, maximum: 999 }),
    days: Type.Integer({ minimum: 0, maximum: 999 }),
    trips: Type.Integer({ minimum: 0, maximum: 999 }),
  },
  { additionalProperties: false },
);
export type BeforeFigures = Static<typeof BeforeFiguresSchema>;

/** A catalogue entry as the admin rules see it. */
export interface CatalogueItemRef {
  id: string;
  categoryId: string;
  retiredAt: string | null;
}

export interface BundleDraft {
  itemIds: readonly string[];
  mode: 'one_window' | 'routed';
  categoryId: string | null;
}

export type CatalogueCheck = { ok: true } | { ok: false; status: 400 | 409; code: string; message: string; params?: Record<string, string> };

const bad = (code: string, message: string): CatalogueCheck => ({ ok: false, status: 400, code, message });
/** A field refused by a catalogue rule, said in the reader's language (EM1). */
const badField = (path: string, zh: string, en: string): CatalogueCheck => ({ ok: false, status: 400, code: 'VALIDATION_ERROR', ...fieldRefusal(path, { zh, en }) });

/**
 * CA1: a bundle groups at least two different items of the hall that are
 * still offered; a one-window bundle names its comprehensive window's
 * category (一窗联办), a routed one names none (it starts at its first item's).
 */
export function checkBundle(draft: BundleDraft, items: readonly CatalogueItemRef[], categoryIds: readonly string[]): CatalogueCheck {
  if (new Set(draft.itemIds).size !== draft.itemIds.length) return bad('DUPLICATE_ITEM', 'body/itemIds: 同一事项只能出现一次 · each item appears once');
  if (draft.itemIds.length < 2) return badField('body/itemIds', '一件事至少包含两个事项', 'a bundle needs at least two items');
  const unknown = draft.itemIds.filter((id) => !items.some((item) => item.id === id));
  if (unknown.length > 0) return bad('UNKNOWN_ITEM', `body/itemIds: ${unknown.join(', ')} 不是本厅事项 · not items of this hall`);
  const retired = draft.itemIds.filter((id) => items.find((item) => item.id === id)?.retiredAt);
  if (retired.length > 0) return bad('ITEM_RETIRED', `body/itemIds: ${retired.join(', ')} 已停办 · retired`);
  if (draft.mode === 'one_window') {
    if (!draft.categoryId) return badField('body/categoryId', '一窗联办须指定综合窗口业务', 'a one-window bundle needs its comprehensive queue');
    if (!categoryIds.includes(draft.categoryId)) return bad('UNKNOWN_CATEGORY', `body/categoryId ${draft.categoryId} 不是本厅业务 · not a queue of this hall`);
  } else if (draft.categoryId) {
    return badField('body/categoryId', '分窗流转的一件事从第一个事项的窗口开始，不设综合窗口', 'a routed bundle starts at its first item’s queue');
  }
  return { ok: true };
}

/** CA3: an item still part of a bundle that is offered cannot be retired (the bundle would promise a service nobody gives). */
export function checkRetireItem(itemId: string, bundles: readonly { id: string; itemIds: readonly string[]; retiredAt: string | null }[]): CatalogueCheck {
  const using = bundles.filter((bundle) => !bundle.retiredAt && bundle.itemIds.includes(itemId)).map((bundle) => bundle.id);
  if (using.length === 0) return { ok: true };
  return { ok: false, status: 409, code: 'ITEM_IN_BUNDLE', message: `事项仍属于在办的一件事 ${using.join(', ')}，请先调整或停办该一件事 · still part of bundle ${using.join(', ')}`, params: { bundles: using.join(', ') } };
}

/** CA3: the entries still offered, in the hall's order (sortOrder, then name). */
export function offered<T extends { retiredAt: string | null; sortOrder: number; name: string }>(entries: readonly T[]): T[] {
  return sortCatalogue(entries.filter((entry) => !entry.retiredAt));
}

export function sortCatalogue<T extends { sortOrder: number; name: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh'));
}
