import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PROTOCOL_VERSION } from '@hallflow/shared';
import { Type } from '@sinclair/typebox';
import { allow } from '../../plugins/app/auth.ts';

const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  protocolVersion: Type.Integer(),
  time: Type.String({ format: 'date-time' }),
});

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      schema: { operationId: 'getHealth', tags: ['meta'], summary: 'Liveness, the realtime protocol version and server time', response: { 200: HealthSchema } },
      config: { access: allow.public() },
    },
    async () => {
      app.store.sqlite.prepare('select 1').get();
      return { status: 'ok' as const, protocolVersion: PROTOCOL_VERSION, time: app.clock.now().toISOString() };
    },
  );
};

export default healthRoutes;
