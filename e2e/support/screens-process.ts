import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { PublicHallState } from '@hallflow/shared';
import { ROOT } from './server.ts';

export interface ScreensReport {
  clients: { seqs: number[]; calls: string[]; state: PublicHallState | null; node: number; moves: number }[];
}

export interface ScreensProcess {
  child: ChildProcess;
  ask<T>(message: object): Promise<T>;
  ready: Promise<void>;
}

const children: ChildProcess[] = [];

/** Kills every screens process still running (call from afterAll). */
export function killScreens(): void {
  for (const child of children.splice(0)) child.kill('SIGKILL');
}

/**
 * `count` screens of `hallId` in a process of their own (`sync-clients.ts`),
 * over one node or several (`urls`, spread and failing over in turn).
 */
export function screensProcess(urls: string | string[], token: string, count: number, options: { protocolVersion?: number; hallId?: string } = {}): ScreensProcess {
  const args = [[urls].flat().join(','), token, String(count), options.protocolVersion === undefined ? '' : String(options.protocolVersion), options.hallId ?? 'demo'];
  const child = fork(join(ROOT, 'e2e', 'support', 'sync-clients.ts'), args, {
    execArgv: ['--import', 'tsx'],
    cwd: join(ROOT, 'e2e'),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.once('exit', (code) => {
    if (code) console.error(`screens process exited with ${code}: ${errors}`);
  });
  children.push(child);
  const ask = <T>(message: object): Promise<T> =>
    new Promise((resolve) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message);
    });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`screens process exited with ${code}`)));
  });
  return { child, ask, ready };
}

/** Polls `condition` until it holds, failing after `ms` with what was awaited. */
export async function until(condition: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
