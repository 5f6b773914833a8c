import { fieldRefusal } from '@hallflow/shared/i18n';
import type { CommandContext } from './command-runner.ts';

/**
 * A refusal the user can act on: a rule said no, or something does not exist.
 * The central error handler turns it into a JSON response with its status and
 * message; anything else becomes a 500 without details.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 422 | 429,
    readonly code: string,
    message: string,
    /** What the apps' catalogue fills its text for `code` with (shared/src/i18n/errors.ts). */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * A refusal that still records something (B6: the door keeps an on-time
 * appointment open for a visitor it sent back). The command's own changes are
 * undone as for any refusal; `record` then runs in the same transaction, and
 * the refusal is answered only after that commits.
 */
export class RecordedRefusal extends DomainError {
  constructor(
    refusal: DomainError,
    readonly record: (ctx: CommandContext) => void,
  ) {
    super(refusal.statusCode, refusal.code, refusal.message, refusal.params);
  }
}

export const notFound = (what: string, id: string) => new DomainError(404, 'NOT_FOUND', `${what} ${id} not found`);
export const conflict = (code: string, message: string) => new DomainError(409, code, message);
export const badRequest = (code: string, message: string) => new DomainError(400, code, message);

/** EM1: a field refused by one of the hall's own rules (not the schema); the apps say `detail` in the reader's language. */
export function invalidField(field: string, detail: { zh: string; en: string }, context: 'body' | 'querystring' | 'params' = 'body'): DomainError {
  const refusal = fieldRefusal(`${context}/${field}`, detail);
  return new DomainError(400, 'VALIDATION_ERROR', refusal.message, refusal.params);
}
