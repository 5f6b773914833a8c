import { CallingSettingsSchema } from '@hallflow/shared';
import {
  CallResponseSchema,
  CallTicketBodySchema,
  CloseWindowResponseSchema,
  HallParamsSchema,
  PolicyIfMatchHeadersSchema,
  WindowParamsSchema,
  WindowResponseSchema,
  WindowsOverviewSchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { saveHallPolicy } from '../hall/hall-admin.service.ts';
import { requirePolicyVersion } from '../hall/policy-version.ts';
import { connectedDeviceIds } from '../screens/device-presence.ts';
import { callNext, callTicket } from './calling.service.ts';
import { closeWindow, openWindow, pauseWindow, resumeWindow } from './window.service.ts';
import { windowsOverview } from './windows-overview.repository.ts';
import { allow } from '../../plugins/app/auth.ts';

const CLERK_ROLES = ['clerk', 'supervisor', 'admin'] as const;
const SUPERVISORS = ['supervisor', 'admin'] as const;

const windowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/halls/:hallId/windows/:windowId/open',
    {
      schema: {
        operationId: 'openWindow',
        tags: ['windows'],
        summary: 'The signed-in clerk takes this window and opens it',
        params: WindowParamsSchema,
        response: { 200: WindowResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(CLERK_ROLES) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      const clerk = { id: request.staff!.id, name: request.staff!.displayName };
      return app.command(request, reply, { hallId }, (ctx) => ({ window: openWindow(ctx, hallId, windowId, clerk) }));
    },
  );

  for (const [verb, operationId, summary, run] of [
    ['pause', 'pauseWindow', 'A break: the window stops calling and screens show it paused (W2)', pauseWindow],
    ['resume', 'resumeWindow', 'Back from the break (W2)', resumeWindow],
  ] as const) {
    app.post(
      `/api/halls/:hallId/windows/:windowId/${verb}`,
      {
        schema: {
          operationId,
          tags: ['windows'],
          summary,
          params: WindowParamsSchema,
          response: { 200: WindowResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
        config: { access: allow.staff(CLERK_ROLES) },
      },
      async (request, reply) => {
        const { hallId, windowId } = request.params;
        return app.command(request, reply, { hallId }, (ctx) => ({ window: run(ctx, hallId, windowId) }));
      },
    );
  }

  app.post(
    '/api/halls/:hallId/windows/:windowId/close',
    {
      schema: {
        operationId: 'closeWindow',
        tags: ['windows'],
        summary: 'Close the window (its clerk signs out, or a supervisor closes an abandoned one); a called ticket goes back to its queue (W3)',
        params: WindowParamsSchema,
        response: { 200: CloseWindowResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CLERK_ROLES) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      const by = { id: request.staff!.id, role: request.staff!.role };
      return app.command(request, reply, { hallId }, (ctx) => closeWindow(ctx, hallId, windowId, by));
    },
  );

  app.get(
    '/api/halls/:hallId/windows-overview',
    {
      schema: {
        operationId: 'getWindowsOverview',
        tags: ['windows'],
        summary: 'Every window: clerk, current ticket and since when, state, waiting per category, and whether its screens are connected (W4)',
        params: HallParamsSchema,
        response: { 200: WindowsOverviewSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(SUPERVISORS) },
    },
    async (request) => windowsOverview(app.store.db, request.params.hallId, app.clock.now(), await connectedDeviceIds(app.io)),
  );

  app.put(
    '/api/halls/:hallId/calling-policy',
    {
      schema: {
        operationId: 'updateCallingPolicy',
        tags: ['admin'],
        summary: 'The calling policy: normal tickets per priority one (Q3), recalls (T4), minutes a no-show may return (T5)',
        params: HallParamsSchema,
        headers: PolicyIfMatchHeadersSchema,
        body: CallingSettingsSchema,
        response: { 200: CallingSettingsSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(SUPERVISORS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => {
        requirePolicyVersion(ctx.tx, hallId, 'calling', request.headers['if-match']);
        saveHallPolicy(ctx, hallId, 'calling', request.body);
        return request.body;
      });
    },
  );

  app.post(
    '/api/halls/:hallId/windows/:windowId/call-next',
    {
      schema: {
        operationId: 'callNext',
        tags: ['windows'],
        summary: 'Call the next ticket for this window by the calling policy (Q1–Q6)',
        params: WindowParamsSchema,
        response: { 200: CallResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CLERK_ROLES) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => callNext(ctx, hallId, windowId));
    },
  );

  app.post(
    '/api/halls/:hallId/windows/:windowId/call',
    {
      schema: {
        operationId: 'callTicket',
        tags: ['windows'],
        summary: 'Call one particular waiting ticket (Q7)',
        params: WindowParamsSchema,
        body: CallTicketBodySchema,
        response: { 200: CallResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CLERK_ROLES) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => callTicket(ctx, hallId, windowId, request.body.ticketId));
    },
  );
};

export default windowRoutes;
