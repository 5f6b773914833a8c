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
import { DomainError } from '../../core/errors.ts';
import { windows } from '../../db/schema/index.ts';
import { bearerToken } from '../../plugins/app/auth.ts';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import {
  checkCredentials,
  closeSession,
  createDevice,
  createStaff,
  findStaffByUsername,
  openSession,
  staffView,
} from './staff.repository.ts';

export interface AuthRoutesOptions {
  sessionHours: number;
}

const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Staff sign-in; returns a bearer token',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...errorResponses(400, 401, 429) },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      const member = checkCredentials(app.store.db, request.body.username, request.body.password);
      if (!member) throw new DomainError(401, 'BAD_CREDENTIALS', 'Wrong username or password');
      const session = openSession(app.store.db, member.id, app.clock.now(), options.sessionHours);
      return { ...session, staff: staffView(member) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { operationId: 'logout', tags: ['auth'], summary: 'End this session', response: { 200: OkSchema, ...errorResponses(401) } },
      preHandler: app.requireStaff(['admin', 'supervisor', 'door', 'clerk']),
    },
    async (request) => {
      closeSession(app.store.db, bearerToken(request)!);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { operationId: 'getMe', tags: ['auth'], summary: 'Who is signed in', response: { 200: StaffViewSchema, ...errorResponses(401) } },
      preHandler: app.requireStaff(['admin', 'supervisor', 'door', 'clerk']),
    },
    async (request) => staffView(request.staff!),
  );

  app.post(
    '/api/staff',
    {
      schema: {
        operationId: 'createStaff',
        tags: ['admin'],
        summary: 'Create a staff account',
        body: CreateStaffBodySchema,
        response: { 201: StaffViewSchema, ...errorResponses(400, 401, 403, 409) },
      },
      preHandler: app.requireStaff(['admin']),
    },
    async (request, reply) => {
      const { db } = app.store;
      if (request.body.hallId) getHallRow(db, request.body.hallId);
      else if (request.body.role === 'door' || request.body.role === 'clerk') {
        throw new DomainError(400, 'HALL_REQUIRED', `body/hallId is required for role ${request.body.role}`);
      }
      if (findStaffByUsername(db, request.body.username)) {
        throw new DomainError(409, 'USERNAME_TAKEN', `username ${request.body.username} is already taken`);
      }
      return reply.status(201).send(createStaff(db, request.body, app.clock.now()));
    },
  );

  app.post(
    '/api/halls/:hallId/devices',
    {
      schema: {
        operationId: 'createDevice',
        tags: ['admin'],
        summary: 'Pair a screen: returns its read-only device token (shown once)',
        params: HallParamsSchema,
        body: CreateDeviceBodySchema,
        response: { 201: DeviceTokenResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireStaff(['admin', 'supervisor']),
    },
    async (request, reply) => {
      const { hallId } = request.params;
      const { name, kind } = request.body;
      const windowId = request.body.windowId ?? null;
      getHallRow(app.store.db, hallId);
      if (windowId) {
        if (kind !== 'window' && kind !== 'rating') {
          throw new DomainError(400, 'VALIDATION_ERROR', `body/windowId is only for window screens and rating pads, not ${kind}`);
        }
        if (!app.store.db.select({ id: windows.id }).from(windows).where(and(eq(windows.id, windowId), eq(windows.hallId, hallId))).get()) {
          throw new DomainError(400, 'UNKNOWN_WINDOW', `body/windowId ${windowId} is not a window of this hall`);
        }
      }
      const device = createDevice(app.store.db, hallId, name, kind, app.clock.now(), windowId);
      return reply.status(201).send(device);
    },
  );
};

export default authRoutes;
