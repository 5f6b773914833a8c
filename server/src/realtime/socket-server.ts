import {
  HEARTBEAT,
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  type CityJoinResult,
  type ClientToServerEvents,
  type HandshakeErrorData,
  type InterServerEvents,
  type JoinResult,
  type ServerToClientEvents,
  type SocketData,
} from '@hallflow/shared';
import { ERROR_MESSAGES } from '@hallflow/shared/i18n';
import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { RedisClientType } from 'redis';
import { Server, type Socket } from 'socket.io';
import { BEAT_ROOM } from './rooms.ts';
import { visitorGate, type VisitorGateOptions } from './visitor-limit.ts';

export type HallServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** How a node learns who a connection is from the credential it presents. */
export type Identify = (credential: 'staff' | 'device' | 'ticket', token: string) => SocketData | null | Promise<SocketData | null>;

export interface HallSocketHandlers {
  identify: Identify;
  join(socket: HallSocket, request: unknown): JoinResult | Promise<JoinResult>;
  joinCity(socket: HallSocket): CityJoinResult | Promise<CityJoinResult>;
}

function handshakeError(code: HandshakeErrorData['code'], message: string): Error {
  const error = new Error(message) as Error & { data: HandshakeErrorData };
  error.data = { code, reload: code === 'PROTOCOL_OUTDATED', serverProtocolVersion: PROTOCOL_VERSION };
  return error;
}

const CREDENTIALS = new Set(['staff', 'device', 'ticket']);

const VISITOR_JOIN_LIMITED: JoinResult = { ok: false, code: 'REALTIME_RATE_LIMITED', message: ERROR_MESSAGES.REALTIME_RATE_LIMITED.en };

/**
 * The Socket.IO server every node runs (single, primary or relay): the same
 * transport, heartbeat, handshake and join handling; only where identities
 * and hall state come from differs (`handlers`).
 */
export async function createHallSocketServer(
  app: FastifyInstance,
  redis: RedisClientType | null,
  prefix: string,
  handlers: HallSocketHandlers,
  now: () => Date,
  visitors: VisitorGateOptions,
): Promise<HallServer> {
  const io: HallServer = new Server(app.server, {
    transports: ['websocket'],
    perMessageDeflate: false,
    // Engine-level pings are slow and cheap (a phone in a pocket needs no more); screens and staff
    // apps notice a dead link within 5 s from the hall beat below instead (L4, R8).
    pingInterval: HEARTBEAT.pingIntervalMs,
    pingTimeout: HEARTBEAT.pingTimeoutMs,
    serveClient: false,
    cors: { origin: true },
    // A join request is a few dozen bytes; nothing a client sends needs more.
    maxHttpBufferSize: 16 * 1024,
  });
  if (redis) await attachRedisAdapter(app, io, redis, prefix);
  const visitorLimit = visitorGate(app.log, redis, prefix, visitors);

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const version = typeof auth.protocolVersion === 'number' ? auth.protocolVersion : 0;
    if (version < MIN_CLIENT_PROTOCOL) {
      return next(handshakeError('PROTOCOL_OUTDATED', `Protocol ${version} is too old; this server needs ${MIN_CLIENT_PROTOCOL}+. Reload the page.`));
    }
    // LV13: a visitor's page without a credential (the booking page) reads any hall's public stream, and nothing else (PV1).
    // AC7: only so many such connections per address and minute, counted for the city when nodes share Redis.
    if (auth.credential === 'visitor') {
      visitorLimit.allows(socket.request).then((allowed) => {
        if (!allowed) return next(handshakeError('REALTIME_RATE_LIMITED', ERROR_MESSAGES.REALTIME_RATE_LIMITED.en));
        socket.data = { role: 'phone', audience: 'public', hallIds: null, staffId: null, deviceId: null, ticketId: null };
        next();
      }, (error: unknown) => {
        app.log.warn({ err: error }, 'realtime: the visitor limit could not be counted');
        next(handshakeError('UNAVAILABLE', 'The connection cannot be checked right now; retrying'));
      });
      return;
    }
    const token = typeof auth.token === 'string' && auth.token.length <= 256 ? auth.token : '';
    const credential = typeof auth.credential === 'string' && CREDENTIALS.has(auth.credential) ? (auth.credential as 'staff' | 'device' | 'ticket') : null;
    if (!token || !credential) return next(handshakeError('UNAUTHORIZED', 'Unknown or expired token'));
    Promise.resolve(handlers.identify(credential, token)).then(
      (identity) => {
        if (!identity) return next(handshakeError('UNAUTHORIZED', 'Unknown or expired token'));
        socket.data = identity;
        next();
      },
      (error: unknown) => {
        app.log.warn({ err: error }, 'realtime: credential could not be checked');
        next(handshakeError('UNAVAILABLE', 'The credential cannot be checked right now; retrying'));
      },
    );
  });

  io.on('connection', (socket: HallSocket) => {
    if (socket.data.audience !== 'phone') void socket.join(BEAT_ROOM);
    socket.on('city:join', (ack) => {
      if (typeof ack !== 'function') return;
      answer(app.log, 'city:join', () => handlers.joinCity(socket), ack, { ok: false, code: 'FORBIDDEN', message: 'The city overview cannot be read right now' });
    });
    // AC7: a visitor's joins count against the same limit as its connections, so one socket cannot join in a loop either.
    const visitor = (socket.handshake.auth as Record<string, unknown> | undefined)?.credential === 'visitor';
    const join = (request: unknown): JoinResult | Promise<JoinResult> =>
      visitor ? visitorLimit.allows(socket.request).then((allowed) => (allowed ? handlers.join(socket, request) : VISITOR_JOIN_LIMITED)) : handlers.join(socket, request);
    socket.on('hall:join', (request, ack) => {
      if (typeof ack !== 'function') return;
      answer(app.log, 'hall:join', () => join(request), ack, { ok: false, code: 'NOT_FOUND', message: 'This hall cannot be read right now' });
    });
  });

  // R8: one small broadcast every 2 s to the screens and staff apps of this node, rather than a ping timer per socket.
  const beat = setInterval(() => io.local.to(BEAT_ROOM).emit('hall:beat', { at: now().toISOString() }), HEARTBEAT.beatMs);
  beat.unref();
  app.addHook('onClose', async () => clearInterval(beat));

  // Only this node's sockets: with the Redis adapter, io.disconnectSockets would reach every node.
  // Fastify closes the HTTP server itself, so io.close() (which would close it too) is not used.
  app.addHook('preClose', async () => {
    io.local.disconnectSockets(true);
    io.engine.close();
  });
  return io;
}

function answer<T>(log: FastifyBaseLogger, what: string, build: () => T | Promise<T>, ack: (result: T) => void, failure: T): void {
  let pending: T | Promise<T>;
  try {
    pending = build();
  } catch (error) {
    log.error({ err: error }, `${what} failed`);
    ack(failure);
    return;
  }
  Promise.resolve(pending).then(ack, (error: unknown) => {
    log.error({ err: error }, `${what} failed`);
    ack(failure);
  });
}

/** Broadcasts (and cross-node socket look-ups, for revoking a credential) through Redis. */
async function attachRedisAdapter(app: FastifyInstance, io: HallServer, redis: RedisClientType, prefix: string): Promise<void> {
  // The adapter does not catch a failed publish: these two queue while Redis is away instead of failing fast.
  const pub = redis.duplicate({ disableOfflineQueue: false });
  const sub = redis.duplicate({ disableOfflineQueue: false });
  pub.on('error', (error: Error) => app.log.warn({ err: error }, 'redis (publish) connection error'));
  sub.on('error', (error: Error) => app.log.warn({ err: error }, 'redis (subscribe) connection error'));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: prefix }));
  app.addHook('onClose', async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  });
  app.log.info({ prefix }, 'realtime: broadcasting through Redis');
}
