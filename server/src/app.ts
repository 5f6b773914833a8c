import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { trustedProxies, type Env } from './config/env.ts';
import type { Clock } from './core/clock.ts';
import { DEMO_HALL_ID, seedDemoHall } from './db/seed.ts';
import { createDemoAccess, ensureFirstAdmin, type DemoAccess } from './modules/auth/bootstrap.ts';
import appointmentsRoutes from './modules/appointments/appointments.routes.ts';
import authRoutes from './modules/auth/auth.routes.ts';
import catalogueRoutes from './modules/catalogue/catalogue.routes.ts';
import crowdRoutes from './modules/crowd/crowd.routes.ts';
import doorRoutes from './modules/door/door.routes.ts';
import hoursRoutes from './modules/door/hours.routes.ts';
import hallAdminRoutes from './modules/hall/hall-admin.routes.ts';
import policiesRoutes from './modules/hall/policies.routes.ts';
import accountsRoutes from './modules/auth/accounts.routes.ts';
import hallRoutes from './modules/hall/hall.routes.ts';
import healthRoutes from './modules/health/health.routes.ts';
import screensRoutes from './modules/screens/screens.routes.ts';
import ticketRoutes from './modules/tickets/tickets.routes.ts';
import kioskRoutes from './modules/tickets/kiosk.routes.ts';
import windowRoutes from './modules/tickets/windows.routes.ts';
import ticketHistoryRoutes from './modules/tickets/ticket-history.routes.ts';
import ratingsRoutes from './modules/tickets/ratings.routes.ts';
import trustRoutes from './modules/trust/trust.routes.ts';
import followUpRoutes from './modules/follow-ups/follow-ups.routes.ts';
import reportsRoutes from './modules/reports/reports.routes.ts';
import cityRoutes from './modules/city/city.routes.ts';
import internalRoutes from './modules/relay/internal.routes.ts';
import authPlugin from './plugins/app/auth.ts';
import commands from './plugins/app/commands.ts';
import errorHandler from './plugins/app/error-handler.ts';
import validation from './plugins/app/validation.ts';
import serialization from './plugins/app/serialization.ts';
import jobs from './plugins/app/jobs.ts';
import levelsRoutes from './modules/levels/levels.routes.ts';
import realtime from './plugins/app/realtime.ts';
import database from './plugins/external/database.ts';
import rateLimit from './plugins/external/rate-limit.ts';
import redis from './plugins/external/redis.ts';
import securityHeaders from './plugins/external/security-headers.ts';
import staticApps from './plugins/external/static-apps.ts';
import swagger from './plugins/external/swagger.ts';

/**
 * Fastify constructor options both the entry point and tests use. Unknown
 * body fields are refused (not silently dropped), so a typo in a field name is
 * a 400 that names it rather than a setting that quietly does nothing.
 */
export const httpOptions = {
  bodyLimit: 64 * 1024,
  // A busy machine (a restart during a peak, CI on two cores) can take longer than Fastify's 10 s to load the plugins; a start is not a failure for that.
  pluginTimeout: 60_000,
  ajv: { customOptions: { removeAdditional: false, allErrors: false } },
} satisfies FastifyServerOptions;

export interface FirstStart {
  admin: { username: string; password: string } | null;
  /** A23: the demo hall's accounts and screens, when this start created it. */
  demo: DemoAccess | null;
}

export interface AppOptions {
  env: Env;
  clock: Clock;
  /** Receives what this start created and can show only once: the first admin's password, the demo accounts' passwords and screens' links. */
  onFirstStart?: (created: FirstStart) => void;
}

/**
 * The whole HallFlow server as one Fastify plugin. `server.ts` runs it for
 * real; tests register the same plugin on a fresh instance.
 */
const app: FastifyPluginAsyncTypebox<AppOptions> = async (fastify, options) => {
  const { env, clock } = options;

  // Every API route must be documented and addressable: refuse to start otherwise.
  fastify.addHook('onRoute', (route) => {
    const schema = route.schema as { operationId?: string; hide?: boolean } | undefined;
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !schema?.hide && !schema?.operationId) {
      throw new Error(`Route ${route.method} ${route.url} has no operationId`);
    }
  });

  await fastify.register(errorHandler);
  await fastify.register(securityHeaders);
  await fastify.register(validation);
  await fastify.register(serialization);
  await fastify.register(database, { path: env.DATABASE_PATH, clock });
  await fastify.register(redis, env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.REDIS_PREFIX } : { prefix: env.REDIS_PREFIX });
  await fastify.register(rateLimit);
  await fastify.register(authPlugin, { relaySecret: env.RELAY_SECRET });
  await fastify.register(commands, { grouping: env.COMMAND_GROUPING });
  await fastify.register(swagger);
  await fastify.register(realtime, {
    role: env.ROLE === 'primary' ? 'primary' : 'single',
    streamLength: env.STREAM_LENGTH,
    visitors: { perMinute: env.VISITOR_REALTIME_RATE_LIMIT, trustProxy: trustedProxies(env) },
  });

  const { db } = fastify.store;
  const created: FirstStart = { admin: null, demo: null };
  if (env.SEED_DEMO && seedDemoHall(db, clock.now())) created.demo = createDemoAccess(db, DEMO_HALL_ID, clock.now());
  created.admin = ensureFirstAdmin(db, clock.now(), env.ADMIN_INITIAL_PASSWORD);
  if (created.admin || created.demo) options.onFirstStart?.(created);

  await fastify.register(healthRoutes);
  await fastify.register(authRoutes, { sessionHours: env.SESSION_HOURS, loginRateLimit: env.LOGIN_RATE_LIMIT });
  await fastify.register(hallRoutes, { publicRateLimit: env.PUBLIC_RATE_LIMIT });
  await fastify.register(hallAdminRoutes);
  await fastify.register(policiesRoutes);
  await fastify.register(accountsRoutes);
  await fastify.register(doorRoutes);
  await fastify.register(appointmentsRoutes, { publicRateLimit: env.PUBLIC_RATE_LIMIT });
  await fastify.register(hoursRoutes, { publicRateLimit: env.PUBLIC_RATE_LIMIT });
  await fastify.register(crowdRoutes, { publicRateLimit: env.PUBLIC_RATE_LIMIT });
  await fastify.register(ticketRoutes);
  await fastify.register(kioskRoutes);
  await fastify.register(windowRoutes);
  await fastify.register(ticketHistoryRoutes);
  await fastify.register(catalogueRoutes, { publicRateLimit: env.PUBLIC_RATE_LIMIT });
  await fastify.register(ratingsRoutes, { publicRateLimit: env.PUBLIC_RATE_LIMIT });
  await fastify.register(followUpRoutes);
  await fastify.register(reportsRoutes);
  await fastify.register(cityRoutes);
  await fastify.register(levelsRoutes, { publicRateLimit: env.PUBLIC_RATE_LIMIT });
  await fastify.register(screensRoutes, { publicRateLimit: env.PUBLIC_RATE_LIMIT });
  await fastify.register(trustRoutes);
  await fastify.register(internalRoutes);
  await fastify.register(staticApps, { appsDir: env.APPS_DIR });
  await fastify.register(jobs, { intervalMs: env.HOUSEKEEPING_INTERVAL_MS, auditDays: env.AUDIT_RETENTION_DAYS });
};

export default fp(app, { name: 'hallflow' });
