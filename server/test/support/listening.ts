import type { JoinResult } from '@hallflow/shared';
import { connectHall, type HallSocket } from '@hallflow/shared/realtime';
import { afterEach } from 'vitest';
import { ADMIN_PASSWORD, build, login } from '../helper.ts';

const sockets: { disconnect(): unknown }[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A HallFlow on a random port (for real Socket.IO clients), with the admin signed in. */
export async function listening(overrides: Record<string, string> = {}) {
  const test = await build(overrides);
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const address = test.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = await login(test.app, 'admin', ADMIN_PASSWORD);
  return { ...test, url, admin };
}

/** Disconnects a socket (any Socket.IO client) after the test. */
export function track<T extends { disconnect(): unknown }>(socket: T): T {
  sockets.push(socket);
  return socket;
}

/** A realtime client with a staff, screen or ticket credential, disconnected after the test. */
export function client(url: string, token: string, credential: 'staff' | 'device' | 'ticket' = 'staff'): HallSocket {
  const socket = connectHall({ url, credential, token });
  sockets.push(socket);
  return socket;
}

export function join(socket: HallSocket, lastSeq: number | null, hallId = 'demo'): Promise<JoinResult> {
  return new Promise((resolve) => socket.emit('hall:join', { hallId, lastSeq }, resolve));
}

export async function until(condition: () => boolean, what: string, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
