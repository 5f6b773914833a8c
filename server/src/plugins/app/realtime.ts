import type { CityJoinResult, HallEventEnvelope, SocketData } from '@hallflow/shared';
import fp from 'fastify-plugin';
import { halls } from '../../db/schema/index.ts';
import { CityFeed } from '../../modules/city/city-feed.ts';
import { cityOverview } from '../../modules/city/city.repository.ts';
import { realtimeIdentity } from '../../modules/auth/realtime-identity.ts';
import { findHallRow } from '../../modules/hall/hall.repository.ts';
import { CITY_FORBIDDEN, answerJoin, checkJoin, mayWatchCity, type HallReadModel } from '../../realtime/join.ts';
import { CITY_ROOM, fanOut, localPresence, roomsOf } from '../../realtime/rooms.ts';
import { createHallSocketServer, type HallServer } from '../../realtime/socket-server.ts';
import { storeReadModel } from '../../realtime/store-read-model.ts';
import type { VisitorGateOptions } from '../../realtime/visitor-limit.ts';
import { StreamPublisher } from '../../realtime/stream-publisher.ts';

export type { HallServer } from '../../realtime/socket-server.ts';
export { CITY_ROOM, publicRoom, staffRoom, ticketRoom } from '../../realtime/rooms.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: HallServer;
    /** What joins are answered from (and relays are served from): the store, with snapshots shared per hall and seq. */
    hallReadModel: HallReadModel;
    /** MN2: on a primary, the outbox that appends every committed event to its hall's Redis stream. */
    eventStream: StreamPublisher | null;
  }
}

export interface RealtimeOptions {
  /**
   * `single`: one node, or several sharing one SQLite file, broadcasting through the Redis adapter.
   * `primary`: the only node with the store; relays receive its events from per-hall Redis streams (MN1–MN6).
   */
  role: 'single' | 'primary';
  /** Events kept per hall stream (primary). */
  streamLength: number;
  /** AC7: the limit on connections and joins without a credential, per address and minute. */
  visitors: VisitorGateOptions;
}

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

/**
 * The node that owns the store: commands publish committed events here; each
 * is projected once per audience (PV1) and sent to that audience's room, and
 * clients join and catch up by seq (R2). On a primary the events also go to
 * the relays through Redis streams, and each node fans out to its own sockets.
 */
export default fp<RealtimeOptions>(
  async (app, options) => {
    const { db } = app.store;
    const now = () => app.clock.now();
    const model = storeReadModel(db);
    app.decorate('hallReadModel', model);
    const cityFeed = new CityFeed(db, now);

    function joinCity(data: SocketData, joinRoom: () => void): CityJoinResult {
      if (!mayWatchCity(data)) return CITY_FORBIDDEN;
      joinRoom();
      const overview = cityOverview(db, now());
      cityFeed.remember(overview.halls);
      return { ok: true, serverTime: now().toISOString(), overview };
    }

    const io = await createHallSocketServer(
      app,
      app.redis,
      app.redisPrefix,
      {
        identify: (credential, token) => realtimeIdentity(db, credential, token, now()),
        join(socket, request) {
          const checked = checkJoin(socket.data, request);
          if ('ok' in checked) return checked;
          // From the cached hall row (R10): the log's head is read once, after the rooms are joined.
          if (!findHallRow(db, checked.hallId)) return { ok: false, code: 'NOT_FOUND', message: `Hall ${checked.hallId} not found` };
          // Join the rooms before reading the log: an event committed in between arrives both ways, and the client drops the copy by seq.
          void socket.join(roomsOf(socket.data, checked.hallId));
          return answerJoin(model, socket.data, checked, now());
        },
        joinCity: (socket) => joinCity(socket.data, () => void socket.join(CITY_ROOM)),
      },
      now,
      options.visitors,
    );
    app.decorate('io', io);

    let stream: StreamPublisher | null = null;
    if (options.role === 'primary') {
      if (!app.redis) throw new Error('A primary needs REDIS_URL: its relays read the events from Redis');
      const writer = app.redis.duplicate({ disableOfflineQueue: true });
      writer.on('error', (error: Error) => app.log.warn({ err: error }, 'redis (event stream) connection error'));
      await writer.connect();
      stream = new StreamPublisher({
        redis: writer,
        prefix: app.redisPrefix,
        keep: options.streamLength,
        head: (hallId) => model.head(hallId),
        eventsSince: (hallId, afterSeq, limit) => model.eventsSince(hallId, afterSeq, limit),
        halls: () => db.select({ id: halls.id }).from(halls).all().map((hall) => hall.id),
        log: app.log,
      });
      stream.reconcileAll();
      app.addHook('onClose', async () => {
        await writer.close().catch(() => undefined);
      });
    }
    app.decorate('eventStream', stream);
    // A primary's relays fan out to their own sockets from the streams; a single node (or nodes sharing a file) broadcast through the adapter.
    const hallRooms = options.role === 'primary' ? io.local : io;
    const local = localPresence(io);
    // Without Redis, or on a primary (whose relays read the streams), only this node's sockets are in reach.
    const present = options.role === 'primary' || !app.redis ? local : undefined;
    // The city room goes through the adapter to every node; only a node without Redis knows it is empty.
    const cityWatched = () => Boolean(app.redis) || local(CITY_ROOM);

    function publish(envelope: HallEventEnvelope): void {
      fanOut(hallRooms, envelope, present);
      // CO3: the hall's overview row, when the event changed it; the city view never holds up a hall's own stream.
      // Nobody watching: the feed is not kept; after the gap in seq it reads the row afresh (and a join reads every row).
      if (!cityWatched()) return;
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
      // MN2: the relays' copy leaves first (one write to Redis), so their screens do not wait for this node's own fan-out.
      stream?.publish(batch);
      for (const envelope of batch) publish(envelope);
    };
    app.commands.setPublisher({
      publish(envelopes: readonly HallEventEnvelope[]) {
        if (pending.length === 0) setImmediate(flush);
        pending.push(...envelopes);
      },
    });
    app.addHook('preClose', async () => {
      flush();
      await stream?.flushed();
      stream?.close();
    });
  },
  { name: 'realtime', dependencies: ['database', 'redis'] },
);
