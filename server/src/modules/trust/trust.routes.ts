import { ACCESS_COLUMNS, columnAllowed, type AccessColumn } from '@hallflow/shared';
import { AuditLogQuerySchema, AuditLogResponseSchema, SecurityPolicySchema, type SecurityPolicy } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, invalidField } from '../../core/errors.ts';
import { allow } from '../../plugins/app/auth.ts';
import { errorResponses } from '../errors.schemas.ts';
import { auditEntries } from './audit.repository.ts';

/** The access table as data (AC1) and the audit log (AU2), for admins. */
const trustRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/security-policy',
    {
      schema: {
        operationId: 'getSecurityPolicy',
        tags: ['admin'],
        summary: 'Who may call each operation: the declared rule of every route and the access table of docs/SECURITY.md',
        response: { 200: SecurityPolicySchema, ...errorResponses(401, 403) },
      },
      config: { access: allow.staff(['admin'], 'any') },
    },
    async (): Promise<SecurityPolicy> => ({
      columns: [...ACCESS_COLUMNS],
      operations: app.accessTable().map((route) => ({
        operationId: route.operationId,
        method: route.method,
        path: route.url,
        rule: route.access as SecurityPolicy['operations'][number]['rule'],
        allowed: Object.fromEntries(ACCESS_COLUMNS.map((column) => [column, columnAllowed(route.access, column, route.url.includes(':hallId'))])) as Record<AccessColumn, boolean>,
      })),
    }),
  );

  app.get(
    '/api/audit-log',
    {
      schema: {
        operationId: 'listAuditLog',
        tags: ['admin'],
        summary: "Every staff action, newest first: who, what, when, which hall, before and after. A hall's admin reads their hall's",
        querystring: AuditLogQuerySchema,
        response: { 200: AuditLogResponseSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: allow.hallFiltered(['admin']) },
    },
    async (request) => {
      const ownHall = request.staff!.hallId;
      if (ownHall !== null && request.query.hallId !== undefined && request.query.hallId !== ownHall) {
        throw new DomainError(403, 'FORBIDDEN', `You may read the audit log of your own hall (${ownHall}) only`);
      }
      const { from, to } = request.query;
      if (from && to && Date.parse(from) > Date.parse(to)) throw invalidField('to', { zh: '截止时间不能早于起始时间', en: 'must not be before querystring/from' }, 'querystring');
      return auditEntries(app.store.db, { ...request.query, hallId: ownHall ?? request.query.hallId, limit: request.query.limit ?? 100 });
    },
  );
};

export default trustRoutes;
