import { HallParamsSchema, ServiceCatalogueSchema, TicketItemsSchema, TicketParamsSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketRow } from '../tickets/ticket.repository.ts';
import { catalogueOf, ticketItemsView } from './catalogue.repository.ts';
import { allow } from '../../plugins/app/auth.ts';

const catalogueRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  app.get(
    '/api/halls/:hallId/services',
    {
      schema: {
        operationId: 'getServiceCatalogue',
        tags: ['halls'],
        summary: 'Service items (事项) with materials and typical time, and 一件事 bundles (public)',
        params: HallParamsSchema,
        response: { 200: ServiceCatalogueSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      getHallRow(app.store.db, request.params.hallId);
      return catalogueOf(app.store.db, request.params.hallId);
    },
  );

  app.get(
    '/api/halls/:hallId/tickets/:ticketId/items',
    {
      schema: {
        operationId: 'getTicketItems',
        tags: ['tickets'],
        summary: "A ticket's items with their progress and the merged materials checklist",
        params: TicketParamsSchema,
        response: { 200: TicketItemsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['clerk', 'supervisor', 'admin', 'door']) },
    },
    async (request) => {
      ticketRow(app.store.db, request.params.hallId, request.params.ticketId);
      return ticketItemsView(app.store.db, request.params.ticketId);
    },
  );
};

export default catalogueRoutes;
