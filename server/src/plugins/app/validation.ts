import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fp from 'fastify-plugin';

// ajv-formats is CommonJS; under Node's ESM loader its function is the default export's default.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/**
 * IN1: what a request must be before any handler sees it.
 *
 * - A JSON body is taken as sent: no type is coerced (the string "12" is not
 *   the number 12, "true" is not true), so a client bug is a 400 naming the
 *   field, not a silently different value.
 * - The path and query are text by nature: numbers there are converted, and
 *   only well-formed ones pass.
 * - In every part, every number is finite and within ±2^53: "Infinity",
 *   "-Infinity", "1e400" and 1e400 are refused, wherever they appear.
 * - Formats are checked in full: a `date` is a real calendar date
 *   (2025-06-31 and 0000-00-00 are not), a `date-time` a real instant.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv, { mode: 'full' });
  return ajv;
}

/** The path to the first number in `value` that is not finite or not a safe size, or null. */
export function firstUnsafeNumber(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstUnsafeNumber(value[i], `${path}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = firstUnsafeNumber(inner, `${path}/${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

type Checker = ((data: unknown, context?: unknown) => boolean) & { errors?: ErrorObject[] | null; schemaEnv?: unknown };

function withFiniteNumbers(validate: ValidateFunction): Checker {
  const check: Checker = (data, context) => {
    if (!(validate as (data: unknown, context?: unknown) => boolean)(data, context)) {
      check.errors = validate.errors ?? null;
      return false;
    }
    const unsafe = firstUnsafeNumber(data);
    if (unsafe !== null) {
      check.errors = [{ instancePath: unsafe, schemaPath: '#', keyword: 'finite', params: {}, message: 'must be a finite number within ±9007199254740991' }];
      return false;
    }
    check.errors = null;
    return true;
  };
  // Fastify passes the parent when the schema may replace the whole value (coercion of a root value).
  check.schemaEnv = (validate as unknown as { schemaEnv?: unknown }).schemaEnv;
  return check;
}

export default fp(
  async (app) => {
    const strict = makeAjv(false);
    const coercing = makeAjv(true);
    app.setValidatorCompiler(({ schema, httpPart }) => {
      const ajv = httpPart === 'body' ? strict : coercing;
      return withFiniteNumbers(ajv.compile(schema));
    });
  },
  { name: 'validation' },
);
