import {
  HallParamsSchema,
  PartyParamsSchema,
  RecheckPartyBodySchema,
  RecheckPartyResponseSchema,
  ScreenVisitorBodySchema,
  ScreenVisitorResponseSchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { screenVisitor } from './door.service.ts';
import { recheckParty } from './recheck.service.ts';
import { allow } from '../../plugins/app/auth.ts';

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
      config: { access: allow.staff(DOOR_ROLES) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => {
        const outcome = screenVisitor(ctx, hallId, request.body, request.staff!.id);
        // The audit log keeps the decision, not the visitor's name or readings (those follow P2's shorter retention).
        ctx.audit({ after: { partyId: outcome.party.id, admitted: outcome.admitted } });
        return outcome;
      });
    },
  );

  app.post(
    '/api/halls/:hallId/parties/:partyId/recheck',
    {
      schema: {
        operationId: 'recheckParty',
        tags: ['door'],
        summary: 'Re-check a party in the holding area for the checks the level added since it was screened (LV10): it holds on, or is turned away',
        params: PartyParamsSchema,
        body: RecheckPartyBodySchema,
        response: { 200: RecheckPartyResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(DOOR_ROLES) },
    },
    async (request, reply) => {
      const { hallId, partyId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => {
        const outcome = recheckParty(ctx, hallId, partyId, request.body, request.staff!.id);
        ctx.audit({ after: { partyId, passed: outcome.passed } });
        return outcome;
      });
    },
  );
};

export default doorRoutes;
