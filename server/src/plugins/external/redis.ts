import fp from 'fastify-plugin';
import { createClient, type RedisClientType } from 'redis';

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared Redis connection in multi-node mode (REDIS_URL), else null: one node keeps everything in memory. */
    redis: RedisClientType | null;
    redisPrefix: string;
  }
}

export interface RedisOptions {
  url?: string;
  prefix: string;
}

/**
 * One Redis connection for what nodes must share: Socket.IO broadcasting,
 * rate-limit counters and sign-in back-off. It reconnects by itself when Redis
 * restarts (node-redis retries with back-off).
 */
export default fp<RedisOptions>(
  async (app, options) => {
    app.decorate('redisPrefix', options.prefix);
    if (!options.url) {
      app.decorate('redis', null);
      return;
    }
    // Fail fast while Redis is away (nothing queued to replay later): each user of this connection has its own fallback.
    const client = createClient({ url: options.url, disableOfflineQueue: true }) as RedisClientType;
    client.on('error', (error: Error) => app.log.warn({ err: error }, 'redis connection error'));
    await client.connect();
    app.decorate('redis', client);
    app.addHook('onClose', async () => {
      await client.quit().catch(() => undefined);
    });
  },
  { name: 'redis' },
);
