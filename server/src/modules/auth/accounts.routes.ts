import { mayManageAccount } from '@hallflow/shared';
import {
  DeviceParamsSchema,
  DeviceViewSchema,
  HallParamsSchema,
  ResetPasswordBodySchema,
  StaffAccountSchema,
  StaffParamsSchema,
  type StaffAccount,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Tx } from '../../db/connection.ts';
import { allow } from '../../plugins/app/auth.ts';
import { disconnectWhere } from '../../plugins/app/realtime.ts';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { disableStaff, enableStaff, listDevices, listStaff, resetPassword, revokeDevice, staffRow } from './accounts.repository.ts';
import { outOfReach } from './auth.routes.ts';

/** A17 and AC3: staff accounts and paired screens, for admins (and supervisors for their hall's screens). */
const accountsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffRoute = (operationId: string, summary: string) => ({
    schema: { operationId, tags: ['admin'], summary, params: StaffParamsSchema, response: { 200: StaffAccountSchema, ...errorResponses(400, 401, 403, 404, 409) } },
    config: { access: allow.accountAdmins() },
  });
  const withBody = <T extends ReturnType<typeof staffRoute>, B>(route: T, body: B) => ({ ...route, schema: { ...route.schema, body } });

  /** Runs an account change when the target is within the admin's reach (AC3); its hall scopes the audit entry. */
  function onAccount(request: FastifyRequest, reply: FastifyReply, staffId: string, change: (tx: Tx, now: Date) => StaffAccount) {
    const target = staffRow(app.store.db, staffId);
    if (!mayManageAccount(request.staff!, target)) throw outOfReach();
    return app.command(request, reply, { hallId: target.hallId }, (ctx) => change(ctx.tx, ctx.now));
  }

  app.get(
    '/api/staff',
    {
      schema: {
        operationId: 'listStaff',
        tags: ['admin'],
        summary: "Staff accounts: a hall admin sees their own hall's; a city-wide admin one hall's (with the city-wide ones) or all",
        querystring: Type.Object({ hallId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }, { additionalProperties: false }),
        response: { 200: Type.Array(StaffAccountSchema), ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.hallFiltered(['admin']) },
    },
    async (request) => {
      const ownHall = request.staff!.hallId;
      const asked = request.query.hallId;
      if (ownHall !== null && asked !== undefined && asked !== ownHall) throw outOfReach();
      const hallId = ownHall ?? asked;
      if (hallId) getHallRow(app.store.db, hallId);
      return listStaff(app.store.db, hallId, ownHall === null);
    },
  );

  app.post('/api/staff/:staffId/disable', staffRoute('disableStaff', 'Disable an account: it cannot sign in, its sessions and live connections end'), async (request, reply) => {
    const sent = await onAccount(request, reply, request.params.staffId, (tx, now) => disableStaff(tx, request.params.staffId, request.staff!.id, now));
    await disconnectWhere(app.io, (data) => data.staffId === request.params.staffId);
    return sent;
  });

  app.post('/api/staff/:staffId/enable', staffRoute('enableStaff', 'Let a disabled account sign in again'), async (request, reply) =>
    onAccount(request, reply, request.params.staffId, (tx) => enableStaff(tx, request.params.staffId)),
  );

  app.post(
    '/api/staff/:staffId/password',
    withBody(staffRoute('resetStaffPassword', 'Set a new password; the account’s sessions and live connections end'), ResetPasswordBodySchema),
    async (request, reply) => {
      const sent = await onAccount(request, reply, request.params.staffId, (tx) => resetPassword(tx, request.params.staffId, request.body.password));
      await disconnectWhere(app.io, (data) => data.staffId === request.params.staffId);
      return sent;
    },
  );

  app.get(
    '/api/halls/:hallId/devices',
    {
      schema: {
        operationId: 'listDevices',
        tags: ['admin'],
        summary: "The hall's paired screens (never their tokens; to admins, the demo screens' links the first start made)",
        params: HallParamsSchema,
        response: { 200: Type.Array(DeviceViewSchema), ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['admin', 'supervisor']) },
    },
    async (request) => {
      getHallRow(app.store.db, request.params.hallId);
      const { principal } = request;
      return listDevices(app.store.db, request.params.hallId, principal.kind === 'staff' && principal.role === 'admin');
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
      config: { access: allow.staff(['admin', 'supervisor']) },
    },
    async (request, reply) => {
      const { hallId, deviceId } = request.params;
      const sent = await app.command(request, reply, { hallId }, (ctx) => revokeDevice(ctx.tx, hallId, deviceId, ctx.now));
      await disconnectWhere(app.io, (data) => data.deviceId === deviceId);
      return sent;
    },
  );
};

export default accountsRoutes;
