/**
 * LV1: a settings form edits a draft of a policy the server may change while the
 * form is open (a level switch, a scheduled one, another supervisor's save). The
 * draft follows the server field by field, as a three-way merge against the value
 * the form last knew (its base): a field the user has not touched takes the
 * server's new value, a field the user changed keeps what they typed. So a field
 * being edited never jumps, and a save never puts back a value the user did not
 * touch that changed meanwhile.
 */

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality of plain data (numbers, strings, booleans, null, arrays, plain objects). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (isFields(a) && isFields(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => same(a[key], b[key]));
  }
  return false;
}

/**
 * Moves `draft` from `base` to `next` where the user has not touched it, in place
 * (only the fields that change are written, so an input being typed in keeps its
 * text). Plain objects are followed field by field, arrays and scalars as wholes.
 * Returns the paths of fields the user changed that the server also changed, to
 * something else: the user's value stays, and the form may say so.
 */
export function followServer(draft: Fields, base: Fields, next: Fields, path = ''): string[] {
  const clashes: string[] = [];
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    const [mine, was, now] = [draft[key], base[key], next[key]];
    if (same(was, now)) continue;
    if (isFields(mine) && isFields(was) && isFields(now)) {
      clashes.push(...followServer(mine, was, now, `${path}${key}/`));
    } else if (same(mine, was)) {
      if (now === undefined) delete draft[key];
      else draft[key] = structuredClone(now);
    } else if (!same(mine, now)) {
      clashes.push(`${path}${key}`);
    }
  }
  return clashes;
}

/** The fields of `draft` that differ from `base` (the user's edits), top level only. */
export function touched<T extends Fields>(draft: T, base: T): Partial<T> {
  return Object.fromEntries(Object.entries(draft).filter(([key, value]) => !same(value, base[key]))) as Partial<T>;
}
