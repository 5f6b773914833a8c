import {
  HEARTBEAT,
  MAX_REPLAY_EVENTS,
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  projectPhoneEnvelope,
  projectPhoneSnapshot,
  projectPublicEnvelope,
  ticketsOf,
  type Audience,
  type ClientToServerEvents,
  type HallEventEnvelope,
  type HandshakeErrorData,
  type InterServerEvents,
  type JoinRequest,
  type JoinResult,
  type ServerToClientEvents,
  type SocketData,
  type CityJoinResult,
} from '@hallflow/shared';
import { createAdapter } from '@socket.io/redis-adapter';
import { eq } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import { eventsSince, headSeq } from '../../core/event-log.ts';
import { tickets } from '../../db/schema/index.ts';
import { SnapshotCache } from '../../modules/hall/snapshot-cache.ts';
import { ticketView } from '../../modules/hall/views.ts';
import { deviceForToken, staffForToken } from '../../modules/auth/staff.repository.ts';
import { CityFeed } from '../../modules/city/city-feed.ts';
import { cityOverview } from '../../modules/city/city.repository.ts';

export type HallServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: HallServer;
  }
}

/** PV1: each audience of a hall has its own room; a phone is also in its ticket's room. */
export const staffRoom = (hallId: string) => `hall:${hallId}:staff`;
export const publicRoom = (hallId: string) => `hall:${hallId}:public`;
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
/** Connections that watch for the hall beat (screens and staff apps; phones rely on the slower engine ping). */
const BEAT_ROOM = 'beat';
/** CO3: city-wide staff and supervisors watching every hall's overview row. */
export const CITY_ROOM = 'city';

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
    (lastSeq === null || (typeof lastSeq === 'number' && Number.isSafeInteger(lastSeq) && lastSeq >= 0))
  );
}

/**
 * The only module that knows Socket.IO exists. Commands publish committed
 * events here; each is projected once per audience (PV1) and sent to that
 * audience's room, and clients join and catch up by seq (R2).
 */
export default fp(
  async (app) => {
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
    app.decorate('io', io);

    if (app.redis) {
      const pub = app.redis.duplicate();
      const sub = app.redis.duplicate();
      pub.on('error', (error: Error) => app.log.warn({ err: error }, 'redis (publish) connection error'));
      sub.on('error', (error: Error) => app.log.warn({ err: error }, 'redis (subscribe) connection error'));
      await Promise.all([pub.connect(), sub.connect()]);
      io.adapter(createAdapter(pub, sub, { key: app.redisPrefix }));
      app.addHook('onClose', async () => {
        await Promise.allSettled([pub.quit(), sub.quit()]);
      });
      app.log.info({ prefix: app.redisPrefix }, 'realtime: broadcasting through Redis');
    }

    const cityFeed = new CityFeed(app.store.db, () => app.clock.now());
    function fanOut(envelope: HallEventEnvelope): void {
      io.to(staffRoom(envelope.hallId)).emit('hall:changed', envelope);
      // A phone whose ticket the event carries gets its own copy instead of the public one, so each seq reaches it once (PV3, PV4).
      const own = ticketsOf(envelope.event).map((ticket) => ticket.id);
      for (const ticketId of own) io.to(ticketRoom(ticketId)).emit('hall:public', projectPhoneEnvelope(envelope, ticketId));
      io.to(publicRoom(envelope.hallId)).except(own.map(ticketRoom)).emit('hall:public', projectPublicEnvelope(envelope));
      // CO3: the hall's overview row, when the event changed it; the city view never holds up a hall's own stream.
      try {
        const row = cityFeed.after(envelope);
        if (row) io.to(CITY_ROOM).emit('city:changed', row);
      } catch (error) {
        app.log.error({ err: error }, 'city overview row failed');
      }
    }

    // R6: the command's answer goes first; the fan-out to every screen follows on the next turn of the
    // event loop, in commit (seq) order, so a clerk's call answers as fast at 10,000 screens as at 10.
    let pending: HallEventEnvelope[] = [];
    const flush = () => {
      const batch = pending;
      pending = [];
      for (const envelope of batch) fanOut(envelope);
    };
    app.commands.setPublisher({
      publish(envelopes: readonly HallEventEnvelope[]) {
        if (pending.length === 0) setImmediate(flush);
        pending.push(...envelopes);
      },
    });
    app.addHook('onClose', async () => flush());

    io.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      const version = typeof auth.protocolVersion === 'number' ? auth.protocolVersion : 0;
      if (version < MIN_CLIENT_PROTOCOL) {
        return next(handshakeError('PROTOCOL_OUTDATED', `Protocol ${version} is too old; this server needs ${MIN_CLIENT_PROTOCOL}+. Reload the page.`));
      }
      const token = typeof auth.token === 'string' && auth.token.length <= 256 ? auth.token : '';
      const { db } = app.store;
      const none = { staffId: null, deviceId: null, ticketId: null };
      if (auth.credential === 'staff') {
        const member = token ? staffForToken(db, token, app.clock.now()) : null;
        if (member) {
          socket.data = { ...none, role: member.role, audience: 'staff', hallIds: member.hallId ? [member.hallId] : null, staffId: member.id };
          return next();
        }
      } else if (auth.credential === 'device') {
        const device = token ? deviceForToken(db, token) : null;
        if (device) {
          socket.data = { ...none, role: 'display', audience: 'public', hallIds: [device.hallId], deviceId: device.id };
          return next();
        }
      } else if (auth.credential === 'ticket') {
        const ticket = token ? db.select({ id: tickets.id, hallId: tickets.hallId }).from(tickets).where(eq(tickets.publicToken, token)).get() : null;
        if (ticket) {
          socket.data = { ...none, role: 'phone', audience: 'phone', hallIds: [ticket.hallId], ticketId: ticket.id };
          return next();
        }
      }
      return next(handshakeError('UNAUTHORIZED', 'Unknown or expired token'));
    });

    /** CO3: city-wide staff, and the supervisors and admins of any hall, may watch the city. */
    function joinCity(socket: HallSocket): CityJoinResult {
      const { audience, hallIds, role } = socket.data;
      if (audience !== 'staff' || (hallIds !== null && role !== 'supervisor' && role !== 'admin')) {
        return { ok: false, code: 'FORBIDDEN', message: 'The city overview is for city-wide staff and supervisors' };
      }
      void socket.join(CITY_ROOM);
      const overview = cityOverview(app.store.db, app.clock.now());
      cityFeed.remember(overview.halls);
      return { ok: true, serverTime: app.clock.now().toISOString(), overview };
    }

    // R8: one small broadcast every 2 s to the screens and staff apps of this node, rather than a ping timer per socket.
    const beat = setInterval(() => io.local.to(BEAT_ROOM).emit('hall:beat', { at: app.clock.now().toISOString() }), HEARTBEAT.beatMs);
    beat.unref();
    app.addHook('onClose', async () => clearInterval(beat));

    io.on('connection', (socket: HallSocket) => {
      if (socket.data.audience !== 'phone') void socket.join(BEAT_ROOM);
      socket.on('city:join', (ack) => {
        if (typeof ack !== 'function') return;
        try {
          ack(joinCity(socket));
        } catch (error) {
          app.log.error({ err: error }, 'city:join failed');
          ack({ ok: false, code: 'FORBIDDEN', message: 'The city overview cannot be read right now' });
        }
      });
      socket.on('hall:join', (request, ack) => {
        if (typeof ack !== 'function') return;
        try {
          ack(join(socket, request));
        } catch (error) {
          app.log.error({ err: error }, 'hall:join failed');
          ack({ ok: false, code: 'NOT_FOUND', message: 'This hall cannot be read right now' });
        }
      });
    });

    const snapshots = new SnapshotCache(app.store.db);

    function roomsOf(socket: HallSocket, hallId: string): string[] {
      const { audience, ticketId } = socket.data;
      if (audience === 'staff') return [staffRoom(hallId)];
      if (audience === 'phone' && ticketId) return [publicRoom(hallId), ticketRoom(ticketId)];
      return [publicRoom(hallId)];
    }

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
      // Join the rooms before reading the log: an event committed in between
      // arrives both ways, and the client drops the copy by seq.
      void socket.join(roomsOf(socket, hallId));
      const { audience, ticketId } = socket.data;
      const now = app.clock.now();
      const base = { ok: true as const, protocolVersion: PROTOCOL_VERSION, serverTime: now.toISOString() };
      if (lastSeq !== null && lastSeq <= head && head - lastSeq <= MAX_REPLAY_EVENTS) {
        const logged = eventsSince(db, hallId, lastSeq, MAX_REPLAY_EVENTS);
        if (logged.length === head - lastSeq) return replay(audience, ticketId, logged, head, base);
      }
      if (audience === 'staff') return { ...base, audience, mode: 'snapshot', snapshot: snapshots.staffState(hallId, head, now) };
      const shared = snapshots.publicState(hallId, head, now);
      if (audience === 'phone' && ticketId) {
        const mine = db.select().from(tickets).where(eq(tickets.id, ticketId)).get();
        if (mine) return { ...base, audience, mode: 'snapshot', snapshot: projectPhoneSnapshot(shared, ticketView(mine)) };
      }
      return { ...base, audience: 'public', mode: 'snapshot', snapshot: shared };
    }

    function replay(audience: Audience, ticketId: string | null, logged: HallEventEnvelope[], headSeq: number, base: { ok: true; protocolVersion: number; serverTime: string }): JoinResult {
      if (audience === 'staff') return { ...base, audience, mode: 'events', events: logged, headSeq };
      if (audience === 'phone' && ticketId) return { ...base, audience, mode: 'events', events: logged.map((e) => projectPhoneEnvelope(e, ticketId)), headSeq };
      return { ...base, audience: 'public', mode: 'events', events: logged.map(projectPublicEnvelope), headSeq };
    }

    // Only this node's sockets: with the Redis adapter, io.disconnectSockets would reach every node.
    // Fastify closes the HTTP server itself, so io.close() (which would close it too) is not used.
    app.addHook('preClose', async () => {
      io.local.disconnectSockets(true);
      io.engine.close();
    });
  },
  { name: 'realtime', dependencies: ['database', 'redis'] },
);
