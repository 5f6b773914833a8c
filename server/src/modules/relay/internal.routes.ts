import { CityOverviewSchema } from '@hallflow/shared';
import { HallEventsQuerySchema, HallEventsSchema, HallMirrorSchema, HallParamsSchema, RealtimeIdentityBodySchema, RealtimeIdentitySchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../../core/errors.ts';
import { allow } from '../../plugins/app/auth.ts';
import { realtimeIdentity } from '../auth/realtime-identity.ts';
import { cityOverview } from '../city/city.repository.ts';
import { errorResponses } from '../errors.schemas.ts';

/**
 * MN1: what a relay asks its primary. Only a caller presenting the
 * deployment's relay secret is a relay; without RELAY_SECRET nobody is, and
 * every one of these answers 401.
 */
const internalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/internal/realtime-identity',
    {
      schema: {
        operationId: 'resolveRealtimeIdentity',
        tags: ['internal'],
        summary: 'Relays only: who a realtime credential (staff session, screen token, ticket link) belongs to, or null',
        body: RealtimeIdentityBodySchema,
        response: { 200: RealtimeIdentitySchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: allow.relay() },
    },
    async (request) => ({ identity: realtimeIdentity(app.store.db, request.body.credential, request.body.token, app.clock.now()) }),
  );

  app.get(
    '/api/internal/halls/:hallId/mirror',
    {
      schema: {
        operationId: 'getHallMirror',
        tags: ['internal'],
        summary: "Relays only: a hall's staff and public state at one seq, which the relay then keeps in step from the hall's stream",
        params: HallParamsSchema,
        response: { 200: HallMirrorSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.relay() },
    },
    async (request) => {
      const { hallId } = request.params;
      const model = app.hallReadModel;
      const seq = model.head(hallId);
      if (seq === null) throw notFound('Hall', hallId);
      const now = app.clock.now();
      // Both built in this one synchronous step: no command can commit in between, so they are of the same seq.
      return { seq, staff: model.staffSnapshot(hallId, seq, now), public: model.publicSnapshot(hallId, seq, now) };
    },
  );

  app.get(
    '/api/internal/halls/:hallId/events',
    {
      schema: {
        operationId: 'listHallEvents',
        tags: ['internal'],
        summary: "Relays only: a hall's logged events after a seq, oldest first (to fill a gap in its stream)",
        params: HallParamsSchema,
        querystring: HallEventsQuerySchema,
        response: { 200: HallEventsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.relay() },
    },
    async (request) => {
      const { hallId } = request.params;
      if (app.hallReadModel.head(hallId) === null) throw notFound('Hall', hallId);
      return { events: app.hallReadModel.eventsSince(hallId, request.query.after, request.query.limit ?? 500) };
    },
  );

  app.get(
    '/api/internal/city-overview',
    {
      schema: {
        operationId: 'getRelayCityOverview',
        tags: ['internal'],
        summary: "Relays only: the city overview, for a relay's city-wide staff joining the city room",
        response: { 200: CityOverviewSchema, ...errorResponses(401, 403) },
      },
      config: { access: allow.relay() },
    },
    async () => cityOverview(app.store.db, app.clock.now()),
  );
};

export default internalRoutes;
