import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategoryViewSchema, TicketViewSchema } from '@hallflow/shared';
import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { windows } from '../../db/schema/index.ts';
import { DomainError } from '../../core/errors.ts';
import { allow, bearerToken, perTicketLink } from '../../plugins/app/auth.ts';
import { deviceForToken } from '../auth/staff.repository.ts';
import { errorResponses } from '../errors.schemas.ts';
import { ticketStatusByToken } from './ticket-status.repository.ts';
import { ticketPrintoutByToken } from './ticket-printout.repository.ts';
import { DeviceKindSchema, TicketPrintoutSchema } from '@hallflow/shared/api';

const DeviceSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  name: Type.String(),
  kind: DeviceKindSchema,
  /** KS5: a self-service terminal inside the hall, where visitors may take a ticket. */
  inside: Type.Boolean(),
  /** The window a window screen or rating pad is paired with (AC4), and its number. */
  windowId: Type.Union([Type.String(), Type.Null()]),
  windowNumber: Type.Union([Type.Integer(), Type.Null()]),
});

const TicketStatusSchema = Type.Object({
  hallId: Type.String(),
  hallName: Type.String(),
  ticket: TicketViewSchema,
  category: Type.Union([CategoryViewSchema, Type.Null()]),
  /** Q9: tickets the windows that may call this one will call before it; null once called. */
  ahead: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** L7: estimated minutes until the call (E1–E3), while waiting; null once called or when no window serves the queue. */
  estimatedWaitMinutes: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** The window number, once called. */
  windowNumber: Type.Union([Type.Integer(), Type.Null()]),
  /** T6: the one window a waiting ticket was transferred to, where it will be called. */
  targetWindowNumber: Type.Union([Type.Integer(), Type.Null()]),
  /** F6: once done, the windows the visitor may rate (each that served a routed 一件事), and whether each is rated. */
  rateable: Type.Array(Type.Object({ windowId: Type.String(), number: Type.Integer(), rated: Type.Boolean() })),
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
      config: { access: allow.ticketHolder(), rateLimit: perTicketLink(options.publicRateLimit) },
    },
    async (request) => {
      const status = ticketStatusByToken(app.store.db, request.params.token, app.clock.now());
      if (!status) throw new DomainError(404, 'NOT_FOUND', 'No ticket with this link; it may be from another day');
      return status;
    },
  );

  app.get(
    '/api/public/tickets/:token/printout',
    {
      schema: {
        operationId: 'getTicketPrintout',
        tags: ['visitors'],
        summary: 'What a ticket\'s printout shows (PR1), by its link: hall, number, queue, items or bundle, people ahead and time at issue (public)',
        params: Type.Object({ token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }),
        response: { 200: TicketPrintoutSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.ticketHolder(), rateLimit: perTicketLink(options.publicRateLimit) },
    },
    async (request) => {
      const printout = ticketPrintoutByToken(app.store.db, request.params.token);
      if (!printout) throw new DomainError(404, 'NOT_FOUND', 'No ticket with this link');
      return printout;
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
      config: { access: allow.anyDevice() },
    },
    async (request) => {
      const token = bearerToken(request);
      const device = token ? deviceForToken(app.store.db, token) : null;
      if (!device) throw new DomainError(401, 'UNAUTHORIZED', 'Unknown or revoked device token: pair this screen again (createDevice)');
      const window = device.windowId ? app.store.db.select({ number: windows.number }).from(windows).where(eq(windows.id, device.windowId)).get() : undefined;
      return { id: device.id, hallId: device.hallId, name: device.name, kind: device.kind, inside: device.inside, windowId: device.windowId, windowNumber: window?.number ?? null };
    },
  );
};

export default screensRoutes;
