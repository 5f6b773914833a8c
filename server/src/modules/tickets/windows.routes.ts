import { CallResponseSchema, CallTicketBodySchema, WindowParamsSchema, WindowResponseSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { callNext, callTicket } from './calling.service.ts';
import { openWindow, pauseWindow, resumeWindow } from './window.service.ts';
import { allow } from '../../plugins/app/auth.ts';

const CLERK_ROLES = ['clerk', 'supervisor', 'admin'] as const;

const windowRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
      config: { access: allow.staff(CLERK_ROLES) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      const clerk = { id: request.staff!.id, name: request.staff!.displayName };
      return app.command(request, reply, { hallId }, (ctx) => ({ window: openWindow(ctx, hallId, windowId, clerk) }));
    },
  );

  for (const [verb, operationId, summary, run] of [
    ['pause', 'pauseWindow', 'A break: the window stops calling and screens show it paused (W2)', pauseWindow],
    ['resume', 'resumeWindow', 'Back from the break (W2)', resumeWindow],
  ] as const) {
    app.post(
      `/api/halls/:hallId/windows/:windowId/${verb}`,
      {
        schema: {
          operationId,
          tags: ['windows'],
          summary,
          params: WindowParamsSchema,
          response: { 200: WindowResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
        config: { access: allow.staff(CLERK_ROLES) },
      },
      async (request, reply) => {
        const { hallId, windowId } = request.params;
        return app.command(request, reply, { hallId }, (ctx) => ({ window: run(ctx, hallId, windowId) }));
      },
    );
  }

  app.post(
    '/api/halls/:hallId/windows/:windowId/call-next',
    {
      schema: {
        operationId: 'callNext',
        tags: ['windows'],
        summary: 'Call the next ticket for this window by the calling policy (Q1–Q6)',
        params: WindowParamsSchema,
        response: { 200: CallResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CLERK_ROLES) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => callNext(ctx, hallId, windowId));
    },
  );

  app.post(
    '/api/halls/:hallId/windows/:windowId/call',
    {
      schema: {
        operationId: 'callTicket',
        tags: ['windows'],
        summary: 'Call one particular waiting ticket (Q7)',
        params: WindowParamsSchema,
        body: CallTicketBodySchema,
        response: { 200: CallResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CLERK_ROLES) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => callTicket(ctx, hallId, windowId, request.body.ticketId));
    },
  );
};

export default windowRoutes;
