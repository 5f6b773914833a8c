import { Type, type Static } from '@sinclair/typebox';

/** A service item (事项) with what to bring and its typical handling time. */
export const ServiceItemSchema = Type.Object({
  id: Type.String(),
  categoryId: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  materials: Type.Array(Type.String()),
  typicalMinutes: Type.Integer(),
});
export type ServiceItemView = Static<typeof ServiceItemSchema>;

/** A 一件事 bundle: its items, handled at one window (K2) or routed across windows (K3). */
export const ServiceBundleSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  itemIds: Type.Array(Type.String()),
  mode: Type.Union([Type.Literal('one_window'), Type.Literal('routed')]),
  categoryId: Type.Union([Type.String(), Type.Null()]),
});
export type ServiceBundleView = Static<typeof ServiceBundleSchema>;

export const ServiceCatalogueSchema = Type.Object({ items: Type.Array(ServiceItemSchema), bundles: Type.Array(ServiceBundleSchema) });
export type ServiceCatalogue = Static<typeof ServiceCatalogueSchema>;

/** A ticket's items with their progress, and the merged materials checklist (K1). */
export const TicketItemsSchema = Type.Object({
  items: Type.Array(
    Type.Object({ itemId: Type.String(), name: Type.String(), nameEn: Type.String(), categoryId: Type.String(), state: Type.String(), doneAt: Type.Union([Type.String(), Type.Null()]) }),
  ),
  materials: Type.Array(Type.String()),
});
export type TicketItems = Static<typeof TicketItemsSchema>;
