#!/usr/bin/env node
// `pnpm start`: build the three apps when their build is missing or older than
// their sources, then run the server in this process's place.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apps = ['display', 'clerk-console', 'checkin'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const stale = apps.filter((app) => {
  const built = join(root, app, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  // The app's own sources, the shared code, and the files every app copies in (the favicon).
  const sources = Math.max(newestMtime(join(root, app, 'src')), newestMtime(join(root, app, 'index.html')), newestMtime(join(root, 'shared', 'src')), newestMtime(join(root, 'shared', 'public')));
  return sources > statSync(built).mtimeMs;
});
if (stale.length > 0) {
  console.log(`Building ${stale.join(', ')} …`);
  execSync('pnpm build', { cwd: root, stdio: 'inherit' });
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: join(root, 'server'),
  stdio: 'inherit',
  env: { DATABASE_PATH: join(root, 'data', 'hallflow.db'), ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
