import type { HallEventEnvelope } from '../domain/events.ts';
import type { ClientRole, HallSnapshot } from '../domain/types.ts';

/**
 * Bumped whenever a payload changes shape. A client older than
 * MIN_CLIENT_PROTOCOL is refused at the handshake and told to reload; a client
 * that sees a different server version after reconnecting reloads itself.
 */
export const PROTOCOL_VERSION = 1;
export const MIN_CLIENT_PROTOCOL = 1;

/** What a client sends in the Socket.IO handshake (`auth`). */
export interface HandshakeAuth {
  protocolVersion: number;
  /** Staff session token, screen device token, or a visitor's ticket token. */
  token?: string;
  credential: 'staff' | 'device' | 'ticket';
}

export interface JoinRequest {
  hallId: string;
  /** The last seq this client applied, or null when it has nothing yet. */
  lastSeq: number | null;
}

export type JoinResult =
  | { ok: true; protocolVersion: number; mode: 'events'; events: HallEventEnvelope[]; headSeq: number }
  | { ok: true; protocolVersion: number; mode: 'snapshot'; snapshot: HallSnapshot }
  | { ok: false; code: 'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND'; message: string };

/** Error `data` attached to a refused handshake (connect_error). */
export interface HandshakeErrorData {
  code: 'PROTOCOL_OUTDATED' | 'UNAUTHORIZED';
  reload: boolean;
  serverProtocolVersion: number;
}

export interface ServerToClientEvents {
  /** One committed change, in seq order per hall. */
  'hall:changed': (envelope: HallEventEnvelope) => void;
}

export interface ClientToServerEvents {
  /** Join a hall's room and catch up from `lastSeq`. */
  'hall:join': (request: JoinRequest, ack: (result: JoinResult) => void) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Socket.IO's generic slot; nodes exchange nothing of their own.
export interface InterServerEvents {}

export interface SocketData {
  role: ClientRole;
  /** Halls this connection may read; null means every hall (city-wide staff). */
  hallIds: string[] | null;
  staffId: string | null;
  /** The paired screen, for a device connection: revoking it disconnects this socket. */
  deviceId: string | null;
}

/** Server replays at most this many events; further behind gets a snapshot. */
export const MAX_REPLAY_EVENTS = 500;
