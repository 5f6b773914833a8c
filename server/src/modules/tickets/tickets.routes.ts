import {
  CallResponseSchema,
  HallParamsSchema,
  IssueTicketBodySchema,
  TicketParamsSchema,
  TicketResponseSchema,
  WindowParamsSchema,
  WindowResponseSchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { callNext, completeTicket, issueTicketTx, openWindow } from './tickets.service.ts';

const CLERK_ROLES = ['clerk', 'supervisor', 'admin'] as const;
const DESK_ROLES = ['door', 'clerk', 'supervisor', 'admin'] as const;

const ticketRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/halls/:hallId/tickets',
    {
      schema: {
        operationId: 'issueTicket',
        tags: ['tickets'],
        summary: 'Issue a ticket at the information desk',
        params: HallParamsSchema,
        body: IssueTicketBodySchema,
        response: { 201: TicketResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preHandler: app.requireStaff(DESK_ROLES),
    },
    async (request, reply) => {
      const { hallId } = request.params;
      const body = request.body;
      const ticket = app.commands.run(hallId, (ctx) =>
        issueTicketTx(ctx, hallId, {
          categoryId: body.categoryId,
          priority: body.priority ?? false,
          partyId: null,
          partySize: body.partySize ?? 1,
        }),
      );
      return reply.status(201).send({ ticket });
    },
  );

  app.post(
    '/api/halls/:hallId/windows/:windowId/open',
    {
      schema: {
        operationId: 'openWindow',
        tags: ['windows'],
        summary: 'The signed-in clerk takes this window and opens it',
        params: WindowParamsSchema,
        response: { 200: WindowResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireStaff(CLERK_ROLES),
    },
    async (request) => {
      const { hallId, windowId } = request.params;
      const clerk = { id: request.staff!.id, name: request.staff!.displayName };
      return { window: app.commands.run(hallId, (ctx) => openWindow(ctx, hallId, windowId, clerk)) };
    },
  );

  app.post(
    '/api/halls/:hallId/windows/:windowId/call-next',
    {
      schema: {
        operationId: 'callNext',
        tags: ['windows'],
        summary: 'Call the next ticket for this window by the calling policy',
        params: WindowParamsSchema,
        response: { 200: CallResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preHandler: app.requireStaff(CLERK_ROLES),
    },
    async (request) => {
      const { hallId, windowId } = request.params;
      return app.commands.run(hallId, (ctx) => callNext(ctx, hallId, windowId));
    },
  );

  app.post(
    '/api/halls/:hallId/tickets/:ticketId/complete',
    {
      schema: {
        operationId: 'completeTicket',
        tags: ['tickets'],
        summary: 'Finish serving a ticket; its window becomes free',
        params: TicketParamsSchema,
        response: { 200: CallResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preHandler: app.requireStaff(CLERK_ROLES),
    },
    async (request) => {
      const { hallId, ticketId } = request.params;
      return app.commands.run(hallId, (ctx) => completeTicket(ctx, hallId, ticketId));
    },
  );
};

export default ticketRoutes;
