import { HoursConfigSchema, ScreeningPolicyBodySchema, ScreeningPolicySchema, weekHours, describeDay } from '@hallflow/shared';
import { HallParamsSchema, PolicyIfMatchHeadersSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { hoursConfig } from './hours.guard.ts';
import { invalidField } from '../../core/errors.ts';
import { screeningPolicy } from '../hall/hall-policy.ts';
import { saveHallPolicy } from '../hall/hall-admin.service.ts';
import { allow } from '../../plugins/app/auth.ts';
import { updateScreeningPolicy } from './screening-policy.service.ts';
import { requirePolicyVersion } from '../hall/policy-version.ts';

const IntervalView = Type.Object({ open: Type.String(), close: Type.String() });
const OpeningHoursSchema = Type.Object({
  hallId: Type.String(),
  timezone: Type.String(),
  days: Type.Array(
    Type.Object({
      date: Type.String(),
      weekday: Type.String(),
      closed: Type.Boolean(),
      basis: Type.String(),
      published: Type.Array(IntervalView),
      extended: Type.Union([IntervalView, Type.Null()]),
      textZh: Type.String(),
      textEn: Type.String(),
    }),
  ),
});

const hoursRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  app.get(
    '/api/halls/:hallId/hours',
    {
      schema: {
        operationId: 'getOpeningHours',
        tags: ['halls'],
        summary: "Today's and the coming week's hours, with the extended service hours shown apart (public)",
        params: HallParamsSchema,
        response: { 200: OpeningHoursSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      const hall = getHallRow(app.store.db, request.params.hallId);
      const days = weekHours(hoursConfig(hall.settings), hall.timezone, app.clock.now()).map((day) => ({
        ...day,
        textZh: describeDay(day, 'zh'),
        textEn: describeDay(day, 'en'),
      }));
      return { hallId: hall.id, timezone: hall.timezone, days };
    },
  );

  app.put(
    '/api/halls/:hallId/hours',
    {
      schema: {
        operationId: 'updateOpeningHours',
        tags: ['admin'],
        summary: 'Set the weekly hours, extension, lunch break, weekends, holidays, make-up days and one-off changes',
        params: HallParamsSchema,
        headers: PolicyIfMatchHeadersSchema,
        body: HoursConfigSchema,
        response: { 200: HoursConfigSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(['admin', 'supervisor']) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      for (const [day, intervals] of Object.entries(request.body.weekly)) {
        for (const interval of intervals) {
          if (interval.close <= interval.open) {
            throw invalidField(`weekly/${day}`, { zh: `${day} 的下班时间 ${interval.close} 须晚于上班时间 ${interval.open}`, en: `${day}: closing ${interval.close} must be after opening ${interval.open}` });
          }
        }
      }
      return app.command(request, reply, { hallId }, (ctx) => {
        requirePolicyVersion(ctx.tx, hallId, 'hours', request.headers['if-match']);
        saveHallPolicy(ctx, hallId, 'hours', request.body);
        return request.body;
      });
    },
  );

  app.get(
    '/api/halls/:hallId/screening-policy',
    {
      schema: {
        operationId: 'getScreeningPolicy',
        tags: ['door'],
        summary: 'The fever threshold, recheck rule, companions rule and next steps the door applies',
        params: HallParamsSchema,
        response: { 200: ScreeningPolicySchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['door', 'supervisor', 'admin']) },
    },
    async (request) => screeningPolicy(getHallRow(app.store.db, request.params.hallId).settings),
  );

  app.put(
    '/api/halls/:hallId/screening-policy',
    {
      schema: {
        operationId: 'updateScreeningPolicy',
        tags: ['admin'],
        summary:
          'The fever threshold used at the door (37.3 °C by default), whether a second reading after a rest may decide, whether companions go on when one of a party fails, what a turned-away visitor is told to do next, and the checks required now (a party holding without a check now required is marked for a re-check, LV10)',
        params: HallParamsSchema,
        headers: PolicyIfMatchHeadersSchema,
        body: ScreeningPolicyBodySchema,
        response: { 200: ScreeningPolicySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(['admin', 'supervisor']) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => {
        requirePolicyVersion(ctx.tx, hallId, 'screening', request.headers['if-match']);
        return updateScreeningPolicy(ctx, hallId, request.body);
      });
    },
  );
};

export default hoursRoutes;
