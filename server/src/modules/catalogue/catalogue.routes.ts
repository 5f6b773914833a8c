import {
  BundleParamsSchema,
  CatalogueQuerySchema,
  CreateBundleBodySchema,
  CreateServiceItemBodySchema,
  HallParamsSchema,
  ItemParamsSchema,
  RecordCaseNumberBodySchema,
  ServiceBundleSchema,
  ServiceCatalogueSchema,
  ServiceItemSchema,
  TicketItemsSchema,
  TicketParamsSchema,
  UpdateBundleBodySchema,
  UpdateServiceItemBodySchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { ticketRow } from '../tickets/ticket.repository.ts';
import { catalogueOf, ticketItemsView } from './catalogue.repository.ts';
import { createBundle, createServiceItem, recordCaseNumber, updateBundle, updateServiceItem } from './catalogue-admin.service.ts';
import { allow } from '../../plugins/app/auth.ts';

/** CA1: who keeps a hall's catalogue. */
const CATALOGUE_KEEPERS = ['admin', 'supervisor'] as const;

const catalogueRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  app.get(
    '/api/halls/:hallId/services',
    {
      schema: {
        operationId: 'getServiceCatalogue',
        tags: ['halls'],
        summary: 'Service items (事项) with materials and typical time, and 一件事 bundles (public; retired ones only with ?retired=true)',
        params: HallParamsSchema,
        querystring: CatalogueQuerySchema,
        response: { 200: ServiceCatalogueSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      getHallRow(app.store.db, request.params.hallId);
      return catalogueOf(app.store.db, request.params.hallId, request.query.retired === true);
    },
  );

  app.post(
    '/api/halls/:hallId/services/items',
    {
      schema: {
        operationId: 'createServiceItem',
        tags: ['catalogue'],
        summary: 'Add a service item (事项): names, queue, materials, typical time, before figures and legal time limit',
        params: HallParamsSchema,
        body: CreateServiceItemBodySchema,
        response: { 201: ServiceItemSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(CATALOGUE_KEEPERS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId, status: 201 }, (ctx) => createServiceItem(ctx, hallId, request.body));
    },
  );

  app.patch(
    '/api/halls/:hallId/services/items/:itemId',
    {
      schema: {
        operationId: 'updateServiceItem',
        tags: ['catalogue'],
        summary: 'Rename, re-file, reorder, record before figures, retire or offer again a service item; its id and history stay',
        params: ItemParamsSchema,
        body: UpdateServiceItemBodySchema,
        response: { 200: ServiceItemSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CATALOGUE_KEEPERS) },
    },
    async (request, reply) => {
      const { hallId, itemId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateServiceItem(ctx, hallId, itemId, request.body));
    },
  );

  app.post(
    '/api/halls/:hallId/services/bundles',
    {
      schema: {
        operationId: 'createBundle',
        tags: ['catalogue'],
        summary: 'Add a 一件事 bundle: its items, one window (with its comprehensive queue) or routed, before figures',
        params: HallParamsSchema,
        body: CreateBundleBodySchema,
        response: { 201: ServiceBundleSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(CATALOGUE_KEEPERS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId, status: 201 }, (ctx) => createBundle(ctx, hallId, request.body));
    },
  );

  app.patch(
    '/api/halls/:hallId/services/bundles/:bundleId',
    {
      schema: {
        operationId: 'updateBundle',
        tags: ['catalogue'],
        summary: 'Change, reorder, record before figures, retire or offer again a 一件事 bundle; its id and history stay',
        params: BundleParamsSchema,
        body: UpdateBundleBodySchema,
        response: { 200: ServiceBundleSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(CATALOGUE_KEEPERS) },
    },
    async (request, reply) => {
      const { hallId, bundleId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateBundle(ctx, hallId, bundleId, request.body));
    },
  );

  app.get(
    '/api/halls/:hallId/tickets/:ticketId/items',
    {
      schema: {
        operationId: 'getTicketItems',
        tags: ['tickets'],
        summary: "A ticket's items with their progress, the merged materials checklist and its case number",
        params: TicketParamsSchema,
        response: { 200: TicketItemsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['clerk', 'supervisor', 'admin', 'door']) },
    },
    async (request) => {
      ticketRow(app.store.db, request.params.hallId, request.params.ticketId);
      return ticketItemsView(app.store.db, request.params.ticketId);
    },
  );

  app.put(
    '/api/halls/:hallId/tickets/:ticketId/case-number',
    {
      schema: {
        operationId: 'recordCaseNumber',
        tags: ['tickets'],
        summary: 'FR1: record the case number (办件编号) of the application this visit belongs to; visits with one number are one case',
        params: TicketParamsSchema,
        body: RecordCaseNumberBodySchema,
        response: { 200: Type.Object({ ticketId: Type.String(), caseNumber: Type.String() }), ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['clerk', 'supervisor', 'admin']) },
    },
    async (request, reply) => {
      const { hallId, ticketId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => recordCaseNumber(ctx, hallId, ticketId, request.body.caseNumber));
    },
  );
};

export default catalogueRoutes;
