import { FinishedTicketsPageSchema, FinishedTicketsQuerySchema, HallParamsSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { allow } from '../../plugins/app/auth.ts';
import { finishedTickets } from './ticket-history.repository.ts';

/** R9: the history the staff snapshot leaves out, read a page at a time. */
const ticketHistoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/halls/:hallId/tickets/finished',
    {
      schema: {
        operationId: 'listFinishedTickets',
        tags: ['tickets'],
        summary: "Today's finished tickets, latest first, a page at a time (optionally one window's)",
        params: HallParamsSchema,
        querystring: FinishedTicketsQuerySchema,
        response: { 200: FinishedTicketsPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['clerk', 'supervisor', 'admin']) },
    },
    async (request) => finishedTickets(app.store.db, request.params.hallId, app.clock.now(), request.query),
  );
};

export default ticketHistoryRoutes;
