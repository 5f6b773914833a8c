import { CategoryViewSchema, EntryRulesSchema, HallSnapshotSchema, PublicHallStateSchema, entryRules } from '@hallflow/shared';
import { HallParamsSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../errors.schemas.ts';
import { publicSnapshot } from './audience-snapshots.repository.ts';
import { screeningPolicy } from './hall-policy.ts';
import { getHallRow, hallCategories, hallSnapshot, listHalls } from './hall.repository.ts';
import { allow, ALL_STAFF, ALL_SCREENS } from '../../plugins/app/auth.ts';

/** A hall as visitors choose it: its names and its address (A20: the booking confirmation names it). */
const HallSummarySchema = Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String(), address: Type.String() });
/** The hall as the booking page shows it: where it is and what the door asks of visitors (S11). */
const CatalogueHallSchema = Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String(), address: Type.String(), timezone: Type.String(), entryRules: EntryRulesSchema });

const hallRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  app.get(
    '/api/halls',
    {
      schema: {
        operationId: 'listHalls',
        tags: ['halls'],
        summary: 'The halls of the city (public)',
        response: { 200: Type.Array(HallSummarySchema), ...errorResponses(429) },
      },
      config: { access: allow.public(), rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async () => listHalls(app.store.db),
  );

  app.get(
    '/api/halls/:hallId/catalogue',
    {
      schema: {
        operationId: 'getCatalogue',
        tags: ['halls'],
        summary: "The hall's services (categories with their ticket letter), for booking (public)",
        params: HallParamsSchema,
        response: { 200: Type.Object({ hall: CatalogueHallSchema, categories: Type.Array(CategoryViewSchema) }), ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      const hall = getHallRow(app.store.db, request.params.hallId);
      const hallInfo = { id: hall.id, name: hall.name, nameEn: hall.nameEn, address: hall.address, timezone: hall.timezone, entryRules: entryRules(screeningPolicy(hall.settings)) };
      // CA5: a retired queue takes no new bookings.
      return { hall: hallInfo, categories: hallCategories(app.store.db, hall.id).filter((c) => !c.retired) };
    },
  );

  app.get(
    '/api/halls/:hallId/snapshot',
    {
      schema: {
        operationId: 'getHallSnapshot',
        tags: ['halls'],
        summary: "The hall's current state and the seq it is as of: staff read the staff snapshot, a paired screen the public one (PV1)",
        params: HallParamsSchema,
        response: { 200: Type.Union([HallSnapshotSchema, PublicHallStateSchema]), ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.hallReaders(ALL_STAFF, ALL_SCREENS) },
    },
    async (request) => {
      const { hallId } = request.params;
      getHallRow(app.store.db, hallId);
      return request.principal.kind === 'staff' ? hallSnapshot(app.store.db, hallId, app.clock.now()) : publicSnapshot(app.store.db, hallId, app.clock.now());
    },
  );
};

export default hallRoutes;
