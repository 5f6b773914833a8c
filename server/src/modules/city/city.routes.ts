import { CityOverviewSchema, RegionSchema } from '@hallflow/shared';
import { CreateRegionBodySchema, HallParamsSchema, UpdateHallBodySchema, UpdatedHallSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { cityOverview } from './city.repository.ts';
import { createRegion, updateHall } from './city.service.ts';
import { allow } from '../../plugins/app/auth.ts';

/** CO1–CO3: the city's halls at a glance, and the tree they sit in. */
const cityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/city/overview',
    {
      schema: {
        operationId: 'getCityOverview',
        tags: ['city'],
        summary: 'Every hall of the city now: occupancy against the limit, holding, waiting per queue, windows, alerts; and the region tree (live: join the city room)',
        response: { 200: CityOverviewSchema, ...errorResponses(401, 403) },
      },
      config: { access: allow.staff(['supervisor', 'admin'], 'any') },
    },
    async () => cityOverview(app.store.db, app.clock.now()),
  );

  app.post(
    '/api/regions',
    {
      schema: {
        operationId: 'createRegion',
        tags: ['city'],
        summary: 'Add a node to the city tree: 市, 区/县 under 市, 乡镇/街道 under 区/县, 村/社区 under 乡镇/街道',
        body: CreateRegionBodySchema,
        response: { 201: RegionSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: { access: allow.staff(['admin'], 'city') },
    },
    async (request, reply) => app.command(request, reply, { hallId: null, status: 201 }, (ctx) => createRegion(ctx, request.body)),
  );

  app.patch(
    '/api/halls/:hallId',
    {
      schema: {
        operationId: 'updateHall',
        tags: ['admin'],
        summary: 'Rename a hall, change its address, place it in the region tree, reorder or retire it (it stays in past reports)',
        params: HallParamsSchema,
        body: UpdateHallBodySchema,
        response: { 200: UpdatedHallSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['admin'], 'city') },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateHall(ctx, hallId, request.body));
    },
  );
};

export default cityRoutes;
