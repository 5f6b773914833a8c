import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from './protocol.ts';
import { PROTOCOL_VERSION } from './protocol.ts';

export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  /** Server origin; defaults to the page's own origin. */
  url?: string;
  credential: HandshakeAuth['credential'];
  token?: string;
}

/**
 * Opens the one realtime connection a client uses. Websocket only (halls'
 * proxies handle it fine and it avoids long-polling's duplicate paths);
 * jittered backoff so a hall full of screens does not reconnect in lockstep
 * after a server restart.
 */
export function connectHall(options: ConnectOptions): HallSocket {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION, credential: options.credential };
  if (options.token) auth.token = options.token;
  const socketOptions = {
    transports: ['websocket'],
    auth,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    randomizationFactor: 0.5,
  };
  return options.url ? io(options.url, socketOptions) : io(socketOptions);
}
