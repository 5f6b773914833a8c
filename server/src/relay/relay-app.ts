import httpProxy from '@fastify/http-proxy';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { trustedProxies, type Env } from '../config/env.ts';
import type { Clock } from '../core/clock.ts';
import errorHandler from '../plugins/app/error-handler.ts';
import redis from '../plugins/external/redis.ts';
import securityHeaders from '../plugins/external/security-headers.ts';
import staticApps from '../plugins/external/static-apps.ts';
import { PrimaryClient } from './primary-client.ts';
import relayRealtime from './relay-realtime.ts';

export interface RelayAppOptions {
  env: Env;
  clock: Clock;
}

/** The address chain the primary should believe: what reached this relay, plus the address it came from. */
function forwardedFor(request: FastifyRequest): string {
  const earlier = request.headers['x-forwarded-for'];
  const chain = Array.isArray(earlier) ? earlier.join(', ') : earlier;
  return chain ? `${chain}, ${request.socket.remoteAddress ?? ''}` : (request.socket.remoteAddress ?? '');
}

/**
 * MN1, MN5: a relay node. It serves the apps, holds screens', phones' and
 * staff apps' live connections, and forwards every API call to the primary
 * with the caller's address. It never opens the store.
 */
const relayApp: FastifyPluginAsync<RelayAppOptions> = async (fastify, { env, clock }) => {
  const primaryUrl = env.PRIMARY_URL!;
  const primary = new PrimaryClient(primaryUrl, env.RELAY_SECRET!);
  await fastify.register(errorHandler);
  await fastify.register(securityHeaders);
  await fastify.register(redis, { url: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  await fastify.register(relayRealtime, { primary, clock, visitors: { perMinute: env.VISITOR_REALTIME_RATE_LIMIT, trustProxy: trustedProxies(env) } });
  await fastify.register(httpProxy, {
    upstream: primaryUrl,
    prefix: '/api',
    rewritePrefix: '/api',
    replyOptions: {
      rewriteRequestHeaders: (request, headers) => ({ ...headers, 'x-forwarded-for': forwardedFor(request as FastifyRequest) }),
      onError: (reply, { error }) => {
        fastify.log.warn({ err: error }, 'relay: the primary did not answer');
        void reply.code(503).send({ statusCode: 503, code: 'PRIMARY_UNAVAILABLE', error: 'Service Unavailable', message: 'The hall server cannot be reached right now; try again shortly' });
      },
    },
  });
  await fastify.register(staticApps, { appsDir: env.APPS_DIR });
  // The relay's own state (the API's /api/health is the primary's).
  fastify.get('/relay/health', { schema: { hide: true } }, async () => ({ status: 'ok', role: 'relay', primary: primaryUrl, halls: fastify.relayHub.mirrored() }));
};

export default relayApp;
