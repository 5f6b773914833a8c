import { Type, type Static } from '@sinclair/typebox';

/** Every error response: the HTTP status, a stable code, and a message that names what is wrong. */
export const ErrorResponseSchema = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String(),
    error: Type.String(),
    message: Type.String(),
    /** What the catalogue's text for `code` is filled with (the field refused, a time to come back …). */
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  },
  { $id: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponseSchema>;

export const HallParamsSchema = Type.Object({ hallId: Type.String({ minLength: 1, maxLength: 64 }) });
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const OkSchema = Type.Object({ ok: Type.Literal(true) });
/** LV1: a policy save may name the version it was edited from (`getHallPolicies`' `versions`); it is refused with 409 POLICY_CHANGED when the policy changed since. */
export const PolicyIfMatchHeadersSchema = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 100 })) });

/**
 * An integer or null, as one JSON Schema type (`nullable`, as OpenAPI 3.0
 * spells it). Not a union: the server coerces types, and in a union a null
 * tried against the integer first reads as 0, a 0 tried against null first
 * reads as null.
 */
export const NullableInteger = (options: { minimum: number; maximum: number }) => Type.Unsafe<number | null>(Type.Integer({ ...options, nullable: true }));
