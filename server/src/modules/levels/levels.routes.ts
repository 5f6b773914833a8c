import { describeLevelRules, endOfLocalDay, levelAt, levelRules, type PreventionLevel } from '@hallflow/shared';
import {
  GreetVisitorBodySchema,
  GreetVisitorResponseSchema,
  HallParamsSchema,
  ListLevelChangesQuerySchema,
  ListLevelChangesResponseSchema,
  PreventionLevelQuerySchema,
  PreventionLevelStateSchema,
  SetPreventionLevelBodySchema,
  SetPreventionLevelResponseSchema,
  PolicyIfMatchHeadersSchema,
  UpdateLevelPresetsBodySchema,
} from '@hallflow/shared/api';
import { LevelPresetsSchema } from '@hallflow/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import { allow } from '../../plugins/app/auth.ts';
import { greetVisitor } from '../door/direct-admission.ts';
import { levelPresets, screeningPolicy } from '../hall/hall-policy.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { policyVersion, requirePolicyVersion } from '../hall/policy-version.ts';
import { rulesInForce } from '../hall/level-policy.ts';
import { saveHallPolicy } from '../hall/hall-admin.service.ts';
import { listChanges, pendingChanges } from './level-changes.repository.ts';
import { setPreventionLevel } from './levels.service.ts';

const SUPERVISORS = ['supervisor', 'admin'] as const;

/** LV1–LV8: the prevention level of a hall, of a district or of the city; its presets; its history. */
const levelsRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  app.get(
    '/api/halls/:hallId/prevention-level',
    {
      schema: {
        operationId: 'getPreventionLevel',
        tags: ['levels'],
        summary: "The hall's prevention level and the rules in force (or on `date`, for a booking's confirmation), its presets and the next scheduled change (public)",
        params: HallParamsSchema,
        querystring: PreventionLevelQuerySchema,
        response: { 200: PreventionLevelStateSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      const db = app.store.db;
      const hall = getHallRow(db, request.params.hallId);
      const now = app.clock.now();
      const presets = levelPresets(hall.settings);
      const pending = pendingChanges(db, hall.id);
      const current = hall.preventionLevel as PreventionLevel;
      // LV8: a visit's day is under the last change effective by the end of that day (local).
      const day = request.query.date ? endOfLocalDay(request.query.date, hall.timezone) : now;
      const level = levelAt(current, pending, now, day);
      // Now: what the hall's policies hold; another day: the preset of the level scheduled for it.
      const rules = level === current && day.getTime() <= now.getTime() ? levelRules(current, rulesInForce(hall.settings)) : levelRules(level, presets[level]);
      const next = pending[0] ? { toLevel: pending[0].toLevel, effectiveAt: pending[0].effectiveAt } : null;
      const presetsVersion = policyVersion(hall.settings, 'levels');
      return { hallId: hall.id, level, rules, lines: describeLevelRules(rules, screeningPolicy(hall.settings).feverThresholdC), presets, presetsVersion, next };
    },
  );

  app.post(
    '/api/prevention-levels',
    {
      schema: {
        operationId: 'setPreventionLevel',
        tags: ['levels'],
        summary: "Move a hall (its supervisors and admins), or every hall of a district or of the city (city-wide admins), to a prevention level, now or at `startsAt`, with a reason",
        body: SetPreventionLevelBodySchema,
        response: { 200: SetPreventionLevelResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(SUPERVISORS, 'any') },
    },
    async (request, reply) => {
      const staff = request.staff!;
      const { target } = request.body;
      // A hall's change is that hall's command; a district's or the city's writes to each hall's log itself.
      const hallId = 'hallId' in target ? target.hallId : null;
      if (hallId !== null && staff.hallId !== null && staff.hallId !== hallId) throw new DomainError(403, 'LEVEL_WRONG_HALL', 'You may set the level of your own hall only');
      if (hallId !== null) getHallRow(app.store.db, hallId);
      return app.command(request, reply, { hallId }, (ctx) => setPreventionLevel(ctx, request.body, { id: staff.id, username: staff.username, hallId: staff.hallId, role: staff.role }));
    },
  );

  app.get(
    '/api/prevention-levels/changes',
    {
      schema: {
        operationId: 'listPreventionLevelChanges',
        tags: ['levels'],
        summary: 'Prevention-level changes, newest first: who, when, why, from and to which level, applied or scheduled (a hall, or every hall for city-wide staff)',
        querystring: ListLevelChangesQuerySchema,
        response: { 200: ListLevelChangesResponseSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: allow.hallFiltered(SUPERVISORS) },
    },
    async (request) => {
      const staff = request.staff!;
      // AC2: staff of a hall read their own hall's changes whatever they ask for.
      const hallId = staff.hallId ?? request.query.hallId ?? null;
      return { changes: listChanges(app.store.db, hallId, request.query.limit ?? 50) };
    },
  );

  app.put(
    '/api/halls/:hallId/prevention-level/presets',
    {
      schema: {
        operationId: 'updatePreventionPresets',
        tags: ['levels'],
        summary:
          "Edit the hall's three level presets (checks, walk-ins, admission, extended hours); the next switch to a level applies its preset. With `If-Match` (`getPreventionLevel`'s `presetsVersion`), refused when the presets changed since (409 POLICY_CHANGED)",
        params: HallParamsSchema,
        headers: PolicyIfMatchHeadersSchema,
        body: UpdateLevelPresetsBodySchema,
        response: { 200: LevelPresetsSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(SUPERVISORS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => {
        requirePolicyVersion(ctx.tx, hallId, 'levels', request.headers['if-match']);
        saveHallPolicy(ctx, hallId, 'levels', request.body);
        return request.body;
      });
    },
  );

  app.post(
    '/api/halls/:hallId/door/greetings',
    {
      schema: {
        operationId: 'greetVisitor',
        tags: ['door'],
        summary: 'At a level with no checks (常态): count people in, and issue a ticket when a service is named; when the level admits by batch, the party goes to the holding area (LV12)',
        params: HallParamsSchema,
        body: GreetVisitorBodySchema,
        response: { 200: GreetVisitorResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(['door', 'supervisor', 'admin']) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => {
        const outcome = greetVisitor(ctx, hallId, request.body, request.staff!.id);
        ctx.audit({ after: { size: request.body.size, categoryId: request.body.categoryId, ticket: outcome.ticket?.number ?? null, held: outcome.held !== null } });
        return outcome;
      });
    },
  );
};

export default levelsRoutes;
