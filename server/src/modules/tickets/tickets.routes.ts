import {
  HallParamsSchema,
  IssueTicketBodySchema,
  TicketParamsSchema,
  TicketResponseSchema,
  TransferBodySchema,
  TicketMoveResponseSchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CommandContext } from '../../core/command-runner.ts';
import { errorResponses } from '../errors.schemas.ts';
import { recallTicket } from './calling.service.ts';
import { assertServiceOpen } from '../door/hours.guard.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { issueHandedTicket, ticketPlan } from './issue.service.ts';
import { deskPriority } from './desk-priority.ts';
import { completeTicket, holdTicket, markNoShow, requeueTicket, resumeTicket, startService, transferTicket } from './ticket-flow.service.ts';
import { allow } from '../../plugins/app/auth.ts';

const CLERK_ROLES = ['clerk', 'supervisor', 'admin'] as const;
const DESK_ROLES = ['door', 'clerk', 'supervisor', 'admin'] as const;

type TicketCommand = (ctx: CommandContext, hallId: string, ticketId: string) => unknown;

/** Ticket commands without a body share one shape: POST /tickets/:ticketId/<verb>. */
const TICKET_COMMANDS: { verb: string; operationId: string; summary: string; run: TicketCommand; roles: readonly ('clerk' | 'supervisor' | 'admin' | 'door')[] }[] = [
  { verb: 'recall', operationId: 'recallTicket', summary: 'Announce a called ticket again (T4)', run: recallTicket, roles: CLERK_ROLES },
  { verb: 'start', operationId: 'startService', summary: 'The visitor is at the window: service starts (T1)', run: startService, roles: CLERK_ROLES },
  { verb: 'complete', operationId: 'completeTicket', summary: 'Finish serving a ticket; its window becomes free (T1)', run: completeTicket, roles: CLERK_ROLES },
  { verb: 'no-show', operationId: 'markNoShow', summary: 'The visitor did not come; the window becomes free (T5)', run: markNoShow, roles: CLERK_ROLES },
  { verb: 'requeue', operationId: 'requeueTicket', summary: 'A returning absent visitor goes back to the original place (T5)', run: requeueTicket, roles: DESK_ROLES },
  { verb: 'hold', operationId: 'holdTicket', summary: 'Put the case aside; the window may call others (T7)', run: holdTicket, roles: CLERK_ROLES },
  { verb: 'resume', operationId: 'resumeTicket', summary: 'Take a held case up again at its window (T7)', run: resumeTicket, roles: CLERK_ROLES },
];

const ticketRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/halls/:hallId/tickets',
    {
      schema: {
        operationId: 'issueTicket',
        tags: ['tickets'],
        summary: 'Issue a ticket at the information desk (导办台): a queue, item or 一件事 bundle, priority with its reason (DK1–DK4)',
        params: HallParamsSchema,
        body: IssueTicketBodySchema,
        response: { 201: TicketResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(DESK_ROLES) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      const body = request.body;
      return app.command(request, reply, { hallId, status: 201 }, (ctx) => {
        const hall = getHallRow(ctx.tx, hallId);
        assertServiceOpen(ctx, hallId, 'ticket', hall);
        const plan = ticketPlan(ctx.tx, hallId, body);
        const priority = deskPriority(hall, body);
        return issueHandedTicket(ctx, hall, { ...plan, ...priority, partyId: null, partySize: body.partySize ?? 1 });
      });
    },
  );

  for (const command of TICKET_COMMANDS) {
    app.post(
      `/api/halls/:hallId/tickets/:ticketId/${command.verb}`,
      {
        schema: {
          operationId: command.operationId,
          tags: ['tickets'],
          summary: command.summary,
          params: TicketParamsSchema,
          response: { 200: TicketMoveResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
        config: { access: allow.staff(command.roles) },
      },
      async (request, reply) => {
        const { hallId, ticketId } = request.params;
        return app.command(request, reply, { hallId }, (ctx) => command.run(ctx, hallId, ticketId));
      },
    );
  }

  app.post(
    '/api/halls/:hallId/tickets/:ticketId/transfer',
    {
      schema: {
        operationId: 'transferTicket',
        tags: ['tickets'],
        summary: 'Transfer to another category or to one window, keeping the original queue time (T6)',
        params: TicketParamsSchema,
        body: TransferBodySchema,
        response: { 200: TicketMoveResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CLERK_ROLES) },
    },
    async (request, reply) => {
      const { hallId, ticketId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => transferTicket(ctx, hallId, ticketId, request.body));
    },
  );
};

export default ticketRoutes;
