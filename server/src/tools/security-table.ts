/**
 * Prints the access table (AC1) as the markdown docs/SECURITY.md states it,
 * from the routes' own declarations: `pnpm security:table`. The access test
 * checks every cell of the document against the running server.
 */
import { ACCESS_COLUMNS, columnAllowed } from '@hallflow/shared';
import Fastify from 'fastify';
import app, { httpOptions } from '../app.ts';
import { loadEnv } from '../config/env.ts';
import { ManualClock } from '../core/clock.ts';

export const ACCESS_TABLE_START = '<!-- access-table:start -->';
export const ACCESS_TABLE_END = '<!-- access-table:end -->';

export async function accessTableMarkdown(): Promise<string> {
  const env = loadEnv({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent', ADMIN_INITIAL_PASSWORD: 'table-only-password', APPS_DIR: '/nonexistent', HOUSEKEEPING_INTERVAL_MS: '0' });
  const instance = Fastify({ ...httpOptions, logger: false });
  await instance.register(app, { env, clock: new ManualClock('2026-11-25T02:00:00.000Z') });
  await instance.ready();
  const rows = instance
    .accessTable()
    .toSorted((a, b) => a.operationId.localeCompare(b.operationId))
    .map((route) => {
      const cells = ACCESS_COLUMNS.map((column) => (columnAllowed(route.access, column, route.url.includes(':hallId')) ? '✓' : '·'));
      return `| \`${route.operationId}\` | ${route.method} \`${route.url}\` | ${cells.join(' | ')} |`;
    });
  await instance.close();
  return [
    `| operation | route | ${ACCESS_COLUMNS.join(' | ')} |`,
    `| --- | --- | ${ACCESS_COLUMNS.map(() => ':-:').join(' | ')} |`,
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await accessTableMarkdown());
}
