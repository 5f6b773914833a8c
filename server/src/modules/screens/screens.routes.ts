import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TicketViewSchema } from '@hallflow/shared';
import { Type } from '@sinclair/typebox';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { tickets, windows } from '../../db/schema/index.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketView } from '../hall/views.ts';
import { DomainError } from '../../core/errors.ts';
import { bearerToken } from '../../plugins/app/auth.ts';
import { deviceForToken } from '../auth/staff.repository.ts';
import { errorResponses } from '../errors.schemas.ts';

const DeviceSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('lobby'), Type.Literal('window'), Type.Literal('outdoor'), Type.Literal('rating')]),
});

const TicketStatusSchema = Type.Object({
  hallId: Type.String(),
  hallName: Type.String(),
  ticket: TicketViewSchema,
  /** People's tickets ahead in the same queue (waiting, earlier queue time); null once called. */
  ahead: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** The window number, once called. */
  windowNumber: Type.Union([Type.Integer(), Type.Null()]),
});

/** What a paired screen needs to find its hall, and what a visitor's phone needs to find its ticket. */
const screensRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  app.get(
    '/api/public/tickets/:token',
    {
      schema: {
        operationId: 'getTicketStatus',
        tags: ['visitors'],
        summary: "A visitor's own ticket, by the unguessable token printed as a QR code (public)",
        params: Type.Object({ token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }),
        response: { 200: TicketStatusSchema, ...errorResponses(400, 404, 429) },
      },
      config: { rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { db } = app.store;
      const row = db.select().from(tickets).where(eq(tickets.publicToken, request.params.token)).get();
      if (!row) throw new DomainError(404, 'NOT_FOUND', 'No ticket with this link; it may be from another day');
      const hall = getHallRow(db, row.hallId);
      const ahead =
        row.state === 'waiting'
          ? (db
              .select({ n: sql<number>`count(*)` })
              .from(tickets)
              .where(and(eq(tickets.hallId, row.hallId), eq(tickets.day, row.day), eq(tickets.categoryId, row.categoryId), eq(tickets.state, 'waiting'), or(lt(tickets.queuedAt, row.queuedAt), and(eq(tickets.queuedAt, row.queuedAt), lt(tickets.number, row.number)))))
              .get()?.n ?? 0)
          : null;
      const window = row.windowId ? db.select({ number: windows.number }).from(windows).where(eq(windows.id, row.windowId)).get() : undefined;
      return { hallId: hall.id, hallName: hall.name, ticket: ticketView(row), ahead, windowNumber: window?.number ?? null };
    },
  );

  app.get(
    '/api/devices/me',
    {
      schema: {
        operationId: 'getDevice',
        tags: ['screens'],
        summary: 'The screen device this token belongs to, and its hall',
        response: { 200: DeviceSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const token = bearerToken(request);
      const device = token ? deviceForToken(app.store.db, token) : null;
      if (!device) throw new DomainError(401, 'UNAUTHORIZED', 'Unknown or revoked device token: pair this screen again (createDevice)');
      return { id: device.id, hallId: device.hallId, name: device.name, kind: device.kind };
    },
  );
};

export default screensRoutes;
