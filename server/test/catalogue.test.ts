import type { TicketMoveResponse, TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { bearer, build, staffToken } from './helper.ts';

describe('catalogue and 一件事 bundles at the windows', () => {
  it('[K1] the public catalogue lists items with materials, and the two demo bundles', async () => {
    const { app } = await build();
    const catalogue = (await app.inject({ method: 'GET', url: '/api/halls/demo/services' })).json<{
      items: { id: string; name: string; materials: string[] }[];
      bundles: { id: string; mode: string; itemIds: string[] }[];
    }>();
    expect(catalogue.items.length).toBeGreaterThanOrEqual(10);
    expect(catalogue.items.find((i) => i.id === 'demo-food-permit')?.materials).toContain('从业人员健康证明 · Staff health certificates');
    expect(catalogue.bundles.map((b) => [b.id, b.mode])).toEqual([
      ['demo-open-restaurant', 'one_window'],
      ['demo-newborn', 'routed'],
    ]);
  });

  it('[K1][K2] 开饭店 is one ticket at the comprehensive window: merged materials, and all four items done at once', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    const post = (url: string, payload?: object) => app.inject({ method: 'POST', url: `/api/halls/demo${url}`, headers: bearer(clerk), ...(payload ? { payload } : {}) });
    const issued = (await post('/tickets', { bundleId: 'demo-open-restaurant' })).json<TicketResponse>();
    expect(issued.ticket.number).toBe('G001');
    const items = (await app.inject({ method: 'GET', url: `/api/halls/demo/tickets/${issued.ticket.id}/items`, headers: bearer(clerk) })).json<{
      items: { state: string }[];
      materials: string[];
    }>();
    expect(items.items).toHaveLength(4);
    expect(items.materials.filter((m) => m.startsWith('本人身份证'))).toHaveLength(1);
    await post('/windows/demo-w1/open');
    await post('/windows/demo-w1/call-next');
    const done = (await post(`/tickets/${issued.ticket.id}/complete`)).json<TicketMoveResponse>();
    expect(done.ticket.state).toBe('done');
    const after = (await app.inject({ method: 'GET', url: `/api/halls/demo/tickets/${issued.ticket.id}/items`, headers: bearer(clerk) })).json<{ items: { state: string }[] }>();
    expect(after.items.map((i) => i.state)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('[K3][Q2] 新生儿出生 is routed: household registration, then the insurance window, keeping its place', async () => {
    const { app, clock } = await build();
    const clerk = await staffToken(app, 'clerk');
    const post = (url: string, payload?: object) => app.inject({ method: 'POST', url: `/api/halls/demo${url}`, headers: bearer(clerk), ...(payload ? { payload } : {}) });
    const issued = (await post('/tickets', { bundleId: 'demo-newborn' })).json<TicketResponse>();
    expect(issued.ticket.categoryId).toBe('demo-F');
    clock.advance(1);
    await post('/tickets', { categoryId: 'demo-C' }); // someone later in C
    await post('/windows/demo-w6/open'); // serves E, F
    await post('/windows/demo-w4/open'); // serves C, D
    await post('/windows/demo-w6/call-next');
    const moved = (await post(`/tickets/${issued.ticket.id}/complete`)).json<TicketMoveResponse>();
    expect(moved.ticket).toMatchObject({ state: 'waiting', categoryId: 'demo-C', queuedAt: issued.ticket.queuedAt });
    const atInsurance = (await post('/windows/demo-w4/call-next')).json<{ ticket: { id: string } }>();
    expect(atInsurance.ticket.id).toBe(issued.ticket.id); // ahead of the later C ticket
    const finished = (await post(`/tickets/${issued.ticket.id}/complete`)).json<TicketMoveResponse>();
    expect(finished.ticket.state).toBe('done');
    const items = (await app.inject({ method: 'GET', url: `/api/halls/demo/tickets/${issued.ticket.id}/items`, headers: bearer(clerk) })).json<{ items: { state: string }[] }>();
    expect(items.items.map((i) => i.state)).toEqual(['done', 'done', 'done']);
  });

  it('[A10] an unknown bundle or an item of another category is a 400 naming it', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    const bad = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { bundleId: 'nope' } });
    expect(bad.json<{ message: string }>().message).toContain('bundleId');
    const wrong = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A', itemIds: ['demo-food-permit'] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toContain('demo-food-permit');
    const none = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: {} });
    expect(none.json<{ message: string }>().message).toContain('categoryId');
  });
});
