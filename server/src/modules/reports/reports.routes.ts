import { checkDateRange, staffReaches } from '@hallflow/shared';
import { FourReductionsReportSchema, HallReportSchema, ReportQuerySchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DomainError, notFound } from '../../core/errors.ts';
import { errorResponses } from '../errors.schemas.ts';
import { fourReductionsReport, hallReport, reportHalls } from './report.repository.ts';
import { allow } from '../../plugins/app/auth.ts';

/**
 * RP6: the halls a report covers. A hall's supervisors and admins read their
 * hall; city-wide ones any hall, or the whole city (no hallId).
 */
function hallsFor(request: FastifyRequest, hallId: string | undefined, from: string, to: string) {
  const range = checkDateRange(from, to);
  if (!range.ok) throw new DomainError(400, 'VALIDATION_ERROR', range.message, range.params);
  const home = request.staff!.hallId;
  if (!hallId && home !== null) throw new DomainError(403, 'FORBIDDEN', 'The city report is for city-wide staff; name your hall (querystring/hallId)');
  if (hallId && !staffReaches(home, hallId)) throw new DomainError(403, 'FORBIDDEN', `You may read only your own hall ${home}, not ${hallId}`);
  const rows = reportHalls(request.server.store.db, hallId);
  if (hallId && rows.length === 0) throw notFound('Hall', hallId);
  return rows;
}

const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/reports',
    {
      schema: {
        operationId: 'getReport',
        tags: ['reports'],
        summary: 'A hall (hallId) or the city (no hallId), over local days from … to: the door, waits, handling, throughput, occupancy, no-shows and transfers, satisfaction',
        querystring: ReportQuerySchema,
        response: { 200: HallReportSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.hallFiltered(['supervisor', 'admin']) },
    },
    async (request) => {
      const { hallId, from, to } = request.query;
      return hallReport(app.store.db, hallsFor(request, hallId, from, to), from, to);
    },
  );

  app.get(
    '/api/reports/four-reductions',
    {
      schema: {
        operationId: 'getFourReductions',
        tags: ['reports'],
        summary: 'The four reductions (materials, steps, days, trips) of cases completed from … to, per item, per bundle and in total, against the recorded before figures',
        querystring: ReportQuerySchema,
        response: { 200: FourReductionsReportSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.hallFiltered(['supervisor', 'admin']) },
    },
    async (request) => {
      const { hallId, from, to } = request.query;
      return fourReductionsReport(app.store.db, hallsFor(request, hallId, from, to), from, to);
    },
  );
};

export default reportsRoutes;
