import fp from 'fastify-plugin';
import { CITY_FORBIDDEN, answerJoin, checkJoin, mayWatchCity } from '../realtime/join.ts';
import { CITY_ROOM, fanOut, localPresence, roomsOf } from '../realtime/rooms.ts';
import { createHallSocketServer, type HallServer } from '../realtime/socket-server.ts';
import type { VisitorGateOptions } from '../realtime/visitor-limit.ts';
import type { Clock } from '../core/clock.ts';
import type { PrimaryClient } from './primary-client.ts';
import { RelayHub } from './relay-hub.ts';

export interface RelayRealtimeOptions {
  primary: PrimaryClient;
  clock: Clock;
  /** AC7: visitors' connections and joins per address and minute, counted with the other nodes in Redis. */
  visitors: VisitorGateOptions;
}

/**
 * MN3: a relay's sockets. Identities come from the primary, hall state from
 * the mirrors the relay keeps from the Redis streams; every event is fanned
 * out to this node's own sockets only (each node serves its own, so nobody
 * gets a seq twice). The city rows still come through the Redis adapter.
 */
export default fp<RelayRealtimeOptions>(
  async (app, { primary, clock, visitors }) => {
    const redis = app.redis;
    if (!redis) throw new Error('A relay needs REDIS_URL: it receives the events from Redis');
    const now = () => clock.now();
    const reader = redis.duplicate();
    reader.on('error', (error: Error) => app.log.warn({ err: error }, 'redis (stream reader) connection error'));
    await reader.connect();

    let io: HallServer | null = null;
    const hub = new RelayHub({ primary, reader, prefix: app.redisPrefix, log: app.log, now, onEvent: (envelope) => io && fanOut(io.local, envelope, localPresence(io)) });
    io = await createHallSocketServer(
      app,
      redis,
      app.redisPrefix,
      {
        identify: (credential, token) => primary.identity(credential, token),
        async join(socket, request) {
          const checked = checkJoin(socket.data, request);
          if ('ok' in checked) return checked;
          const mirror = await hub.ensure(checked.hallId);
          if (!mirror) return { ok: false, code: 'NOT_FOUND', message: `Hall ${checked.hallId} not found` };
          // Rooms and mirror in one synchronous step: every event after the answer's seq reaches this socket live.
          void socket.join(roomsOf(socket.data, checked.hallId));
          return answerJoin(hub, socket.data, checked, now());
        },
        async joinCity(socket) {
          if (!mayWatchCity(socket.data)) return CITY_FORBIDDEN;
          const overview = await primary.cityOverview();
          void socket.join(CITY_ROOM);
          return { ok: true, serverTime: now().toISOString(), overview };
        },
      },
      now,
      visitors,
    );
    app.decorate('relayHub', hub);
    hub.start();
    app.addHook('onClose', async () => {
      const stopped = hub.stop();
      // A blocked XREAD only returns when its connection goes.
      reader.destroy();
      await stopped;
    });
  },
  { name: 'relay-realtime', dependencies: ['redis'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    relayHub: RelayHub;
  }
}
