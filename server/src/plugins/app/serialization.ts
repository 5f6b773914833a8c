import fastJson, { type Schema } from 'fast-json-stringify';
import fp from 'fastify-plugin';

type Node = Record<string | symbol, unknown>;

const COMBINATORS = ['anyOf', 'oneOf', 'allOf', 'if', '$ref'] as const;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNull = (branch: Node) => branch.type === 'null' && branch.const === undefined;
const isStringLiteral = (branch: Node) => branch.type === 'string' && typeof branch.const === 'string';
const isPlain = (branch: Node) => COMBINATORS.every((keyword) => branch[keyword] === undefined);

/**
 * R10: a response schema as fast-json-stringify serialises it fastest, for
 * the same JSON. It writes an `anyOf` by validating the value against each
 * branch with ajv on every response (formats included): `T | null` and
 * unions of string literals, which TypeBox writes as `anyOf`, cost a
 * twentieth of a clerk's call. So `anyOf [T, null]` (T without a union of
 * its own) becomes T with `nullable`, and a union of string literals (an
 * enum) a string, nullable when null is one of them. Other unions stay.
 * Returns a copy: the route's schema, and the OpenAPI document made from
 * it, stay as written.
 */
export function plainUnions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(plainUnions);
  if (!isNode(schema)) return schema;
  const copy: Node = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = plainUnions(value);
  const branches = copy.anyOf;
  if (!Array.isArray(branches) || !branches.every(isNode)) return copy;
  const { anyOf: _union, ...siblings } = copy;
  const others = branches.filter((branch) => !isNull(branch));
  const nullable = others.length < branches.length;
  if (others.length === 1 && nullable && isPlain(others[0]!)) return { ...siblings, ...others[0], nullable: true };
  if (others.length > 0 && others.every(isStringLiteral)) return { ...siblings, type: 'string', ...(nullable ? { nullable: true } : {}) };
  return copy;
}

/** Every route's responses are serialised from their schema made plain (`plainUnions`). */
export default fp(
  async (app) => {
    app.setSerializerCompiler(({ schema }) => fastJson(plainUnions(schema) as Schema));
  },
  { name: 'serialization' },
);
