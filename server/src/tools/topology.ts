/**
 * `pnpm topology`: a city on one machine, as it would run on several: Redis,
 * one primary (the SQLite store) and two relays (screens' and phones'
 * connections), each its own process. Ctrl-C stops them all.
 *
 * BASE_PORT (default 3000): the primary listens there, the relays on the next
 * two ports; REDIS_PORT (default 6390) for the Redis it starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = resolve(fileURLToPath(import.meta.url), '../../..');
const basePort = Number(process.env.BASE_PORT ?? 3000);
const redisPort = Number(process.env.REDIS_PORT ?? 6390);
const secret = process.env.RELAY_SECRET ?? randomBytes(24).toString('base64url');
const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, { cwd: serverDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  const relay = (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, prefix));
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  child.once('exit', (code, signal) => {
    if (!stopping) console.log(`${prefix}exited (${signal ?? code}); the others keep running`);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start`);
}

let stopping = false;
function stopAll(): void {
  if (stopping) return;
  stopping = true;
  for (const child of children.toReversed()) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);

const redisUrl = `redis://127.0.0.1:${redisPort}`;
start('redis', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
const shared = { REDIS_URL: redisUrl, REDIS_PREFIX: 'hallflow', RELAY_SECRET: secret, HOST: '0.0.0.0' };
const primaryUrl = `http://127.0.0.1:${basePort}`;
await new Promise((r) => setTimeout(r, 300));
start('primary', process.execPath, ['--import', 'tsx', 'src/server.ts'], { ...shared, ROLE: 'primary', PORT: String(basePort), TRUST_PROXY: '127.0.0.1' });
await waitFor(`${primaryUrl}/api/health`, 'the primary');
for (const offset of [1, 2]) {
  const port = basePort + offset;
  start(`relay ${offset}`, process.execPath, ['--import', 'tsx', 'src/server.ts'], { ...shared, ROLE: 'relay', PORT: String(port), PRIMARY_URL: primaryUrl });
  await waitFor(`http://127.0.0.1:${port}/relay/health`, `relay ${offset}`);
}
console.log(
  [
    '',
    'HallFlow topology is running: Redis, one primary, two relays',
    `  Redis     ${redisUrl}`,
    `  Primary   http://localhost:${basePort}/   (store, commands; staff apps may use it directly)`,
    `  Relay 1   http://localhost:${basePort + 1}/   (screens and phones; API forwarded to the primary)`,
    `  Relay 2   http://localhost:${basePort + 2}/`,
    '  Point screens at either relay (or a load balancer over both). Ctrl-C stops everything.',
    '',
  ].join('\n'),
);
