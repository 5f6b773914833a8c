import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/server.ts';

/** The browser tests drive the built apps: build them when a dist is missing. */
export default function setup(): void {
  const missing = ['display', 'clerk-console', 'checkin'].filter((app) => !existsSync(join(ROOT, app, 'dist', 'index.html')));
  if (missing.length > 0) execSync('pnpm build', { cwd: ROOT, stdio: 'inherit' });
}
