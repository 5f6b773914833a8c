import { ErrorResponseSchema } from '@hallflow/shared/api';

/** Response schemas for the error statuses a route can return. */
export function errorResponses<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponseSchema])) as {
    [K in S[number]]: typeof ErrorResponseSchema;
  };
}
