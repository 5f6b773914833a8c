import fp from 'fastify-plugin';
import { openDatabase, type Database_ } from '../../db/connection.ts';
import type { Clock } from '../../core/clock.ts';
import { CommandRunner, nullPublisher, type EventEnricher } from '../../core/command-runner.ts';
import { businessDay } from '../../core/business-day.ts';
import { hallTimezone } from '../../modules/hall/hall.repository.ts';
import { withQueueFigures } from '../../modules/tickets/queue-stats.repository.ts';

/** Ticket events carry the figures of the queues they changed (E1, E2), computed in their transaction. */
const addQueueFigures: EventEnricher = (tx, hallId, event, now) => withQueueFigures(tx, hallId, event, businessDay(now, hallTimezone(tx, hallId)));

declare module 'fastify' {
  interface FastifyInstance {
    store: Database_;
    clock: Clock;
    commands: CommandRunner;
  }
}

export interface DatabasePluginOptions {
  path: string;
  clock: Clock;
}

/** Opens the SQLite store of record, applies migrations, and closes it with the app. */
export default fp<DatabasePluginOptions>(
  async (app, options) => {
    const store = openDatabase(options.path);
    app.decorate('store', store);
    app.decorate('clock', options.clock);
    app.decorate('commands', new CommandRunner(store.db, options.clock, nullPublisher, addQueueFigures));
    app.addHook('onClose', async () => {
      store.sqlite.close();
    });
  },
  { name: 'database' },
);
