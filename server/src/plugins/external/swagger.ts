import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/**
 * OpenAPI from the route schemas. Only tagged routes are documented: the API
 * is tagged; static files and the docs UI are not.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'HallFlow API',
          description: 'Hall queue and crowd control for government service halls. Commands over HTTP; events over Socket.IO.',
          version: '0.1.0',
        },
        components: {
          securitySchemes: {
            staffSession: { type: 'http', scheme: 'bearer', description: 'Token from `login`' },
            deviceToken: { type: 'http', scheme: 'bearer', description: 'Screen device token (read-only)' },
          },
        },
      },
      hideUntagged: true,
    });
    // The docs page brings its own, looser policy for its own pages (inline scripts of Swagger UI). Swagger UI also sets
    // inline styles, which a style hash cannot allow (a hash turns 'unsafe-inline' off): its styles are allowed inline,
    // as on the apps' pages (AC6); like them it is never framed and never upgraded to HTTPS by policy (halls may run HTTP).
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      transformStaticCSP: (header) =>
        header
          .split(';')
          .map((directive) => directive.trim())
          .filter((directive) => directive && directive !== 'upgrade-insecure-requests')
          .map((directive) => (directive.startsWith('style-src ') ? "style-src 'self' 'unsafe-inline'" : directive.startsWith('frame-ancestors ') ? "frame-ancestors 'none'" : directive))
          .join('; '),
    });
    app.get(
      '/api/openapi.json',
      { schema: { operationId: 'getOpenApi', tags: ['meta'], summary: 'The OpenAPI document of this API' }, config: { access: { kind: 'public' } } },
      async () => app.swagger(),
    );
  },
  { name: 'swagger' },
);
