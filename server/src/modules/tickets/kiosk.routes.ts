import { kioskTicketRefusal } from '@hallflow/shared';
import { HallParamsSchema, KioskTicketBodySchema, TicketResponseSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../core/errors.ts';
import { allow } from '../../plugins/app/auth.ts';
import { assertServiceOpen } from '../door/hours.guard.ts';
import { errorResponses } from '../errors.schemas.ts';
import { callingSettings } from '../hall/hall-policy.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { issueHandedTicket, ticketPlan } from './issue.service.ts';

/** KS5: a self-service terminal issues a ticket where the hall allows it and the terminal stands inside the hall. */
const kioskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/halls/:hallId/kiosk/tickets',
    {
      schema: {
        operationId: 'takeTicketAtKiosk',
        tags: ['visitors'],
        summary: 'A visitor inside the hall takes a ticket at a self-service terminal (KS5): a queue, item or 一件事 bundle, never priority',
        params: HallParamsSchema,
        body: KioskTicketBodySchema,
        response: { 201: TicketResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.device(['kiosk']) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      const terminalInside = request.device?.inside ?? false;
      return app.command(request, reply, { hallId, status: 201 }, (ctx) => {
        const hall = getHallRow(ctx.tx, hallId);
        const refusal = kioskTicketRefusal(callingSettings(hall.settings).kioskTickets ?? false, terminalInside);
        if (refusal) throw new DomainError(409, refusal, refusal === 'KIOSK_OUTSIDE' ? 'This terminal is outside the hall' : 'This hall issues no tickets at terminals');
        assertServiceOpen(ctx, hallId, 'ticket', hall);
        const plan = ticketPlan(ctx.tx, hallId, request.body);
        return issueHandedTicket(ctx, hall, { ...plan, priority: false, partyId: null, partySize: request.body.partySize ?? 1 });
      });
    },
  );
};

export default kioskRoutes;
