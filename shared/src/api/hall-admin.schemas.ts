import { Type, type Static } from '@sinclair/typebox';
import { CategoryViewSchema, HallInfoSchema, WindowViewSchema } from '../domain/types.ts';
import { NullableInteger } from './common.schemas.ts';

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
    areaPerPersonM2: Type.Number({ exclusiveMinimum: 0, maximum: 1_000 }),
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
