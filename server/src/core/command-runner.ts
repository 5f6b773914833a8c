import type { HallEvent, HallEventEnvelope } from '@hallflow/shared';
import type { Db, Tx } from '../db/connection.ts';
import type { Clock } from './clock.ts';
import type Database from 'better-sqlite3';
import { connectionOf } from '../db/prepared.ts';
import { RecordedRefusal } from './errors.ts';
import { appendEvent } from './event-log.ts';

/** Where committed events go; only the realtime plugin knows it is Socket.IO. */
export interface EventPublisher {
  publish(envelopes: readonly HallEventEnvelope[]): void;
}

/** Adds what the server derives to an event before it is logged (the queue figures a ticket event changed). */
export type EventEnricher = (tx: Tx, hallId: string, event: HallEvent, now: Date) => HallEvent;

/** What a command may say about itself for the audit log (AU1): the state before and after, when it changed settings. */
export interface AuditNote {
  before?: unknown;
  after?: unknown;
}

/** What a command sees: the transaction, the time of the command, and a way to record events. */
export interface CommandContext {
  tx: Tx;
  now: Date;
  emit(event: HallEvent): void;
  /** Appends an event to another hall's log (LV4: one change of level for a district or the city moves each of its halls). */
  emitTo(hallId: string, event: HallEvent): void;
  /** Describe the change for the audit log; without it the log keeps the request itself. */
  audit(note: AuditNote): void;
}

/** What the transaction produced, for the caller to finish within it (serialise, audit, remember the answer). */
export interface CommandOutcome<T> {
  value: T;
  audit: AuditNote | null;
}

/**
 * B6: what the caller makes of a refusal that recorded something, within the
 * transaction that commits the record (the HTTP layer audits it and keeps its
 * answer for a retry). Without it, the refusal is thrown after the commit.
 */
export type RefusalFinish<R> = (refusal: RecordedRefusal, audit: AuditNote | null, tx: Tx, now: Date) => R;

/**
 * One command's end within a transaction: its answer and events, or the error
 * it failed with (its changes undone), with the events of what a refusal
 * recorded (B6).
 */
type Attempt<R> = { ok: true; value: R; envelopes: HallEventEnvelope[] } | { ok: false; error: unknown; envelopes: HallEventEnvelope[] };

/**
 * Runs one command: a single IMMEDIATE transaction (so concurrent commands,
 * also from other nodes on the same file, queue instead of interleaving),
 * events appended inside it, and published only after commit. If the command
 * or `finish` throws, nothing is written and nothing is sent.
 */
export class CommandRunner {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private publisher: EventPublisher,
    private readonly enrich: EventEnricher = (_tx, _hallId, event) => event,
  ) {}

  setPublisher(publisher: EventPublisher): void {
    this.publisher = publisher;
  }

  /** A command of one hall (its events take that hall's next seqs). */
  run<T>(hallId: string, command: (ctx: CommandContext) => T): T {
    return this.runAndFinish(hallId, command, (outcome) => outcome.value);
  }

  /**
   * A command and the work that must commit or fail with it: `finish` runs in
   * the same transaction after the command (the HTTP layer serialises the
   * answer there, so an answer that cannot be written rolls the change back).
   * `hallId` null: a change of no hall (accounts), which may not emit events.
   */
  runAndFinish<T, R>(hallId: string | null, command: (ctx: CommandContext) => T, finish: (outcome: CommandOutcome<T>, tx: Tx, now: Date) => R, refused?: RefusalFinish<R>): R {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.#runOnce(hallId, command, finish, refused);
      } catch (error) {
        // Another process held the write lock for longer than busy_timeout. Nothing was
        // written (BEGIN IMMEDIATE failed before the command ran), so it is safe to try again.
        if (!isBusy(error) || attempt >= MAX_BUSY_ATTEMPTS) throw error;
      }
    }
  }

  /** What a command sees in `tx`, its events collected in `envelopes`, and the audit note it left. */
  #context(tx: Tx, now: Date, hallId: string | null, envelopes: HallEventEnvelope[]): { ctx: CommandContext; audit: () => AuditNote | null } {
    let audit: AuditNote | null = null;
    const ctx: CommandContext = {
      tx,
      now,
      emit: (event) => {
        if (hallId === null) throw new Error(`A command of no hall cannot emit ${event.type}`);
        envelopes.push(appendEvent(tx, hallId, this.enrich(tx, hallId, event, now), now));
      },
      emitTo: (target, event) => {
        envelopes.push(appendEvent(tx, target, this.enrich(tx, target, event, now), now));
      },
      audit: (note) => {
        audit = { ...audit, ...note };
      },
    };
    return { ctx, audit: () => audit };
  }

  /** B6: what a refusal records, in `tx`, and what the caller makes of it (undefined without `refused`). */
  #record<R>(tx: Tx, now: Date, hallId: string | null, refusal: RecordedRefusal, refused: RefusalFinish<R> | undefined, envelopes: HallEventEnvelope[]): R | undefined {
    const { ctx, audit } = this.#context(tx, now, hallId, envelopes);
    refusal.record(ctx);
    return refused?.(refusal, audit(), tx, now);
  }

  /**
   * One command and its finish in a savepoint of `tx`: a refusal or a failure
   * undoes that command only. A refusal that records something (B6) then runs
   * its record in a savepoint of its own, which commits with the transaction.
   */
  #attempt<T, R>(tx: Tx, now: Date, hallId: string | null, command: (ctx: CommandContext) => T, finish: (outcome: CommandOutcome<T>, tx: Tx, now: Date) => R, refused: RefusalFinish<R> | undefined): Attempt<R> {
    const envelopes: HallEventEnvelope[] = [];
    try {
      const value = inSavepoint(tx, () => {
        const { ctx, audit } = this.#context(tx, now, hallId, envelopes);
        const commandValue = command(ctx);
        return finish({ value: commandValue, audit: audit() }, tx, now);
      });
      return { ok: true, value, envelopes };
    } catch (error) {
      if (!(error instanceof RecordedRefusal)) return { ok: false, error, envelopes: [] };
      const recorded: HallEventEnvelope[] = [];
      try {
        const answer = inSavepoint(tx, () => this.#record(tx, now, hallId, error, refused, recorded));
        return refused ? { ok: true, value: answer as R, envelopes: recorded } : { ok: false, error, envelopes: recorded };
      } catch (failure) {
        return { ok: false, error: failure, envelopes: [] };
      }
    }
  }

  #runOnce<T, R>(hallId: string | null, command: (ctx: CommandContext) => T, finish: (outcome: CommandOutcome<T>, tx: Tx, now: Date) => R, refused: RefusalFinish<R> | undefined): R {
    const now = this.clock.now();
    let envelopes: HallEventEnvelope[] = [];
    try {
      const result = this.db.transaction(
        (tx) => {
          envelopes = [];
          const { ctx, audit } = this.#context(tx, now, hallId, envelopes);
          const value = command(ctx);
          return finish({ value, audit: audit() }, tx, now);
        },
        { behavior: 'immediate' },
      );
      if (envelopes.length > 0) this.publisher.publish(envelopes);
      return result;
    } catch (error) {
      if (!(error instanceof RecordedRefusal)) throw error;
      // B6: the command's own changes went with its transaction; what the refusal records commits in one of its own.
      const answered = this.db.transaction(
        (tx) => {
          envelopes = [];
          const answer = this.#record(tx, now, hallId, error, refused, envelopes);
          return refused ? { answer: answer as R } : null;
        },
        { behavior: 'immediate' },
      );
      if (envelopes.length > 0) this.publisher.publish(envelopes);
      if (!answered) throw error;
      return answered.answer;
    }
  }

  #group: Grouped[] = [];

  /**
   * R7 (group commit): like `runAndFinish`, but commands that arrive in the
   * same turn of the event loop share one transaction and one fsync. Each runs
   * in a savepoint of its own, so one that fails rolls back alone; each is
   * answered only after the shared commit, and their events are published in
   * commit order after it.
   */
  runGrouped<T, R>(hallId: string | null, command: (ctx: CommandContext) => T, finish: (outcome: CommandOutcome<T>, tx: Tx, now: Date) => R, refused?: RefusalFinish<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#group.push({ hallId, command, finish, refused, resolve: resolve as (value: unknown) => void, reject } as Grouped);
      if (this.#group.length === 1) setImmediate(() => this.#flushGroup());
    });
  }

  #flushGroup(): void {
    const group = this.#group;
    this.#group = [];
    for (let attempt = 1; ; attempt++) {
      const now = this.clock.now();
      let attempts: Attempt<unknown>[] = [];
      try {
        this.db.transaction(
          (tx) => {
            attempts = group.map((item) => this.#attempt(tx, now, item.hallId, item.command, item.finish, item.refused));
          },
          { behavior: 'immediate' },
        );
      } catch (error) {
        if (isBusy(error) && attempt < MAX_BUSY_ATTEMPTS) continue;
        // Nothing of the group was committed: every command is told so.
        for (const item of group) item.reject(error);
        return;
      }
      const published = attempts.flatMap((outcome) => outcome.envelopes);
      if (published.length > 0) this.publisher.publish(published);
      group.forEach((item, i) => {
        const outcome = attempts[i]!;
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
      return;
    }
  }
}

interface Grouped {
  hallId: string | null;
  command: (ctx: CommandContext) => unknown;
  finish: (outcome: CommandOutcome<unknown>, tx: Tx, now: Date) => unknown;
  refused: RefusalFinish<unknown> | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_BUSY_ATTEMPTS = 5;

/**
 * Runs `body` in a savepoint of `tx`'s connection: released when it returns,
 * rolled back to (and released) when it throws. R10: drizzle's nested
 * `tx.transaction` builds a new transaction object per call, query builders
 * for every table included, which cost more than the savepoint itself; the
 * command runs on the group's own `tx` instead (a command that opens a
 * nested transaction of its own still gets drizzle's `sp0`, inside this one).
 */
function inSavepoint<R>(tx: Tx, body: () => R): R {
  const sqlite = connectionOf(tx) as Database.Database;
  sqlite.prepare('SAVEPOINT command').run();
  let result: R;
  try {
    result = body();
  } catch (error) {
    sqlite.prepare('ROLLBACK TO command').run();
    sqlite.prepare('RELEASE command').run();
    throw error;
  }
  sqlite.prepare('RELEASE command').run();
  return result;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export const nullPublisher: EventPublisher = { publish: () => undefined };
