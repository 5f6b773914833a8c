import { FollowUpSettingsSchema, followUpFigures } from '@hallflow/shared';
import { FollowUpContactSchema, FollowUpListSchema, FollowUpParamsSchema, FollowUpQuerySchema, FollowUpViewSchema, HallParamsSchema, UpdateFollowUpBodySchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { followUpSettings, listFollowUps, revealContact, updateFollowUp, updateFollowUpPolicy } from './follow-ups.service.ts';
import { allow } from '../../plugins/app/auth.ts';

const HANDLERS = ['supervisor', 'admin'] as const;

/** 差评整改: the follow-up cases of low ratings (FU1–FU4). */
const followUpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/halls/:hallId/follow-ups',
    {
      schema: {
        operationId: 'listFollowUps',
        tags: ['ratings'],
        summary: '差评整改: the cases of low ratings (filter by status or overdue) and the figures: 回访率, 整改率, time to close',
        params: HallParamsSchema,
        querystring: FollowUpQuerySchema,
        response: { 200: FollowUpListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(HANDLERS) },
    },
    async (request) => {
      const { hallId } = request.params;
      getHallRow(app.store.db, hallId);
      const now = app.clock.now();
      const { cases, rows } = listFollowUps(app.store.db, hallId, request.query, now);
      return { cases, figures: followUpFigures(rows, now) };
    },
  );

  app.patch(
    '/api/halls/:hallId/follow-ups/:followUpId',
    {
      schema: {
        operationId: 'updateFollowUp',
        tags: ['ratings'],
        summary: 'Hand a case to a supervisor, or (its supervisor) record the 回访, the finding, the rectification, and close it',
        params: FollowUpParamsSchema,
        body: UpdateFollowUpBodySchema,
        response: { 200: FollowUpViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(HANDLERS) },
    },
    async (request, reply) => {
      const { hallId, followUpId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateFollowUp(ctx, hallId, followUpId, request.body, request.staff!.id));
    },
  );

  app.post(
    '/api/halls/:hallId/follow-ups/:followUpId/contact',
    {
      schema: {
        operationId: 'revealFollowUpContact',
        tags: ['ratings'],
        summary: "The visitor's contact details, for the supervisor handling the case only; each read is written to the audit log",
        params: FollowUpParamsSchema,
        response: { 200: FollowUpContactSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['supervisor']) },
    },
    async (request, reply) => {
      const { hallId, followUpId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => revealContact(ctx, hallId, followUpId, request.staff!.id));
    },
  );

  app.get(
    '/api/halls/:hallId/follow-up-policy',
    {
      schema: {
        operationId: 'getFollowUpPolicy',
        tags: ['ratings'],
        summary: 'The hall’s 回访 deadline (hours from a low rating)',
        params: HallParamsSchema,
        response: { 200: FollowUpSettingsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(HANDLERS) },
    },
    async (request) => followUpSettings(getHallRow(app.store.db, request.params.hallId).settings),
  );

  app.put(
    '/api/halls/:hallId/follow-up-policy',
    {
      schema: {
        operationId: 'updateFollowUpPolicy',
        tags: ['ratings'],
        summary: 'Set the hall’s 回访 deadline (hours from a low rating); new cases take it',
        params: HallParamsSchema,
        body: FollowUpSettingsSchema,
        response: { 200: FollowUpSettingsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(HANDLERS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateFollowUpPolicy(ctx, hallId, request.body));
    },
  );
};

export default followUpRoutes;
