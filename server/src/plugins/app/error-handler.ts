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

/** The field a validation error names (its last path segment), what was wrong, and the limit, for the catalogue. */
function validationParams(item: ValidationItem | undefined): Record<string, string | number> {
  if (!item) return { field: 'body', rule: 'invalid' };
  const params = item.params as { additionalProperty?: string; missingProperty?: string; limit?: number };
  const name = params.missingProperty ?? params.additionalProperty ?? item.instancePath.split('/').filter((part) => part && !/^\d+$/.test(part)).at(-1) ?? 'body';
  const rule = item.keyword === 'additionalProperties' ? 'additionalProperties' : item.keyword;
  return { field: name, rule, ...(typeof params.limit === 'number' ? { limit: params.limit } : {}) };
}

/** A field named in a refusal's message ("body/idNumber …"): the catalogue says which, in the reader's language. */
function fieldOf(code: string, message: string): Record<string, string> | undefined {
  if (code !== 'VALIDATION_ERROR') return undefined;
  const match = /^(?:body|querystring|params)\/(\w+)/.exec(message);
  return match ? { field: match[1]!, rule: 'invalid' } : undefined;
}

/** A refusal as every route answers it: `{statusCode, code, error, message, params?}`. */
export function refusalBody(error: DomainError) {
  const params = error.params ?? fieldOf(error.code, error.message);
  return { statusCode: error.statusCode, code: error.code, error: REASON[error.statusCode] ?? 'Error', message: error.message, ...(params ? { params } : {}) };
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
      if (error instanceof DomainError) return reply.status(error.statusCode).send(refusalBody(error));
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
        return reply.status(400).send({ statusCode: 400, code: 'VALIDATION_ERROR', error: REASON[400], message, params: validationParams(error.validation[0]) });
      }
      // Fastify's own refusals get stable codes of ours (its FST_ERR_* codes name its internals, not the problem).
      const code = status === 429 ? 'RATE_LIMITED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      return reply.status(status).send({ statusCode: status, code, error: REASON[status] ?? 'Error', message: error.message });
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
