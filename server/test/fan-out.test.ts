import { describe, expect, it } from 'vitest';
import { SnapshotCache } from '../src/modules/hall/snapshot-cache.ts';
import { ADMIN_PASSWORD, bearer, build, login } from './helper.ts';
import { client, join } from './support/listening.ts';

describe('answer first, then the screens', () => {
  it('[R6] a command is answered before its events go out to the rooms, and they go out in seq order', async () => {
    const order: string[] = [];
    const { app } = await build({}, (instance) => {
      instance.addHook('onSend', async (request, _reply, payload) => {
        if (request.url.endsWith('/tickets')) order.push('answer');
        return payload;
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    // A staff app watches the hall; no screen and no phone does.
    await join(client(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, admin), null);
    const rooms: string[] = [];
    const emit = app.io.to.bind(app.io);
    app.io.to = ((room: string | string[]) => {
      rooms.push(String(room));
      const target = emit(room);
      const send = target.emit.bind(target) as (event: string, envelope: unknown) => boolean;
      return Object.assign(target, {
        emit: (event: string, envelope: { seq: number }) => {
          if (String(room).endsWith(':staff')) order.push(`seq ${envelope.seq}`);
          return send(event, envelope);
        },
      });
    }) as typeof app.io.to;
    await Promise.all([1, 2, 3].map(() => app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } })));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order.filter((o) => o === 'answer')).toHaveLength(3);
    expect(order.indexOf('seq 1')).toBeGreaterThan(order.indexOf('answer'));
    expect(order.filter((o) => o.startsWith('seq'))).toEqual(['seq 1', 'seq 2', 'seq 3']);
    // R10: a room nobody on this node is in gets nothing: no projection for the public, none for the tickets' phones.
    expect(rooms.filter((room) => !room.endsWith(':staff'))).toEqual([]);
  });

  it('[R6][PV5] a snapshot is built once per hall and seq, and shared until the next change', async () => {
    const { app, clock } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const cache = new SnapshotCache(app.store.db);
    const first = cache.publicState('demo', 0, clock.now());
    expect(cache.publicState('demo', 0, clock.now())).toBe(first);
    await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } });
    const next = cache.publicState('demo', 1, clock.now());
    expect(next).not.toBe(first);
    expect(next.seq).toBe(1);
    expect(cache.staffState('demo', 1, clock.now())).toBe(cache.staffState('demo', 1, clock.now()));
    // A new business day is a new snapshot, even without a change.
    clock.advance(24 * 60);
    expect(cache.publicState('demo', 1, clock.now())).not.toBe(next);
  });
});
