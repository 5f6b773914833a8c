import { Type, type Static } from '@sinclair/typebox';
import { BeforeFiguresSchema } from '../domain/catalogue.rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Name = Type.String({ minLength: 1, maxLength: 64 });
const Material = Type.String({ minLength: 1, maxLength: 120 });
const LegalDays = Nullable(Type.Integer({ minimum: 0, maximum: 999, description: 'legal time limit (法定时限) in working days' }));
const SortOrder = Type.Integer({ minimum: 0, maximum: 10_000 });

/** A service item (事项) with what to bring, its typical handling time, and its "before" figures (CA2). */
export const ServiceItemSchema = Type.Object({
  id: Type.String(),
  categoryId: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  materials: Type.Array(Type.String()),
  typicalMinutes: Type.Integer(),
  before: Nullable(BeforeFiguresSchema),
  legalDays: Nullable(Type.Integer()),
  sortOrder: Type.Integer(),
  /** CA3: no longer offered (kept for past tickets and reports). */
  retired: Type.Boolean(),
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
  before: Nullable(BeforeFiguresSchema),
  legalDays: Nullable(Type.Integer()),
  sortOrder: Type.Integer(),
  retired: Type.Boolean(),
});
export type ServiceBundleView = Static<typeof ServiceBundleSchema>;

export const ServiceCatalogueSchema = Type.Object({ items: Type.Array(ServiceItemSchema), bundles: Type.Array(ServiceBundleSchema) });
export type ServiceCatalogue = Static<typeof ServiceCatalogueSchema>;

export const CatalogueQuerySchema = Type.Object(
  { retired: Type.Optional(Type.Boolean({ description: 'also list retired items and bundles (for the admin page)' })) },
  { additionalProperties: false },
);

const itemFields = {
  categoryId: Type.String({ minLength: 1, maxLength: 64 }),
  name: Name,
  nameEn: Name,
  materials: Type.Array(Material, { maxItems: 60, uniqueItems: true }),
  typicalMinutes: Type.Integer({ minimum: 1, maximum: 480 }),
  before: Nullable(BeforeFiguresSchema),
  legalDays: LegalDays,
  sortOrder: SortOrder,
};

/** CA1: a new item; `id` is optional (made from the hall and a random suffix). */
export const CreateServiceItemBodySchema = Type.Object(
  {
    ...itemFields,
    before: Type.Optional(itemFields.before),
    legalDays: Type.Optional(LegalDays),
    sortOrder: Type.Optional(SortOrder),
  },
  { additionalProperties: false },
);
export type CreateServiceItemBody = Static<typeof CreateServiceItemBodySchema>;

/** CA1, CA3: rename, re-file, reorder, record the before figures, retire or offer again: only the fields sent change. */
export const UpdateServiceItemBodySchema = Type.Object(
  {
    categoryId: Type.Optional(itemFields.categoryId),
    name: Type.Optional(Name),
    nameEn: Type.Optional(Name),
    materials: Type.Optional(itemFields.materials),
    typicalMinutes: Type.Optional(itemFields.typicalMinutes),
    before: Type.Optional(itemFields.before),
    legalDays: Type.Optional(LegalDays),
    sortOrder: Type.Optional(SortOrder),
    retired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateServiceItemBody = Static<typeof UpdateServiceItemBodySchema>;

const bundleFields = {
  name: Name,
  nameEn: Name,
  itemIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 30 }),
  mode: Type.Union([Type.Literal('one_window'), Type.Literal('routed')]),
  categoryId: Nullable(Type.String({ minLength: 1, maxLength: 64 })),
};

export const CreateBundleBodySchema = Type.Object(
  { ...bundleFields, before: Type.Optional(itemFields.before), legalDays: Type.Optional(LegalDays), sortOrder: Type.Optional(SortOrder) },
  { additionalProperties: false },
);
export type CreateBundleBody = Static<typeof CreateBundleBodySchema>;

export const UpdateBundleBodySchema = Type.Object(
  {
    name: Type.Optional(Name),
    nameEn: Type.Optional(Name),
    itemIds: Type.Optional(bundleFields.itemIds),
    mode: Type.Optional(bundleFields.mode),
    categoryId: Type.Optional(bundleFields.categoryId),
    before: Type.Optional(itemFields.before),
    legalDays: Type.Optional(LegalDays),
    sortOrder: Type.Optional(SortOrder),
    retired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBundleBody = Static<typeof UpdateBundleBodySchema>;

export const ItemParamsSchema = Type.Object({ hallId: Type.String({ minLength: 1, maxLength: 64 }), itemId: Type.String({ minLength: 1, maxLength: 64 }) });
export const BundleParamsSchema = Type.Object({ hallId: Type.String({ minLength: 1, maxLength: 64 }), bundleId: Type.String({ minLength: 1, maxLength: 64 }) });

/** A ticket's items with their progress, and the merged materials checklist (K1). */
export const TicketItemsSchema = Type.Object({
  items: Type.Array(
    Type.Object({ itemId: Type.String(), name: Type.String(), nameEn: Type.String(), categoryId: Type.String(), state: Type.String(), doneAt: Type.Union([Type.String(), Type.Null()]) }),
  ),
  materials: Type.Array(Type.String()),
  /** FR1: the case number (办件编号) the clerk recorded, linking visits of one application. */
  caseNumber: Type.Union([Type.String(), Type.Null()]),
});
export type TicketItems = Static<typeof TicketItemsSchema>;

/** FR1: the clerk records the case number (办件编号) of the application a visit belongs to. */
export const RecordCaseNumberBodySchema = Type.Object(
  { caseNumber: Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$', description: '办件编号: letters, digits and dashes' }) },
  { additionalProperties: false },
);
