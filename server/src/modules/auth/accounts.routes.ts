import {
  DeviceParamsSchema,
  DeviceViewSchema,
  HallParamsSchema,
  ResetPasswordBodySchema,
  StaffAccountSchema,
  StaffParamsSchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { disconnectWhere } from '../../plugins/app/realtime.ts';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { disableStaff, enableStaff, listDevices, listStaff, resetPassword, revokeDevice } from './accounts.repository.ts';

/** A17: staff accounts and paired screens, for admins (and supervisors for their hall's screens). */
const accountsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffRoute = (operationId: string, summary: string) => ({
    schema: { operationId, tags: ['admin'], summary, params: StaffParamsSchema, response: { 200: StaffAccountSchema, ...errorResponses(400, 401, 403, 404, 409) } },
    preHandler: app.requireStaff(['admin']),
  });
  const withBody = <T extends ReturnType<typeof staffRoute>, B>(route: T, body: B) => ({ ...route, schema: { ...route.schema, body } });

  app.get(
    '/api/staff',
    {
      schema: {
        operationId: 'listStaff',
        tags: ['admin'],
        summary: 'Staff accounts, of one hall (with the city-wide ones) or all',
        querystring: Type.Object({ hallId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }, { additionalProperties: false }),
        response: { 200: Type.Array(StaffAccountSchema), ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireStaff(['admin']),
    },
    async (request) => {
      if (request.query.hallId) getHallRow(app.store.db, request.query.hallId);
      return listStaff(app.store.db, request.query.hallId);
    },
  );

  app.post('/api/staff/:staffId/disable', staffRoute('disableStaff', 'Disable an account: it cannot sign in, its sessions and live connections end'), async (request) => {
    const account = disableStaff(app.store.db, request.params.staffId, request.staff!.id, app.clock.now());
    await disconnectWhere(app.io, (data) => data.staffId === account.id);
    return account;
  });

  app.post('/api/staff/:staffId/enable', staffRoute('enableStaff', 'Let a disabled account sign in again'), async (request) => enableStaff(app.store.db, request.params.staffId));

  app.post(
    '/api/staff/:staffId/password',
    withBody(staffRoute('resetStaffPassword', 'Set a new password; the account’s sessions and live connections end'), ResetPasswordBodySchema),
    async (request) => {
      const account = resetPassword(app.store.db, request.params.staffId, request.body.password);
      await disconnectWhere(app.io, (data) => data.staffId === account.id);
      return account;
    },
  );

  app.get(
    '/api/halls/:hallId/devices',
    {
      schema: {
        operationId: 'listDevices',
        tags: ['admin'],
        summary: "The hall's paired screens (never their tokens)",
        params: HallParamsSchema,
        response: { 200: Type.Array(DeviceViewSchema), ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireStaff(['admin', 'supervisor']),
    },
    async (request) => {
      getHallRow(app.store.db, request.params.hallId);
      return listDevices(app.store.db, request.params.hallId);
    },
  );

  app.post(
    '/api/halls/:hallId/devices/:deviceId/revoke',
    {
      schema: {
        operationId: 'revokeDevice',
        tags: ['admin'],
        summary: 'Unpair a screen: its token stops working and its live connection is closed',
        params: DeviceParamsSchema,
        response: { 200: DeviceViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireStaff(['admin', 'supervisor']),
    },
    async (request) => {
      const device = revokeDevice(app.store.db, request.params.hallId, request.params.deviceId, app.clock.now());
      await disconnectWhere(app.io, (data) => data.deviceId === device.id);
      return device;
    },
  );
};

export default accountsRoutes;
