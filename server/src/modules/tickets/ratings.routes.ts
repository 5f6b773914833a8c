import { CalendarDateSchema, RateServiceBodySchema, TicketViewSchema } from '@hallflow/shared';
import { DailyReportSchema, HallParamsSchema, WindowParamsSchema, WindowStatsSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { businessDay } from '../../core/business-day.ts';
import { DomainError } from '../../core/errors.ts';
import { tickets } from '../../db/schema/index.ts';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { rateService, ticketForPad } from './rating.service.ts';
import { dailyReport, windowStats } from './stats.repository.ts';
import { windowRow } from './ticket.repository.ts';
import { allow, perTicketLink } from '../../plugins/app/auth.ts';

const RatedSchema = Type.Object({ ticket: TicketViewSchema });
/** The pad rates what its own window finished: the window is in the address, not the body. */
const { windowId: _window, ...PAD_RATING_FIELDS } = RateServiceBodySchema.properties;

const ratingsRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  app.post(
    '/api/public/tickets/:token/rating',
    {
      schema: {
        operationId: 'rateService',
        tags: ['visitors'],
        summary: '好差评: the visitor rates a finished service from their phone (public, by ticket token)',
        params: Type.Object({ token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }),
        body: RateServiceBodySchema,
        response: { 200: RatedSchema, ...errorResponses(400, 404, 409, 429) },
      },
      config: { access: allow.ticketHolder(), rateLimit: perTicketLink(options.publicRateLimit) },
    },
    async (request, reply) => {
      const ticket = app.store.db.select().from(tickets).where(eq(tickets.publicToken, request.params.token)).get();
      if (!ticket) throw new DomainError(404, 'NOT_FOUND', 'No ticket with this link');
      return app.command(request, reply, { hallId: ticket.hallId }, (ctx) => rateService(ctx, ticket, request.body, 'phone'));
    },
  );

  app.post(
    '/api/halls/:hallId/windows/:windowId/rating',
    {
      schema: {
        operationId: 'rateAtWindow',
        tags: ['screens'],
        summary: "好差评 from the window's rating pad (device token), for a ticket that window just finished",
        params: WindowParamsSchema,
        body: Type.Object({ ...PAD_RATING_FIELDS, ticketId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: RatedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.device(['window', 'rating'], true) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      const { ticketId, ...rating } = request.body;
      return app.command(request, reply, { hallId }, (ctx) => rateService(ctx, ticketForPad(ctx, hallId, ticketId, windowId), rating, 'pad'));
    },
  );

  app.get(
    '/api/halls/:hallId/windows/:windowId/stats',
    {
      schema: {
        operationId: 'getWindowStats',
        tags: ['windows'],
        summary: "Today's figures at a window: served, average handling time, average rating",
        params: WindowParamsSchema,
        response: { 200: WindowStatsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['clerk', 'supervisor', 'admin']) },
    },
    async (request) => {
      const { hallId, windowId } = request.params;
      const hall = getHallRow(app.store.db, hallId);
      windowRow(app.store.db, hallId, windowId);
      return windowStats(app.store.db, hallId, windowId, businessDay(app.clock.now(), hall.timezone));
    },
  );

  app.get(
    '/api/halls/:hallId/reports/daily',
    {
      schema: {
        operationId: 'getDailyReport',
        tags: ['reports'],
        summary: 'A day per category (issued, served, no-shows, handling and wait times) and the ratings distribution',
        params: HallParamsSchema,
        querystring: Type.Object({ date: Type.Optional(CalendarDateSchema) }, { additionalProperties: false }),
        response: { 200: DailyReportSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['supervisor', 'admin']) },
    },
    async (request) => {
      const hall = getHallRow(app.store.db, request.params.hallId);
      return dailyReport(app.store.db, hall.id, request.query.date ?? businessDay(app.clock.now(), hall.timezone));
    },
  );
};

export default ratingsRoutes;
