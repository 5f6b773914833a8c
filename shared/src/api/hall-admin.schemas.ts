import { Type, type Static } from '@sinclair/typebox';
import { CategoryViewSchema, HallInfoSchema, WindowViewSchema } from '../domain/types.ts';
import { NullableInteger } from './common.schemas.ts';
import { RegionLevelSchema } from '../domain/city.rules.ts';

const HallId = Type.String({ minLength: 2, maxLength: 32, pattern: '^[a-z0-9][a-z0-9-]*$', description: 'lowercase letters, digits and dashes' });

export const CreateHallBodySchema = Type.Object(
  {
    id: HallId,
    name: Type.String({ minLength: 1, maxLength: 64 }),
    nameEn: Type.String({ minLength: 1, maxLength: 64 }),
    /** Where the hall is, for visitors (the booking confirmation); empty when left out. */
    address: Type.Optional(Type.String({ maxLength: 200 })),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone; Asia/Shanghai by default' })),
    floorAreaM2: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }),
    areaPerPersonM2: Type.Number({ minimum: 0.5, maximum: 1_000, description: 'm² per person; below 0.5 m² is no density limit (C1)' }),
    maxOccupancy: Type.Optional(NullableInteger({ minimum: 0, maximum: 100_000 })),
    staffOnFloor: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    holdingCapacity: Type.Integer({ minimum: 0, maximum: 100_000 }),
    batchSize: Type.Integer({ minimum: 1, maximum: 1_000 }),
  },
  { additionalProperties: false },
);
export type CreateHallBody = Static<typeof CreateHallBodySchema>;

export const CreateCategoryBodySchema = Type.Object(
  {
    prefix: Type.String({ pattern: '^[A-Z]$', description: 'one capital letter, unique in the hall' }),
    name: Type.String({ minLength: 1, maxLength: 64 }),
    nameEn: Type.String({ minLength: 1, maxLength: 64 }),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000 })),
  },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBodySchema>;

export const CreateWindowBodySchema = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    categoryIds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 26, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CreateWindowBody = Static<typeof CreateWindowBodySchema>;

export const UpdateWindowCategoriesBodySchema = Type.Object(
  { categoryIds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 26, uniqueItems: true }) },
  { additionalProperties: false },
);
export type UpdateWindowCategoriesBody = Static<typeof UpdateWindowCategoriesBodySchema>;

export const HallConfigurationSchema = Type.Object({
  hall: HallInfoSchema,
  categories: Type.Array(CategoryViewSchema),
  windows: Type.Array(WindowViewSchema),
});
export type HallConfiguration = Static<typeof HallConfigurationSchema>;

/** CO2: a node of the city's four-level tree. */
export const CreateRegionBodySchema = Type.Object(
  {
    id: HallId,
    parentId: Type.Optional(Type.Union([HallId, Type.Null()])),
    level: RegionLevelSchema,
    name: Type.String({ minLength: 1, maxLength: 64 }),
    nameEn: Type.String({ minLength: 1, maxLength: 64 }),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type CreateRegionBody = Static<typeof CreateRegionBodySchema>;

/** CA4, CO2: rename, place, reorder or retire a hall; only the fields sent change. */
export const UpdateHallBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Where visitors find the hall (shown where they are sent to another hall, V6). */
    address: Type.Optional(Type.String({ maxLength: 200 })),
    regionId: Type.Optional(Type.Union([HallId, Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    retired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateHallBody = Static<typeof UpdateHallBodySchema>;

export const UpdatedHallSchema = Type.Object({
  ...HallConfigurationSchema.properties,
  regionId: Type.Union([Type.String(), Type.Null()]),
  sortOrder: Type.Integer(),
  retired: Type.Boolean(),
});

/** CA5: rename, reorder or retire a queue; only the fields sent change. */
export const UpdateCategoryBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000 })),
    retired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBodySchema>;
export const CategoryParamsSchema = Type.Object({ hallId: Type.String({ minLength: 1, maxLength: 64 }), categoryId: Type.String({ minLength: 1, maxLength: 64 }) });

/** CA5: take a window out of service, or back. */
export const UpdateWindowBodySchema = Type.Object({ retired: Type.Boolean() }, { additionalProperties: false });
