import { createHash } from 'node:crypto';
import type { Principal } from '@hallflow/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { and, eq } from 'drizzle-orm';
import type { AuditNote, CommandContext } from '../../core/command-runner.ts';
import { DomainError } from '../../core/errors.ts';
import type { Tx } from '../../db/connection.ts';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { appendAuditEntry } from '../../modules/trust/audit.repository.ts';
import { refusalBody } from './error-handler.ts';
import { redactPersonal } from './redact.ts';

export interface CommandOptions {
  /** The hall whose state and event log the command changes; null for changes of no hall (accounts). */
  hallId: string | null;
  /** The success status; its response schema serialises the answer. */
  status?: 200 | 201;
  /**
   * False for commands whose answer is a secret shown once (a session token,
   * a screen's token): it is never stored, so their Idempotency-Key is ignored.
   */
  replayable?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Runs a state-changing request as one transaction: the command, the
     * serialised answer, the audit entry (AU1) and the idempotency record
     * (IN5) commit together or not at all (IN4), then the answer is sent.
     */
    command<T>(request: FastifyRequest, reply: FastifyReply, options: CommandOptions, command: (ctx: CommandContext) => T): Promise<FastifyReply>;
  }
}

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

function callerOf(principal: Principal): string {
  switch (principal.kind) {
    case 'staff':
      return `staff:${principal.id}`;
    case 'device':
      return `device:${principal.id}`;
    case 'ticket':
      return `ticket:${principal.ticketId}`;
    case 'relay':
      return 'relay';
    case 'nobody':
      return 'public';
  }
}

function idempotencyKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  const key = Array.isArray(header) ? header[0] : header;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new DomainError(400, 'BAD_IDEMPOTENCY_KEY', 'headers/idempotency-key must be 8–128 characters of letters, digits and _ . : -');
  }
  return key;
}

/**
 * What the request was, to tell a retry from a new request under the same
 * key. Taken from the body with its secrets and personal fields redacted, so
 * nothing stored for a day can be worked back to a password or an ID number.
 */
function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]} ${JSON.stringify(redactPersonal(request.body ?? null))}`)
    .digest('hex');
}

type Answer = { status: number; body: string; replayed: boolean };

export default fp<{ grouping?: boolean }>(
  async (app, pluginOptions) => {
    const grouping = pluginOptions.grouping ?? true;
    app.decorate('command', async function command<T>(request: FastifyRequest, reply: FastifyReply, options: CommandOptions, run: (ctx: CommandContext) => T): Promise<FastifyReply> {
      const key = options.replayable === false ? null : idempotencyKeyOf(request);
      const caller = callerOf(request.principal);
      const fingerprint = key ? fingerprintOf(request) : '';
      const status = options.status ?? 200;
      const action = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId ?? request.routeOptions.url ?? '';

      const priorAnswer = (tx: Tx): Answer | null => {
        if (!key) return null;
        const prior = tx.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.caller, caller), eq(idempotencyKeys.key, key))).get();
        if (!prior) return null;
        if (prior.fingerprint !== fingerprint) {
          throw new DomainError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request; use a new key for a new request');
        }
        return { status: prior.status, body: prior.body, replayed: true };
      };

      // A retry of a command of no hall, or one already answered, is answered from the record without running again.
      let replay: Answer | null = null;
      // R7: commands arriving together share one commit (one fsync); each is answered after it.
      const execute = grouping ? app.commands.runGrouped.bind(app.commands) : async <C, R>(...args: Parameters<typeof app.commands.runAndFinish<C, R>>) => app.commands.runAndFinish(...args);
      const audit = (tx: Tx, now: Date, note: AuditNote | null) => {
        const principal = request.principal;
        if (principal.kind !== 'staff' || !request.staff) return;
        appendAuditEntry(tx, {
          at: now.toISOString(),
          hallId: options.hallId,
          staffId: principal.id,
          staffUsername: request.staff.username,
          staffRole: principal.role,
          action,
          target: redactPersonal(request.params ?? {}) as Record<string, unknown>,
          before: note?.before ?? null,
          after: note && 'after' in note ? note.after : redactPersonal(request.body ?? null),
        });
      };
      const remember = (tx: Tx, now: Date, answer: Answer): Answer => {
        if (key) tx.insert(idempotencyKeys).values({ caller, key, fingerprint, status: answer.status, body: answer.body, at: now.toISOString() }).run();
        return answer;
      };
      const answer = await execute<T | null, Answer>(
        options.hallId,
        (ctx) => {
          replay = priorAnswer(ctx.tx);
          return replay ? null : run(ctx);
        },
        (outcome, tx, now) => {
          if (replay) return replay;
          // Serialising inside the transaction: an answer that cannot be written rolls the change back (IN4).
          const body = reply.serializeInput(outcome.value as Record<string, unknown>, String(status)) as string;
          audit(tx, now, outcome.audit);
          return remember(tx, now, { status, body, replayed: false });
        },
        // B6: a refusal that recorded something is a change like any other: audited, and answered the same way to a retry.
        (refusal, note, tx, now) => {
          audit(tx, now, note);
          return remember(tx, now, { status: refusal.statusCode, body: JSON.stringify(refusalBody(refusal)), replayed: false });
        },
      );
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(answer.status).type('application/json; charset=utf-8').send(answer.body);
    });
  },
  { name: 'commands', dependencies: ['database', 'auth'] },
);
