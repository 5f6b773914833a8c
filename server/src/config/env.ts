import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Every setting HallFlow reads from the environment, with its default. Checked at start. */
export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  /** SQLite file of record; `:memory:` for tests. */
  DATABASE_PATH: Type.String({ minLength: 1, default: './data/hallflow.db' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  /** Set to run several nodes behind one address: Socket.IO broadcasts through Redis. */
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  /** Key prefix for the Redis adapter's channels, so several deployments (or tests) can share one Redis. */
  REDIS_PREFIX: Type.String({ default: 'hallflow' }),
  /**
   * MN1: `single` (the default): one node with the SQLite store (several may share one file, broadcasting through
   * Redis). `primary`: the one node with the store; `relay`: holds screens' and phones' connections, never opens
   * the store, and forwards every command to the primary.
   */
  ROLE: Type.Union([Type.Literal('single'), Type.Literal('primary'), Type.Literal('relay')], { default: 'single' }),
  /** A relay's primary, e.g. http://10.0.0.1:3000. */
  PRIMARY_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Shared by the primary and its relays: relays present it on the primary's internal routes. */
  RELAY_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  /**
   * Addresses (or CIDR ranges, comma-separated) of proxies whose X-Forwarded-For is believed: on a primary, its
   * relays; so rate limits and sign-in back-off count the visitor's address, not the relay's. A relay behind a
   * load balancer lists the balancer (its visitors' live connections, AC7), and so does the primary then: the
   * relay forwards the whole chain, balancer included.
   */
  TRUST_PROXY: Type.Optional(Type.String({ minLength: 1 })),
  /** MN2: events kept per hall in its Redis stream; a relay further behind fetches the rest from the primary. */
  STREAM_LENGTH: Type.Integer({ minimum: 100, default: 10_000 }),
  /** Create a demo hall with a realistic catalogue on first start. */
  SEED_DEMO: Type.Boolean({ default: true }),
  /** Password for the first admin; when absent a random one is generated and printed once. */
  ADMIN_INITIAL_PASSWORD: Type.Optional(Type.String({ minLength: 8 })),
  /** Start the server's clock at this instant (it then runs at normal speed). For demos and tests. */
  CLOCK_START: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}', description: 'ISO-8601 instant' })),
  /** How many times faster than real time the clock runs after CLOCK_START (demos, `pnpm sim`); refused in production. */
  CLOCK_SPEED: Type.Number({ minimum: 1, maximum: 3600, default: 1 }),
  /** `production` refuses settings meant for demos and tests (a fast clock). */
  NODE_ENV: Type.String({ default: 'development' }),
  /** R7: commands arriving together share one commit. Off only to measure what it gains (`pnpm bench`). */
  COMMAND_GROUPING: Type.Boolean({ default: true }),
  /** Staff sessions last this long. */
  SESSION_HOURS: Type.Number({ minimum: 0.1, maximum: 168, default: 12 }),
  /** Requests per minute per address on public (visitor) routes. */
  PUBLIC_RATE_LIMIT: Type.Integer({ minimum: 1, default: 60 }),
  /**
   * AC7: realtime connections and hall joins per minute per address from pages with no credential (the booking
   * page, LV13). Opening such a page costs two (a connection and a join), so 600 lets some 300 phones behind one
   * address open it in the same minute; a script opening sockets in a loop is refused.
   */
  VISITOR_REALTIME_RATE_LIMIT: Type.Integer({ minimum: 1, default: 600 }),
  /** Sign-in attempts per minute per address (failed ones also back off per account and per address). */
  LOGIN_RATE_LIMIT: Type.Integer({ minimum: 1, default: 10 }),
  /** Days the audit log of staff actions is kept (at least 180, the legal minimum for such logs). */
  AUDIT_RETENTION_DAYS: Type.Integer({ minimum: 180, maximum: 3650, default: 180 }),
  /** How often count-out and retention purges run; 0 turns them off. */
  HOUSEKEEPING_INTERVAL_MS: Type.Integer({ minimum: 0, default: 60_000 }),
  /** Folder holding the built apps (display, clerk-console, checkin). */
  APPS_DIR: Type.String({ default: '..' }),
  /**
   * PEM certificate and key: when both are set the server speaks HTTPS. Door
   * tablets need it to use their camera (browsers allow cameras only on secure pages).
   */
  TLS_CERT_FILE: Type.Optional(Type.String({ minLength: 1 })),
  TLS_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
});
export type Env = Static<typeof EnvSchema>;

export class EnvError extends Error {}

/** TRUST_PROXY as Fastify and the realtime server take it: the list of trusted proxies, or false for none. */
export function trustedProxies(env: Pick<Env, 'TRUST_PROXY'>): string[] | false {
  return env.TRUST_PROXY ? env.TRUST_PROXY.split(',').map((address) => address.trim()) : false;
}

/** Reads, converts and checks the environment; throws naming every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const known = Object.keys(EnvSchema.properties);
  const picked: Record<string, unknown> = {};
  for (const key of known) if (source[key] !== undefined && source[key] !== '') picked[key] = source[key];
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, picked));
  const errors = [...Value.Errors(EnvSchema, converted)];
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.path.slice(1) || '(root)'}: ${e.message}`).join('; ');
    throw new EnvError(`Invalid environment: ${detail}`);
  }
  const env = converted as Env;
  if (env.CLOCK_SPEED !== 1 && env.NODE_ENV === 'production') {
    throw new EnvError('Invalid environment: CLOCK_SPEED: a fast clock is for demos and simulation; it is refused when NODE_ENV=production');
  }
  if (env.CLOCK_SPEED !== 1 && !env.CLOCK_START) throw new EnvError('Invalid environment: CLOCK_SPEED needs CLOCK_START (the instant the fast clock starts from)');
  if ((env.TLS_CERT_FILE === undefined) !== (env.TLS_KEY_FILE === undefined)) {
    throw new EnvError(`Invalid environment: ${env.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'}: set both TLS_CERT_FILE and TLS_KEY_FILE, or neither`);
  }
  if (env.ROLE !== 'single') {
    const missing = ['REDIS_URL', 'RELAY_SECRET', ...(env.ROLE === 'relay' ? ['PRIMARY_URL'] : [])].filter((key) => env[key as keyof Env] === undefined);
    if (missing.length > 0) throw new EnvError(`Invalid environment: ${missing.join(', ')}: ROLE=${env.ROLE} needs ${missing.length > 1 ? 'them' : 'it'}`);
  }
  return env;
}
