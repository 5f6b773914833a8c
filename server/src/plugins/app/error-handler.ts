import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../core/errors.ts';

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

type ValidationItem = NonNullable<FastifyError['validation']>[number];

/** "body/people/0/temperature must be <= 45", "body/extra is not a known field", "body/name is required". */
export function validationMessage(context: string, items: readonly ValidationItem[]): string {
  return items
    .map((item) => {
      const path = `${context}${item.instancePath}`;
      const params = item.params as { additionalProperty?: string; missingProperty?: string };
      if (item.keyword === 'additionalProperties' && params.additionalProperty) return `${path}/${params.additionalProperty} is not a known field`;
      if (item.keyword === 'required' && params.missingProperty) return `${path}/${params.missingProperty} is required`;
      return `${path} ${item.message ?? 'is invalid'}`;
    })
    .join('; ');
}

/**
 * The one error handler. Every error leaves as
 * `{statusCode, code, error, message}`; 4xx messages say what is wrong (a
 * validation message names the field, e.g. "body/people/0/temperature must be
 * <= 45"); a 5xx never leaks its message.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
      if (error instanceof DomainError) {
        return reply
          .status(error.statusCode)
          .send({ statusCode: error.statusCode, code: error.code, error: REASON[error.statusCode] ?? 'Error', message: error.message });
      }
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        request.log.warn({ err: error }, 'database busy');
        return reply.status(503).send({ statusCode: 503, code: 'BUSY', error: 'Service Unavailable', message: 'The hall is very busy right now; nothing was changed. Please try again.' });
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.status(500).send({ statusCode: 500, code: 'INTERNAL', error: REASON[500], message: 'Something went wrong on the server; nothing was changed. Please try again.' });
      }
      if (error.validation) {
        const message = validationMessage(error.validationContext ?? 'body', error.validation);
        return reply.status(400).send({ statusCode: 400, code: 'VALIDATION_ERROR', error: REASON[400], message });
      }
      return reply.status(status).send({ statusCode: status, code: error.code ?? 'BAD_REQUEST', error: REASON[status] ?? 'Error', message: error.message });
    });

    app.setNotFoundHandler((request, reply) => {
      reply.status(404).send({
        statusCode: 404,
        code: 'ROUTE_NOT_FOUND',
        error: 'Not Found',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      });
    });
  },
  { name: 'error-handler' },
);
