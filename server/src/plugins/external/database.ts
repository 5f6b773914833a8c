import fp from 'fastify-plugin';
import { openDatabase, type Database_ } from '../../db/connection.ts';
import type { Clock } from '../../core/clock.ts';
import { CommandRunner, nullPublisher } from '../../core/command-runner.ts';

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
    app.decorate('commands', new CommandRunner(store.db, options.clock, nullPublisher));
    app.addHook('onClose', async () => {
      store.sqlite.close();
    });
  },
  { name: 'database' },
);
