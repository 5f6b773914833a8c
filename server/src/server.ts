import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import app, { httpOptions, type FirstStart } from './app.ts';
import relayApp from './relay/relay-app.ts';
import { EnvError, loadEnv, trustedProxies } from './config/env.ts';
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

  let https: { cert: Buffer; key: Buffer } | null = null;
  if (env.TLS_CERT_FILE && env.TLS_KEY_FILE) {
    try {
      https = { cert: readFileSync(env.TLS_CERT_FILE), key: readFileSync(env.TLS_KEY_FILE) };
    } catch (error) {
      console.error(`Invalid environment: TLS_CERT_FILE / TLS_KEY_FILE: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  // The app is the same plugin either way; only the listening socket differs (Fastify's types model HTTPS as another server type).
  // TRUST_PROXY: a primary believes X-Forwarded-For only from its relays (and a hall's own reverse proxy).
  const trustProxy = trustedProxies(env);
  const fastify = Fastify({ ...httpOptions, trustProxy, logger: { level: env.LOG_LEVEL }, ...(https ? { https } : {}) } as Parameters<typeof Fastify>[0]);
  const clock = env.CLOCK_START ? offsetClock(new Date(env.CLOCK_START), env.CLOCK_SPEED) : systemClock;
  let firstStart: FirstStart | undefined;
  if (env.ROLE === 'relay') await fastify.register(relayApp, { env, clock });
  else await fastify.register(app, { env, clock, onFirstStart: (created) => (firstStart = created) });

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
  const base = `${https ? 'https' : 'http'}://localhost:${port}`;
  const lines = [
    '',
    `HallFlow is running 政务大厅排队与人流管控系统已启动${env.ROLE === 'single' ? '' : ` (${env.ROLE}${env.ROLE === 'relay' ? ` of ${env.PRIMARY_URL}` : ''})`}`,
    `  Landing page     ${base}/`,
    `  Door check-in    ${base}/checkin/`,
    `  Visitor booking  ${base}/checkin/book`,
    `  Clerk console    ${base}/clerk/`,
    `  Screens          ${base}/display/`,
    `  API docs         ${base}/api/docs`,
  ];
  const demo = firstStart?.demo;
  if (demo) {
    lines.push('', '  Demo screens (an admin finds these links again in the clerk console, 人员与屏幕 Staff & screens):');
    for (const screen of demo.screens) {
      const page = screen.windowNumber === null ? screen.kind : `${screen.kind}/${screen.windowNumber}`;
      const label = screen.windowNumber === null ? screen.kind : `${screen.kind} ${screen.windowNumber}`;
      lines.push(`  Demo ${label.padEnd(10)} ${base}/display/${page}?device=${screen.token}`);
    }
  }
  if (firstStart?.admin) {
    lines.push('', `  First admin account (shown only this once): ${firstStart.admin.username} / ${firstStart.admin.password}`);
  }
  if (demo) {
    lines.push('  Demo accounts of the demo hall (shown only this once):');
    for (const account of demo.accounts) lines.push(`    ${account.role.padEnd(10)} ${account.username} / ${account.password}`);
  }
  if (firstStart) lines.push('  Keep these: the passwords are not stored in clear and cannot be shown again.');
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
