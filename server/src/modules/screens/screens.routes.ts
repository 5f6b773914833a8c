import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DomainError } from '../../core/errors.ts';
import { bearerToken } from '../../plugins/app/auth.ts';
import { deviceForToken } from '../auth/staff.repository.ts';
import { errorResponses } from '../errors.schemas.ts';

const DeviceSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('lobby'), Type.Literal('window'), Type.Literal('outdoor'), Type.Literal('rating')]),
});

/** What a paired screen needs to find its hall. */
const screensRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/devices/me',
    {
      schema: {
        operationId: 'getDevice',
        tags: ['screens'],
        summary: 'The screen device this token belongs to, and its hall',
        response: { 200: DeviceSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const token = bearerToken(request);
      const device = token ? deviceForToken(app.store.db, token) : null;
      if (!device) throw new DomainError(401, 'UNAUTHORIZED', 'Unknown or revoked device token: pair this screen again (createDevice)');
      return { id: device.id, hallId: device.hallId, name: device.name, kind: device.kind };
    },
  );
};

export default screensRoutes;
