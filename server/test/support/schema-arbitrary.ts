/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: a
 * value that fits a schema, and hostile variations of it (IN6).
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
}

/** A number that JSON cannot spell but a request can carry: written into the body as is (1e400 parses to Infinity). */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** JSON text, with RawNumber written verbatim. */
export function toJson(value: unknown): string {
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${JSON.stringify(key)}:${toJson(inner)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const calendarDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return calendarDate;
  if (schema.format === 'date-time') return instant;
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 24, Math.max(minLength, 24));
  if (schema.pattern) {
    // stringMatching ignores lengths; keep the ones that fit.
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength });
}

/** A value that fits `schema` (as far as a generator can tell). */
export function validValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, depth + 1)));
  if (schema.allOf) return validValue(Object.assign({}, ...schema.allOf), depth + 1);
  const base = baseValue(schema, depth);
  return schema.nullable ? fc.oneof(fc.constant(null), base) : base;
}

function baseValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? -1000), max: Math.floor(schema.maximum ?? 1000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4 || !schema.items) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(schema.items, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = schema.required ?? [];
      const record = fc.record(Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, validValue(inner, depth + 1)])), { requiredKeys: required });
      if (typeof schema.additionalProperties === 'object') {
        const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), validValue(schema.additionalProperties, depth + 1), { maxKeys: 3 });
        return fc.tuple(record, extra).map(([fixed, more]) => ({ ...more, ...fixed }));
      }
      return record;
    }
    default:
      return fc.constant(null);
  }
}

/** What an attacker or a careless client sends instead of a proper value. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('Infinity', '-Infinity', '1e400', 'NaN', '12', '-1', '0x10', 'true', 'null', '', ' '),
  fc.constantFrom(new RawNumber('1e400'), new RawNumber('-1e400'), new RawNumber('1e-400'), -0, 2 ** 53 + 2, -(2 ** 60), 1e300, 0.1 + 0.2),
  fc.constantFrom('2025-06-31', '2025-13-45', '0000-00-00', '2025-02-29', '9999-12-31', '2025-1-1', '2025-06-31T25:61:00Z'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '../../etc/passwd', "'; drop table tickets; --", '<script>alert(1)</script>'),
  fc.constantFrom('x'.repeat(70_000), '字'.repeat(5_000), '\u0000\u0001\u001f', '\ud800', '🐉🀄️\u202e', '\r\n\t'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(null, true, false, 0, [], {}, [[[]]], { __proto__: { polluted: true } }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'a'), fc.constantFrom(1, 'x', null), { maxKeys: 2 }),
);

/** Replace one value somewhere inside `value` with `leaf` (or the whole of it, at the top). */
function replaceSomewhere(value: unknown, leaf: unknown, path: readonly number[]): unknown {
  if (path.length === 0) return leaf;
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value) && value.length > 0) {
    const index = step % value.length;
    return value.map((item, i) => (i === index ? replaceSomewhere(item, leaf, rest) : item));
  }
  if (value !== null && typeof value === 'object' && !(value instanceof RawNumber)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return leaf;
    const key = keys[step % keys.length]!;
    return { ...value, [key]: replaceSomewhere((value as Record<string, unknown>)[key], leaf, rest) };
  }
  return leaf;
}

function withoutOneKey(value: unknown, pick: number): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const drop = keys[pick % keys.length]!;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== drop));
}

/**
 * IN6: a payload for `schema`: sometimes proper, mostly hostile — a wrong
 * leaf somewhere, a missing field, an extra or prototype-named field, or
 * something else entirely.
 */
export function payloadFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const valid = schema ? validValue(schema) : fc.constant(undefined);
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, hostileLeaf, fc.array(fc.nat(), { maxLength: 4 })).map(([v, leaf, path]) => replaceSomewhere(v, leaf, path)) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.nat()).map(([v, pick]) => withoutOneKey(v, pick)) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom('__proto__', 'constructor', 'extra', 'prototype'), hostileLeaf).map(([v, key, leaf]) =>
        v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.parse(`{${JSON.stringify(key)}:${toJson(leaf)}${Object.keys(v).length ? ',' : ''}${toJson(v).slice(1)}`) : v,
      ),
    },
    { weight: 1, arbitrary: hostileLeaf },
  );
}
