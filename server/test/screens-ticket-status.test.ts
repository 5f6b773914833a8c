import type { TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login, staffToken } from './helper.ts';

interface Status {
  hallId: string;
  ticket: { id: string; number: string; state: string };
  category: { prefix: string; name: string } | null;
  ahead: number | null;
  estimatedWaitMinutes: number | null;
  windowNumber: number | null;
}

describe('getTicketStatus: the visitor phone page', () => {
  it('[L7][E1][E2] position, category and an estimated wait from today\'s handling times and the windows serving the queue', async () => {
    const { app, clock } = await build();
    const clerk = await staffToken(app, 'clerk');
    const post = (url: string, payload?: object) => app.inject({ method: 'POST', url: `/api/halls/demo${url}`, headers: bearer(clerk), payload });
    const issued: TicketResponse[] = [];
    for (let i = 0; i < 4; i++) issued.push((await post('/tickets', { categoryId: 'demo-E' })).json<TicketResponse>());
    const mine = issued[3]!;
    const status = async () => (await app.inject({ method: 'GET', url: `/api/public/tickets/${mine.phoneToken}` })).json<Status>();

    // No window open for 不动产登记: a position, but no estimate.
    expect(await status()).toMatchObject({ hallId: 'demo', ahead: 3, estimatedWaitMinutes: null, windowNumber: null, category: { prefix: 'E', name: '不动产登记' } });

    // One window; the first case takes 4 minutes: handling 10 + 0.2 × (4 − 10) = 8.8; two ahead → 3 × 8.8 = 26.4 min.
    await post('/windows/demo-w5/open');
    const first = (await post('/windows/demo-w5/call-next')).json<{ ticket: { id: string } }>();
    clock.advance(4);
    await post(`/tickets/${first.ticket.id}/complete`);
    expect(await status()).toMatchObject({ ahead: 2, estimatedWaitMinutes: 26 });

    // A second window whose first category is E halves it (E3).
    await post('/windows/demo-w6/open');
    expect((await status()).estimatedWaitMinutes).toBe(13);

    // Called: the window, and no position or estimate any more.
    await post('/windows/demo-w6/call', { ticketId: mine.ticket.id });
    expect(await status()).toMatchObject({ ticket: { state: 'called' }, ahead: null, estimatedWaitMinutes: null, windowNumber: 6 });
  });

  it('[L7][E3][Q9] the estimate stands behind the own queue, with a window serving it as overflow only while that window\'s own queues are empty; the people ahead still count every window\'s turns', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    const post = (url: string, payload?: object) => app.inject({ method: 'POST', url: `/api/halls/demo${url}`, headers: bearer(clerk), payload });
    await post('/tickets', { categoryId: 'demo-A' });
    const other = (await post('/tickets', { categoryId: 'demo-C' })).json<TicketResponse>();
    const mine = (await post('/tickets', { categoryId: 'demo-A' })).json<TicketResponse>();
    const status = async () => (await app.inject({ method: 'GET', url: `/api/public/tickets/${mine.phoneToken}` })).json<Status>();
    // Window 2 serves A first; window 3 serves C, D, then A. Q9: window 2 calls A001, window 3 calls C001, then window 2 calls mine: two ahead.
    // The wait: one ahead in A, at 10 minutes (no case finished yet), served by window 2 alone while C has someone waiting: (1 + 1) × 10 ÷ 1 = 20.
    await post('/windows/demo-w2/open');
    await post('/windows/demo-w3/open');
    expect(await status()).toMatchObject({ ahead: 2, estimatedWaitMinutes: 20 });
    // Window 3 calls C001: C is empty, so window 3 helps A as overflow (½): 2 × 10 ÷ 1.5 ≈ 13.
    await post('/windows/demo-w3/call', { ticketId: other.ticket.id });
    expect(await status()).toMatchObject({ ahead: 1, estimatedWaitMinutes: 13 });
  });

  it('[L7] the page is public but rate-limited per ticket link, and an unknown or malformed token is refused', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '3' });
    const clerk = await staffToken(app, 'clerk');
    const { phoneToken } = (await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } })).json<TicketResponse>();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'GET', url: `/api/public/tickets/${phoneToken}` })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);

    const fresh = await build();
    const unknown = await fresh.app.inject({ method: 'GET', url: `/api/public/tickets/${'x'.repeat(22)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ message: string }>().message).toContain('another day');
    expect((await fresh.app.inject({ method: 'GET', url: '/api/public/tickets/has%20space%20and%20more' })).statusCode).toBe(400);
  });
});

describe('getDevice: a screen finds its hall', () => {
  it('[L8] a paired screen reads its own device record; a request without a device token is refused', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const device = (
      await app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: '3 号窗口评价器', kind: 'rating', windowId: 'demo-w3' } })
    ).json<{ id: string; token: string }>();
    const me = await app.inject({ method: 'GET', url: '/api/devices/me', headers: bearer(device.token) });
    expect(me.json()).toEqual({ id: device.id, hallId: 'demo', name: '3 号窗口评价器', kind: 'rating', inside: false, windowId: 'demo-w3', windowNumber: 3 });
    expect((await app.inject({ method: 'GET', url: '/api/devices/me' })).statusCode).toBe(401);
  });
});
