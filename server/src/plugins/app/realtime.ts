import {
  MAX_REPLAY_EVENTS,
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type HallEventEnvelope,
  type HandshakeErrorData,
  type InterServerEvents,
  type JoinRequest,
  type JoinResult,
  type ServerToClientEvents,
  type SocketData,
} from '@hallflow/shared';
import { createAdapter } from '@socket.io/redis-adapter';
import { eq } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import { eventsSince, headSeq } from '../../core/event-log.ts';
import { tickets } from '../../db/schema/index.ts';
import { hallSnapshot } from '../../modules/hall/hall.repository.ts';
import { deviceForToken, staffForToken } from '../../modules/auth/staff.repository.ts';

export type HallServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: HallServer;
  }
}

export interface RealtimeOptions {
  redisUrl?: string;
  redisPrefix: string;
}

export const hallRoom = (hallId: string) => `hall:${hallId}`;

/**
 * Closes the live connections of a credential that was just withdrawn (a
 * disabled staff member, a revoked screen) on every node: a token check at
 * connect time alone would leave an open socket reading the hall.
 */
export async function disconnectWhere(io: HallServer, matches: (data: SocketData) => boolean): Promise<number> {
  const sockets = (await io.fetchSockets()).filter((socket) => matches(socket.data));
  for (const socket of sockets) socket.disconnect(true);
  return sockets.length;
}

function handshakeError(code: HandshakeErrorData['code'], message: string): Error {
  const error = new Error(message) as Error & { data: HandshakeErrorData };
  error.data = { code, reload: code === 'PROTOCOL_OUTDATED', serverProtocolVersion: PROTOCOL_VERSION };
  return error;
}

function isJoinRequest(value: unknown): value is JoinRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { hallId, lastSeq } = value as Record<string, unknown>;
  return (
    typeof hallId === 'string' &&
    hallId.length > 0 &&
    hallId.length <= 64 &&
    (lastSeq === null || (typeof lastSeq === 'number' && Number.isInteger(lastSeq) && lastSeq >= 0))
  );
}

/**
 * The only module that knows Socket.IO exists. Commands publish committed
 * events here; screens join a hall and catch up by seq (rule R2).
 */
export default fp<RealtimeOptions>(
  async (app, options) => {
    const io: HallServer = new Server(app.server, {
      transports: ['websocket'],
      perMessageDeflate: false,
      // A dead link is noticed within 5 s on both sides, so screens show "connection lost" promptly (L4).
      pingInterval: 2_000,
      pingTimeout: 2_500,
      serveClient: false,
      cors: { origin: true },
    });
    app.decorate('io', io);

    if (options.redisUrl) {
      const pub = createClient({ url: options.redisUrl });
      const sub = pub.duplicate();
      await Promise.all([pub.connect(), sub.connect()]);
      io.adapter(createAdapter(pub, sub, { key: options.redisPrefix }));
      app.addHook('onClose', async () => {
        await Promise.allSettled([pub.quit(), sub.quit()]);
      });
      app.log.info({ prefix: options.redisPrefix }, 'realtime: broadcasting through Redis');
    }

    app.commands.setPublisher({
      publish(envelopes: readonly HallEventEnvelope[]) {
        for (const envelope of envelopes) io.to(hallRoom(envelope.hallId)).emit('hall:changed', envelope);
      },
    });

    io.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      const version = typeof auth.protocolVersion === 'number' ? auth.protocolVersion : 0;
      if (version < MIN_CLIENT_PROTOCOL) {
        return next(handshakeError('PROTOCOL_OUTDATED', `Protocol ${version} is too old; this server needs ${MIN_CLIENT_PROTOCOL}+. Reload the page.`));
      }
      const token = typeof auth.token === 'string' ? auth.token : '';
      const { db } = app.store;
      if (auth.credential === 'staff') {
        const member = token ? staffForToken(db, token, app.clock.now()) : null;
        if (member) {
          socket.data = { role: member.role, hallIds: member.hallId ? [member.hallId] : null, staffId: member.id, deviceId: null };
          return next();
        }
      } else if (auth.credential === 'device') {
        const device = token ? deviceForToken(db, token) : null;
        if (device) {
          socket.data = { role: 'display', hallIds: [device.hallId], staffId: null, deviceId: device.id };
          return next();
        }
      } else if (auth.credential === 'ticket') {
        const ticket = token ? db.select({ hallId: tickets.hallId }).from(tickets).where(eq(tickets.publicToken, token)).get() : null;
        if (ticket) {
          socket.data = { role: 'phone', hallIds: [ticket.hallId], staffId: null, deviceId: null };
          return next();
        }
      }
      return next(handshakeError('UNAUTHORIZED', 'Unknown or expired token'));
    });

    io.on('connection', (socket: HallSocket) => {
      socket.on('hall:join', (request, ack) => {
        if (typeof ack !== 'function') return;
        ack(join(socket, request));
      });
    });

    function join(socket: HallSocket, request: unknown): JoinResult {
      if (!isJoinRequest(request)) {
        return { ok: false, code: 'BAD_REQUEST', message: 'hall:join needs {hallId: string, lastSeq: integer >= 0 | null}' };
      }
      const { hallId, lastSeq } = request;
      const allowed = socket.data.hallIds;
      if (allowed && !allowed.includes(hallId)) return { ok: false, code: 'FORBIDDEN', message: `Not allowed to read hall ${hallId}` };
      const { db } = app.store;
      const head = headSeq(db, hallId);
      if (head === null) return { ok: false, code: 'NOT_FOUND', message: `Hall ${hallId} not found` };
      // Join the room before reading the log: an event committed in between
      // arrives both ways, and the client drops the copy by seq.
      void socket.join(hallRoom(hallId));
      if (lastSeq !== null && lastSeq <= head && head - lastSeq <= MAX_REPLAY_EVENTS) {
        const events = eventsSince(db, hallId, lastSeq, MAX_REPLAY_EVENTS);
        if (events.length === head - lastSeq) {
          return { ok: true, protocolVersion: PROTOCOL_VERSION, mode: 'events', events, headSeq: head };
        }
      }
      return { ok: true, protocolVersion: PROTOCOL_VERSION, mode: 'snapshot', snapshot: hallSnapshot(db, hallId, app.clock.now()) };
    }

    // Only this node's sockets: with the Redis adapter, io.disconnectSockets would reach every node.
    // Fastify closes the HTTP server itself, so io.close() (which would close it too) is not used.
    app.addHook('preClose', async () => {
      io.local.disconnectSockets(true);
      io.engine.close();
    });
  },
  { name: 'realtime', dependencies: ['database'] },
);
