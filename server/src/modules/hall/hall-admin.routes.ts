import {
  CreateCategoryBodySchema,
  CreateHallBodySchema,
  CreateWindowBodySchema,
  HallConfigurationSchema,
  HallParamsSchema,
  UpdateWindowCategoriesBodySchema,
  WindowParamsSchema,
  CategoryParamsSchema,
  UpdateCategoryBodySchema,
  UpdateWindowBodySchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../errors.schemas.ts';
import { createCategory, createHall, createWindow, hallConfiguration, updateCategory, updateWindow, updateWindowCategories } from './hall-admin.service.ts';
import { allow } from '../../plugins/app/auth.ts';

const CONFIGURERS = ['admin', 'supervisor'] as const;

/** Setting up halls, their queues (categories) and their windows. */
const hallAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/halls',
    {
      schema: {
        operationId: 'createHall',
        tags: ['admin'],
        summary: 'Create a hall of the city',
        body: CreateHallBodySchema,
        response: { 201: HallConfigurationSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: { access: allow.staff(['admin'], 'city') },
    },
    async (request, reply) =>
      // The hall's first event (seq 1) is appended in the same transaction that inserts it.
      app.command(request, reply, { hallId: request.body.id, status: 201 }, (ctx) => createHall(ctx, request.body)),
  );

  app.get(
    '/api/halls/:hallId/configuration',
    {
      schema: {
        operationId: 'getHallConfiguration',
        tags: ['admin'],
        summary: "A hall's settings, categories and windows",
        params: HallParamsSchema,
        response: { 200: HallConfigurationSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['admin', 'supervisor', 'door', 'clerk']) },
    },
    async (request) => hallConfiguration(app.store.db, request.params.hallId),
  );

  app.post(
    '/api/halls/:hallId/categories',
    {
      schema: {
        operationId: 'createCategory',
        tags: ['admin'],
        summary: 'Add a service category (a queue with its ticket prefix letter)',
        params: HallParamsSchema,
        body: CreateCategoryBodySchema,
        response: { 201: HallConfigurationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CONFIGURERS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId, status: 201 }, (ctx) => createCategory(ctx, hallId, request.body));
    },
  );

  app.post(
    '/api/halls/:hallId/windows',
    {
      schema: {
        operationId: 'createWindow',
        tags: ['admin'],
        summary: 'Add a window (counter) serving an ordered list of categories',
        params: HallParamsSchema,
        body: CreateWindowBodySchema,
        response: { 201: HallConfigurationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CONFIGURERS) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId, status: 201 }, (ctx) => createWindow(ctx, hallId, request.body));
    },
  );

  app.put(
    '/api/halls/:hallId/windows/:windowId/categories',
    {
      schema: {
        operationId: 'updateWindowCategories',
        tags: ['admin'],
        summary: 'Change which categories a window serves, most preferred first',
        params: WindowParamsSchema,
        body: UpdateWindowCategoriesBodySchema,
        response: { 200: HallConfigurationSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(CONFIGURERS) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateWindowCategories(ctx, hallId, windowId, request.body.categoryIds));
    },
  );

  app.patch(
    '/api/halls/:hallId/categories/:categoryId',
    {
      schema: {
        operationId: 'updateCategory',
        tags: ['admin'],
        summary: 'Rename, reorder or retire a queue; its tickets keep it and past reports name it',
        params: CategoryParamsSchema,
        body: UpdateCategoryBodySchema,
        response: { 200: HallConfigurationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CONFIGURERS) },
    },
    async (request, reply) => {
      const { hallId, categoryId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateCategory(ctx, hallId, categoryId, request.body));
    },
  );

  app.patch(
    '/api/halls/:hallId/windows/:windowId',
    {
      schema: {
        operationId: 'updateWindow',
        tags: ['admin'],
        summary: 'Take a closed window out of service (it cannot be opened), or back into service',
        params: WindowParamsSchema,
        body: UpdateWindowBodySchema,
        response: { 200: HallConfigurationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(CONFIGURERS) },
    },
    async (request, reply) => {
      const { hallId, windowId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => updateWindow(ctx, hallId, windowId, request.body.retired));
    },
  );
};

export default hallAdminRoutes;
