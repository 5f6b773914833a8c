import { mayManageAccount } from '@hallflow/shared';
import {
  CreateDeviceBodySchema,
  CreateStaffBodySchema,
  DeviceTokenResponseSchema,
  HallParamsSchema,
  LoginBodySchema,
  LoginResponseSchema,
  OkSchema,
  StaffViewSchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq } from 'drizzle-orm';
import { DomainError, invalidField } from '../../core/errors.ts';
import { windows } from '../../db/schema/index.ts';
import { ALL_STAFF, allow, bearerToken } from '../../plugins/app/auth.ts';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { FallbackFailureCounter, LoginThrottle, MemoryFailureCounter, RedisFailureCounter } from './login-throttle.ts';
import { checkCredentials, closeSession, createDevice, createStaff, findStaffByUsername, openSession, staffView } from './staff.repository.ts';

export interface AuthRoutesOptions {
  sessionHours: number;
  loginRateLimit: number;
}

/** AC3: a request to manage an account beyond the actor's own reach. */
export const outOfReach = () =>
  new DomainError(403, 'ACCOUNT_OUT_OF_REACH', "Hall admins manage only their own hall's non-admin accounts; city-wide admins manage the rest");

const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  // On the server's clock, so a demo or a test clock moves the waits too.
  const now = () => app.clock.now().getTime();
  const memory = new MemoryFailureCounter(now);
  const counter = app.redis
    ? new FallbackFailureCounter(new RedisFailureCounter(app.redis, app.redisPrefix), memory, (error) => app.log.warn({ err: error }, 'sign-in back-off: Redis unavailable, counting on this node'))
    : memory;
  const throttle = new LoginThrottle(counter, now);

  app.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Staff sign-in; returns a bearer token. Repeated failures make the next attempt wait (per account and per address)',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...errorResponses(400, 401, 429) },
      },
      config: { access: allow.public(), rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const waitMs = await throttle.waitMs(username, request.ip);
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        reply.header('retry-after', String(seconds));
        throw new DomainError(429, 'LOGIN_BACKOFF', `Too many failed sign-ins: try again in ${seconds} s`, { seconds });
      }
      const member = checkCredentials(app.store.db, username, password);
      if (!member) {
        await throttle.failed(username, request.ip);
        throw new DomainError(401, 'BAD_CREDENTIALS', 'Wrong username or password');
      }
      await throttle.succeeded(username);
      // Signed in from here on: the session is opened, and audited, as this member's action.
      request.staff = member;
      request.principal = { kind: 'staff', id: member.id, role: member.role, hallId: member.hallId };
      return app.command(request, reply, { hallId: member.hallId, replayable: false }, (ctx) => ({
        ...openSession(ctx.tx, member.id, ctx.now, options.sessionHours),
        staff: staffView(member),
      }));
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { operationId: 'logout', tags: ['auth'], summary: 'End this session', response: { 200: OkSchema, ...errorResponses(401) } },
      config: { access: allow.staff(ALL_STAFF, 'any') },
    },
    async (request, reply) =>
      app.command(request, reply, { hallId: request.staff!.hallId }, (ctx) => {
        closeSession(ctx.tx, bearerToken(request)!);
        return { ok: true as const };
      }),
  );

  app.get(
    '/api/auth/me',
    {
      schema: { operationId: 'getMe', tags: ['auth'], summary: 'Who is signed in', response: { 200: StaffViewSchema, ...errorResponses(401) } },
      config: { access: allow.staff(ALL_STAFF, 'any') },
    },
    async (request) => staffView(request.staff!),
  );

  app.post(
    '/api/staff',
    {
      schema: {
        operationId: 'createStaff',
        tags: ['admin'],
        summary: "Create a staff account (hall admins: their own hall's non-admin staff; city-wide admins: any)",
        body: CreateStaffBodySchema,
        response: { 201: StaffViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.accountAdmins() },
    },
    async (request, reply) => {
      const body = request.body;
      if (!mayManageAccount(request.staff!, body)) throw outOfReach();
      return app.command(request, reply, { hallId: body.hallId, status: 201 }, (ctx) => {
        if (body.hallId) getHallRow(ctx.tx, body.hallId);
        else if (body.role === 'door' || body.role === 'clerk') {
          throw new DomainError(400, 'HALL_REQUIRED', `body/hallId is required for role ${body.role}`);
        }
        if (findStaffByUsername(ctx.tx, body.username)) throw new DomainError(409, 'USERNAME_TAKEN', `username ${body.username} is already taken`);
        return createStaff(ctx.tx, body, ctx.now);
      });
    },
  );

  app.post(
    '/api/halls/:hallId/devices',
    {
      schema: {
        operationId: 'createDevice',
        tags: ['admin'],
        summary: 'Pair a screen or a self-service terminal: returns its device token (shown once). Window screens and rating pads name their window; a terminal says whether it stands inside the hall',
        params: HallParamsSchema,
        body: CreateDeviceBodySchema,
        response: { 201: DeviceTokenResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['admin', 'supervisor']) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      const { name, kind } = request.body;
      const windowId = request.body.windowId ?? null;
      const needsWindow = kind === 'window' || kind === 'rating';
      if (needsWindow && !windowId) throw new DomainError(400, 'WINDOW_REQUIRED', `body/windowId is required for a ${kind} screen`);
      if (!needsWindow && windowId) throw invalidField('windowId', { zh: '只有窗口屏和评价器需要指定窗口', en: `is only for window screens and rating pads, not ${kind}` });
      if (request.body.inside !== undefined && kind !== 'kiosk') throw invalidField('inside', { zh: '只有自助终端需要说明是否在厅内', en: `is only for self-service terminals, not ${kind}` });
      return app.command(request, reply, { hallId, status: 201, replayable: false }, (ctx) => {
        getHallRow(ctx.tx, hallId);
        if (windowId && !ctx.tx.select({ id: windows.id }).from(windows).where(and(eq(windows.id, windowId), eq(windows.hallId, hallId))).get()) {
          throw new DomainError(400, 'UNKNOWN_WINDOW', `body/windowId ${windowId} is not a window of this hall`);
        }
        return createDevice(ctx.tx, hallId, name, kind, ctx.now, windowId, false, request.body.inside ?? false);
      });
    },
  );
};

export default authRoutes;
