import { AdmitBatchResponseSchema, HallParamsSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { admitBatch } from './batch.service.ts';

const DOOR_ROLES = ['door', 'supervisor', 'admin'] as const;

const crowdRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/halls/:hallId/batches',
    {
      schema: {
        operationId: 'admitBatch',
        tags: ['door'],
        summary: 'Admit the next batch from the holding area, within free capacity; each party gets a ticket',
        params: HallParamsSchema,
        response: { 200: AdmitBatchResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preHandler: app.requireStaff(DOOR_ROLES),
    },
    async (request) => {
      const { hallId } = request.params;
      return app.commands.run(hallId, (ctx) => admitBatch(ctx, hallId, request.staff!.id));
    },
  );
};

export default crowdRoutes;
