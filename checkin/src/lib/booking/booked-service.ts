import { bundleStartQueue, mergeMaterials, type CategoryView } from '@hallflow/shared';
import type { ServiceCatalogue } from '@hallflow/shared/api';
import { both, tr } from './booking-i18n';

/** What a visitor books (A16): a service item, a 一件事 bundle, or a queue as a whole. */
export type ServiceChoice = { kind: 'item' | 'bundle' | 'category'; id: string };

export const choiceValue = (choice: ServiceChoice) => `${choice.kind}:${choice.id}`;

export function parseChoice(value: string): ServiceChoice | null {
  const [kind, id] = value.split(':', 2);
  return (kind === 'item' || kind === 'bundle' || kind === 'category') && id ? { kind, id } : null;
}

/** The queue whose slots the choice books: the item's, the bundle's starting queue (K2/K3), or the queue itself. */
export function choiceQueue(choice: ServiceChoice, catalogue: ServiceCatalogue): string | null {
  if (choice.kind === 'category') return choice.id;
  if (choice.kind === 'item') return catalogue.items.find((item) => item.id === choice.id)?.categoryId ?? null;
  const bundle = catalogue.bundles.find((b) => b.id === choice.id);
  if (!bundle) return null;
  return bundleStartQueue(bundle, bundle.itemIds.flatMap((id) => catalogue.items.filter((item) => item.id === id)));
}

/** What to bring (K1): the item's materials, or the bundle's merged list; a queue alone names none. */
export function choiceMaterials(choice: { itemId: string | null; bundleId: string | null }, catalogue: ServiceCatalogue): string[] {
  const itemsById = new Map(catalogue.items.map((item) => [item.id, item]));
  if (choice.bundleId) {
    const bundle = catalogue.bundles.find((b) => b.id === choice.bundleId);
    return mergeMaterials((bundle?.itemIds ?? []).flatMap((id) => itemsById.get(id) ?? []));
  }
  return choice.itemId ? [...(itemsById.get(choice.itemId)?.materials ?? [])] : [];
}

/** The body fields naming the choice. */
export const choiceBody = (choice: ServiceChoice) => (choice.kind === 'item' ? { itemId: choice.id } : choice.kind === 'bundle' ? { bundleId: choice.id } : { categoryId: choice.id });

/** Choices grouped for the picker: bundles first (they save the most trips), then each queue's items, then the queue itself. */
export function choiceGroups(catalogue: ServiceCatalogue, categories: CategoryView[]) {
  return [
    { label: both('bundles'), options: catalogue.bundles.map((b) => ({ value: choiceValue({ kind: 'bundle', id: b.id }), text: `${b.name} ${b.nameEn}` })) },
    ...categories.map((category) => ({
      label: `${category.name} ${category.nameEn}`,
      options: [
        ...catalogue.items.filter((item) => item.categoryId === category.id).map((item) => ({ value: choiceValue({ kind: 'item', id: item.id }), text: `${item.name} ${item.nameEn}` })),
        { value: choiceValue({ kind: 'category', id: category.id }), text: `${tr('zh', 'otherItems', { name: category.name })}${tr('en', 'otherItems', { name: category.nameEn })}` },
      ],
    })),
  ].filter((group) => group.options.length > 0);
}

/** A20: the name of what was booked, as the confirmation shows it: the item, the bundle, or the queue. */
export function serviceName(
  choice: { categoryId: string; itemId: string | null; bundleId: string | null },
  catalogue: ServiceCatalogue,
  categories: readonly CategoryView[],
): { zh: string; en: string } {
  const category = categories.find((c) => c.id === choice.categoryId);
  const named = choice.bundleId ? catalogue.bundles.find((b) => b.id === choice.bundleId) : choice.itemId ? catalogue.items.find((item) => item.id === choice.itemId) : undefined;
  if (named) return { zh: named.name, en: named.nameEn };
  return { zh: category?.name ?? choice.categoryId, en: category?.nameEn ?? '' };
}
