import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import app, { httpOptions } from './app.ts';
import { EnvError, loadEnv } from './config/env.ts';
import { offsetClock, systemClock } from './core/clock.ts';

/** Process concerns only: environment, logger, listen, graceful shutdown. */
async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (env.APPS_DIR === '..') env.APPS_DIR = resolve(fileURLToPath(import.meta.url), '../../..');

  const fastify = Fastify({ ...httpOptions, logger: { level: env.LOG_LEVEL } });
  const clock = env.CLOCK_START ? offsetClock(new Date(env.CLOCK_START)) : systemClock;
  let firstAdmin: { username: string; password: string } | undefined;
  await fastify.register(app, { env, clock, onFirstAdmin: (credentials) => (firstAdmin = credentials) });

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      fastify.log.info({ signal }, 'shutting down');
      fastify.close().then(
        () => process.exit(0),
        (error: unknown) => {
          fastify.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }

  await fastify.listen({ port: env.PORT, host: env.HOST });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    'HallFlow is running 政务大厅排队与人流管控系统已启动',
    `  Landing page     ${base}/`,
    `  Door check-in    ${base}/checkin/`,
    `  Visitor booking  ${base}/checkin/book`,
    `  Clerk console    ${base}/clerk/`,
    `  Screens          ${base}/display/`,
    `  API docs         ${base}/api/docs`,
  ];
  if (firstAdmin) {
    lines.push('', `  First admin account (shown only this once): ${firstAdmin.username} / ${firstAdmin.password}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
