import type { HallEvent, HallEventEnvelope } from '@hallflow/shared';
import type { Db, Tx } from '../db/connection.ts';
import type { Clock } from './clock.ts';
import { appendEvent } from './event-log.ts';

/** Where committed events go; only the realtime plugin knows it is Socket.IO. */
export interface EventPublisher {
  publish(envelopes: readonly HallEventEnvelope[]): void;
}

/** What a command sees: the transaction, the time of the command, and a way to record events. */
export interface CommandContext {
  tx: Tx;
  now: Date;
  emit(event: HallEvent): void;
}

/**
 * Runs one command for one hall: a single IMMEDIATE transaction (so
 * concurrent commands, also from other nodes on the same file, queue instead
 * of interleaving), events appended inside it, and published only after
 * commit. If the command throws, nothing is written and nothing is sent.
 */
export class CommandRunner {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private publisher: EventPublisher,
  ) {}

  setPublisher(publisher: EventPublisher): void {
    this.publisher = publisher;
  }

  run<T>(hallId: string, command: (ctx: CommandContext) => T): T {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.#runOnce(hallId, command);
      } catch (error) {
        // Another process held the write lock for longer than busy_timeout. Nothing was
        // written (BEGIN IMMEDIATE failed before the command ran), so it is safe to try again.
        if (!isBusy(error) || attempt >= MAX_BUSY_ATTEMPTS) throw error;
      }
    }
  }

  #runOnce<T>(hallId: string, command: (ctx: CommandContext) => T): T {
    const now = this.clock.now();
    let envelopes: HallEventEnvelope[] = [];
    const result = this.db.transaction(
      (tx) => {
        envelopes = [];
        const ctx: CommandContext = { tx, now, emit: (event) => envelopes.push(appendEvent(tx, hallId, event, now)) };
        return command(ctx);
      },
      { behavior: 'immediate' },
    );
    if (envelopes.length > 0) this.publisher.publish(envelopes);
    return result;
  }
}

const MAX_BUSY_ATTEMPTS = 5;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export const nullPublisher: EventPublisher = { publish: () => undefined };
