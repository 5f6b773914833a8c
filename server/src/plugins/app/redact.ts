/**
 * Fields that never go into the audit log or a log line: secrets, identity
 * numbers, contact details, visitors' names and health readings (they have
 * their own, shorter retention: P2, RT1). Matched by key, at any depth; a
 * command whose body names a visitor as plain `name` (the door) describes
 * itself to the audit log instead (ctx.audit).
 */
const PERSONAL_KEYS = new Set([
  'password',
  'token',
  'phonetoken',
  'idnumber',
  'idtype',
  'mobile',
  'mobilelast4',
  'leadname',
  'visitorname',
  'people',
  'readings',
  'temperature',
  'temperaturerecheck',
  'healthcode',
  'symptoms',
  'contact',
]);

export const REDACTED = '[redacted]';

/** A copy of `value` with personal fields replaced by "[redacted]"; safe to keep in the audit log. */
export function redactPersonal(value: unknown, depth = 0): unknown {
  if (depth > 8) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactPersonal(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = PERSONAL_KEYS.has(key.toLowerCase()) ? REDACTED : redactPersonal(inner, depth + 1);
  }
  return copy;
}
