import { CategoryViewSchema, HallSnapshotSchema } from '@hallflow/shared';
import { HallParamsSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow, hallSnapshot, listHalls } from './hall.repository.ts';

const HallSummarySchema = Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String() });

const hallRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  app.get(
    '/api/halls',
    {
      schema: {
        operationId: 'listHalls',
        tags: ['halls'],
        summary: 'The halls of the city (public)',
        response: { 200: Type.Array(HallSummarySchema), ...errorResponses(429) },
      },
      config: { rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async () => listHalls(app.store.db),
  );

  app.get(
    '/api/halls/:hallId/catalogue',
    {
      schema: {
        operationId: 'getCatalogue',
        tags: ['halls'],
        summary: "The hall's services (categories with their ticket letter), for booking (public)",
        params: HallParamsSchema,
        response: { 200: Type.Object({ hall: HallSummarySchema, categories: Type.Array(CategoryViewSchema) }), ...errorResponses(400, 404, 429) },
      },
      config: { rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      const hall = getHallRow(app.store.db, request.params.hallId);
      const { categories } = hallSnapshot(app.store.db, hall.id, app.clock.now());
      return { hall: { id: hall.id, name: hall.name, nameEn: hall.nameEn }, categories };
    },
  );

  app.get(
    '/api/halls/:hallId/snapshot',
    {
      schema: {
        operationId: 'getHallSnapshot',
        tags: ['halls'],
        summary: "The hall's current state and the seq it is as of",
        params: HallParamsSchema,
        response: { 200: HallSnapshotSchema, ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireHallReader(),
    },
    async (request) => {
      getHallRow(app.store.db, request.params.hallId);
      return hallSnapshot(app.store.db, request.params.hallId, app.clock.now());
    },
  );
};

export default hallRoutes;
