import type { Audience } from '../domain/audience.projections.ts';
import type { HallEventEnvelope } from '../domain/events.ts';
import type { PublicEnvelope } from '../domain/public-events.ts';
import type { PhoneHallState, PublicHallState } from '../domain/public-views.ts';
import type { ClientRole, HallSnapshot } from '../domain/types.ts';
import type { CityHallRow, CityOverview } from '../domain/city.rules.ts';

/**
 * Bumped whenever a payload changes shape. A client older than
 * MIN_CLIENT_PROTOCOL is refused at the handshake and told to reload; a client
 * that sees a different server version after reconnecting reloads itself.
 * Version 2: each audience has its own stream and snapshot (PV1–PV4).
 */
export const PROTOCOL_VERSION = 2;
export const MIN_CLIENT_PROTOCOL = 2;

/** What a client sends in the Socket.IO handshake (`auth`). */
export interface HandshakeAuth {
  protocolVersion: number;
  /** Staff session token, screen device token, or a visitor's ticket token; none for `visitor`. */
  token?: string;
  /** LV13: `visitor` is a public page with no credential (the booking page): the public stream of any hall, nothing more. */
  credential: 'staff' | 'device' | 'ticket' | 'visitor';
}

export interface JoinRequest {
  hallId: string;
  /** The last seq this client applied, or null when it has nothing yet. */
  lastSeq: number | null;
}

/** What each audience holds and receives. */
export interface AudienceStream {
  staff: { state: HallSnapshot; envelope: HallEventEnvelope };
  public: { state: PublicHallState; envelope: PublicEnvelope };
  phone: { state: PhoneHallState; envelope: PublicEnvelope };
}

type Joined<A extends Audience> =
  | { ok: true; audience: A; protocolVersion: number; serverTime: string; mode: 'events'; events: AudienceStream[A]['envelope'][]; headSeq: number }
  | { ok: true; audience: A; protocolVersion: number; serverTime: string; mode: 'snapshot'; snapshot: AudienceStream[A]['state'] };

/** REALTIME_RATE_LIMITED (AC7): a page without a credential joined too often from its address this minute; join again later. */
export type JoinRefusal = { ok: false; code: 'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND' | 'REALTIME_RATE_LIMITED'; message: string };

export type JoinResult<A extends Audience = Audience> = Joined<A> | JoinRefusal;

/** Error `data` attached to a refused handshake (connect_error). */
export interface HandshakeErrorData {
  /**
   * UNAVAILABLE: the node cannot check credentials right now (a relay whose primary is unreachable); try again shortly.
   * REALTIME_RATE_LIMITED (AC7): too many connections without a credential from this address this minute; try again later.
   */
  code: 'PROTOCOL_OUTDATED' | 'UNAUTHORIZED' | 'UNAVAILABLE' | 'REALTIME_RATE_LIMITED';
  reload: boolean;
  serverProtocolVersion: number;
}

export interface ServerToClientEvents {
  /** Staff: one committed change as logged, in seq order per hall. */
  'hall:changed': (envelope: HallEventEnvelope) => void;
  /** Public screens and phones: the same change, projected for them (PV1, PV3). */
  'hall:public': (envelope: PublicEnvelope) => void;
  /** CO3: the city room: one hall's overview row after a change of occupancy, holding, waiting, windows or alerts. */
  'city:changed': (row: CityHallRow) => void;
  /** R8: the server is alive, and its time: every 2 s to screens and staff apps. */
  'hall:beat': (beat: { at: string }) => void;
}

/**
 * R8: how a lost link is noticed. Screens and staff apps hear a beat every
 * 2 s and count the link lost after 5 s of silence; phones rely on Socket.IO's
 * own ping (25 s, 20 s to answer), which would cost a timer per connection at
 * the screens' pace.
 */
export const HEARTBEAT = { beatMs: 2_000, silenceMs: 5_000, pingIntervalMs: 25_000, pingTimeoutMs: 20_000 } as const;

/** CO3: what joining the city room answers: the whole overview, or why not. */
export type CityJoinResult = { ok: true; serverTime: string; overview: CityOverview } | { ok: false; code: 'FORBIDDEN'; message: string };

export interface ClientToServerEvents {
  /** Join a hall's stream for this connection's audience and catch up from `lastSeq`. */
  'hall:join': (request: JoinRequest, ack: (result: JoinResult) => void) => void;
  /** CO3: city-wide staff and supervisors join the city room; the ack carries the overview. */
  'city:join': (ack: (result: CityJoinResult) => void) => void;
}

/** The server-to-client event each audience listens to. */
export const AUDIENCE_EVENT = { staff: 'hall:changed', public: 'hall:public', phone: 'hall:public' } as const satisfies Record<Audience, keyof ServerToClientEvents>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Socket.IO's generic slot; nodes exchange nothing of their own.
export interface InterServerEvents {}

export interface SocketData {
  role: ClientRole;
  audience: Audience;
  /** Halls this connection may read; null means every hall (city-wide staff). */
  hallIds: string[] | null;
  staffId: string | null;
  /** The paired screen, for a device connection: revoking it disconnects this socket. */
  deviceId: string | null;
  /** The visitor's ticket, for a phone connection: its own events carry it in full. */
  ticketId: string | null;
}

/** Server replays at most this many events; further behind gets a snapshot. */
export const MAX_REPLAY_EVENTS = 500;
