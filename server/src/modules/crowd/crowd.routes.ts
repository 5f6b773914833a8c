import {
  AdmitBatchBodySchema,
  AdmitBatchResponseSchema,
  CorrectOccupancyBodySchema,
  DiversionResponseSchema,
  ExitResponseSchema,
  HallConfigurationSchema,
  HallParamsSchema,
  OccupancyResponseSchema,
  RecordExitBodySchema,
  UpdateCrowdConfigBodySchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DomainError, invalidField } from '../../core/errors.ts';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow, listHalls, occupancyOf } from '../hall/hall.repository.ts';
import { admitBatch } from './batch.service.ts';
import { updateCrowdConfig } from './crowd-config.service.ts';
import { suggestDiversion } from './diversion.service.ts';
import { entriesBetween, entriesCsv } from './entry-log.repository.ts';
import { correctOccupancy, recordAnonymousExit, recordExit } from './exits.service.ts';
import { allow, ALL_STAFF, ALL_SCREENS } from '../../plugins/app/auth.ts';

const DOOR_ROLES = ['door', 'supervisor', 'admin'] as const;
const SUPERVISORS = ['supervisor', 'admin'] as const;

const crowdRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  const occupancyResponse = (hallId: string) => {
    const hall = getHallRow(app.store.db, hallId);
    const occupancy = occupancyOf(app.store.db, hallId);
    return { hallId, name: hall.name, occupancy, free: Math.max(0, occupancy.capacity - occupancy.inside) };
  };

  app.post(
    '/api/halls/:hallId/batches',
    {
      schema: {
        operationId: 'admitBatch',
        tags: ['door'],
        summary: 'Admit the next batch from the holding area, within free capacity; each party gets a ticket',
        params: HallParamsSchema,
        // No body at all is the everyday case (Fastify then validates null).
        body: Type.Union([AdmitBatchBodySchema, Type.Null()]),
        response: { 200: AdmitBatchResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(DOOR_ROLES) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      const override = request.body?.override ?? null;
      if (override && request.staff!.role === 'door') {
        throw new DomainError(403, 'FORBIDDEN', 'Only a supervisor may admit beyond capacity');
      }
      return app.command(request, reply, { hallId }, (ctx) => admitBatch(ctx, hallId, request.staff!.id, override));
    },
  );

  app.get(
    '/api/halls/:hallId/occupancy',
    {
      schema: {
        operationId: 'getOccupancy',
        tags: ['crowd'],
        summary: 'People inside against capacity, the holding count and the alert level',
        params: HallParamsSchema,
        response: { 200: OccupancyResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.hallReaders(ALL_STAFF, ALL_SCREENS) },
    },
    async (request) => occupancyResponse(request.params.hallId),
  );

  app.get(
    '/api/city/occupancy',
    {
      schema: {
        operationId: 'getCityOccupancy',
        tags: ['crowd'],
        summary: 'Every hall of the city, for supervisors',
        response: { 200: Type.Array(OccupancyResponseSchema), ...errorResponses(401, 403) },
      },
      config: { access: allow.staff(SUPERVISORS, 'any') },
    },
    // IN4: one hall whose data cannot be read is left out (and logged); it never takes the city's view down with it.
    async (request) =>
      listHalls(app.store.db).flatMap((hall) => {
        try {
          return [occupancyResponse(hall.id)];
        } catch (error) {
          request.log.error({ err: error, hallId: hall.id }, 'hall left out of the city view: its data cannot be read');
          return [];
        }
      }),
  );

  app.post(
    '/api/halls/:hallId/exits',
    {
      schema: {
        operationId: 'recordExit',
        tags: ['crowd'],
        summary: 'A visitor left: scan their ticket or appointment code, or tap "one person left"',
        params: HallParamsSchema,
        body: RecordExitBodySchema,
        response: { 200: ExitResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(DOOR_ROLES) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      const body = request.body;
      const staffId = request.staff!.id;
      return app.command(request, reply, { hallId }, (ctx) => ('code' in body ? recordExit(ctx, hallId, body.code, staffId) : recordAnonymousExit(ctx, hallId, staffId)));
    },
  );

  app.post(
    '/api/halls/:hallId/occupancy/correction',
    {
      schema: {
        operationId: 'correctOccupancy',
        tags: ['crowd'],
        summary: 'A supervisor sets the count to what they see, with a reason (audited)',
        params: HallParamsSchema,
        body: CorrectOccupancyBodySchema,
        response: { 200: Type.Object({ occupancy: ExitResponseSchema.properties.occupancy }), ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(SUPERVISORS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => ({ occupancy: correctOccupancy(ctx, hallId, request.body.inside, request.body.reason, request.staff!.id).occupancy }));
    },
  );

  app.put(
    '/api/halls/:hallId/crowd-config',
    {
      schema: {
        operationId: 'updateCrowdConfig',
        tags: ['admin'],
        summary: 'Capacity (area, area per person, maximum, staff on floor), holding area, batch size, alerts, automatic batches',
        params: HallParamsSchema,
        body: UpdateCrowdConfigBodySchema,
        response: { 200: HallConfigurationSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(SUPERVISORS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateCrowdConfig(ctx, hallId, request.body));
    },
  );

  app.get(
    '/api/halls/:hallId/diversion',
    {
      schema: {
        operationId: 'suggestDiversion',
        tags: ['crowd'],
        summary: 'Other halls offering the same service, with room and their wait (public)',
        params: HallParamsSchema,
        querystring: Type.Object({ categoryId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: DiversionResponseSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      getHallRow(app.store.db, request.params.hallId);
      return suggestDiversion(app.store.db, request.params.hallId, request.query.categoryId, app.clock.now(), (hallId, error) =>
        request.log.error({ err: error, hallId }, 'hall left out of the diversion: its data cannot be read'),
      );
    },
  );

  app.get(
    '/api/halls/:hallId/entry-log.csv',
    {
      schema: {
        operationId: 'exportEntryLog',
        tags: ['crowd'],
        summary: 'Admissions and exits in a time window, as CSV (contact tracing)',
        params: HallParamsSchema,
        querystring: Type.Object(
          { from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.String({ description: 'text/csv; UTF-8 with BOM' }), ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(SUPERVISORS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      getHallRow(app.store.db, hallId);
      const from = new Date(request.query.from).toISOString();
      const to = new Date(request.query.to).toISOString();
      if (from >= to) throw invalidField('to', { zh: '截止时间须晚于起始时间', en: 'must be after querystring/from' }, 'querystring');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="entry-log-${hallId}.csv"`)
        .send(entriesCsv(entriesBetween(app.store.db, hallId, from, to)));
    },
  );
};

export default crowdRoutes;
