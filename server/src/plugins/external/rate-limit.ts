import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/** Rate limiting is opt-in per route (`config.rateLimit`): visitor routes and sign-in use it. */
export default fp(
  async (app) => {
    await app.register(rateLimit, { global: false });
  },
  { name: 'rate-limit' },
);
