import {
  HallParamsSchema,
  ScreenVisitorBodySchema,
  ScreenVisitorResponseSchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { screenVisitor } from './door.service.ts';

const DOOR_ROLES = ['door', 'supervisor', 'admin'] as const;

const doorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/halls/:hallId/screenings',
    {
      schema: {
        operationId: 'screenVisitor',
        tags: ['door'],
        summary: 'Record the health screening of a party; admitted parties go to the holding area',
        params: HallParamsSchema,
        body: ScreenVisitorBodySchema,
        response: { 200: ScreenVisitorResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preHandler: app.requireStaff(DOOR_ROLES),
    },
    async (request) => {
      const { hallId } = request.params;
      return app.commands.run(hallId, (ctx) => screenVisitor(ctx, hallId, request.body, request.staff!.id));
    },
  );
};

export default doorRoutes;
