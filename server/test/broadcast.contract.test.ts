import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HallEventEnvelope } from '@hallflow/shared';
import { connectHall, HallSync, type HallSocket } from '@hallflow/shared/realtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, buildRelay, login } from './helper.ts';
import { until } from './support/listening.ts';

/**
 * One contract, three broadcasting set-ups: a single node; two nodes on one
 * SQLite file that broadcast through Redis (Socket.IO's Redis adapter); and a
 * primary with a relay that mirrors the hall from its Redis stream (MN3). A
 * command on the "writer" must reach a screen connected to the "reader",
 * exactly once and in seq order, and a screen that moves between nodes must
 * catch up.
 */
interface Setup {
  writer: FastifyInstance;
  reader: FastifyInstance;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function listen(app: FastifyInstance): Promise<string> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const setups: Record<string, () => Promise<Setup>> = {
  'single node': async () => {
    const { app } = await build();
    return { writer: app, reader: app };
  },
  'two nodes through Redis': async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallflow-redis-'));
    dirs.push(dir);
    const shared = {
      DATABASE_PATH: join(dir, 'hall.db'),
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `hallflow-test-${process.pid}-${Date.now()}`,
    };
    const writer = (await build(shared)).app;
    const reader = (await build(shared)).app;
    return { writer, reader };
  },
  'a primary and a relay through Redis streams': async () => {
    const shared = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: `hallflow-test-${process.pid}-${Date.now()}`, RELAY_SECRET: 'relay-secret-of-this-test-0123456789abcdef' };
    const writer = (await build({ ...shared, ROLE: 'primary' })).app;
    const reader = await buildRelay(await listen(writer), shared);
    return { writer, reader };
  },
};

for (const [name, setup] of Object.entries(setups)) {
  describe(`broadcasting contract: ${name}`, () => {
    it('[R1][R2] a command on one node reaches a screen on the other, once each and in seq order', async () => {
      const { writer, reader } = await setup();
      const readerUrl = await listen(reader);
      const token = await login(writer, 'admin', ADMIN_PASSWORD);
      const socket: HallSocket = connectHall({ url: readerUrl, credential: 'staff', token });
      try {
        const sync = new HallSync(socket, 'demo');
        const seen: HallEventEnvelope[] = [];
        sync.subscribe({ event: (envelope) => seen.push(envelope) });
        await until(() => sync.status === 'live', 'live');
        for (let i = 0; i < 20; i++) {
          await writer.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(token), payload: { categoryId: 'demo-A' } });
        }
        await until(() => sync.lastSeq === 20, 'all 20 events');
        expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(sync.state?.tickets.map((t) => t.number)).toEqual(Array.from({ length: 20 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
      } finally {
        socket.disconnect();
      }
    });

    it('[R2] a screen that reconnects to the other node catches up from the shared log', async () => {
      const { writer, reader } = await setup();
      const readerUrl = await listen(reader);
      const writerUrl = writer === reader ? readerUrl : await listen(writer);
      const token = await login(writer, 'admin', ADMIN_PASSWORD);
      const first = connectHall({ url: readerUrl, credential: 'staff', token });
      const sync = new HallSync(first, 'demo');
      await until(() => sync.status === 'live', 'live');
      await writer.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(token), payload: { categoryId: 'demo-B' } });
      await until(() => sync.lastSeq === 1, 'first event');
      first.disconnect();
      for (let i = 0; i < 3; i++) {
        await writer.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(token), payload: { categoryId: 'demo-B' } });
      }
      const second = connectHall({ url: writerUrl, credential: 'staff', token });
      try {
        const moved = new HallSync(second, 'demo', 'staff', sync.state);
        const replayed: number[] = [];
        moved.subscribe({ event: (envelope) => replayed.push(envelope.seq) });
        await until(() => moved.lastSeq === 4, 'catch-up');
        expect(replayed).toEqual([2, 3, 4]);
      } finally {
        second.disconnect();
      }
    });
  });
}
