import type { AdmitBatchResponse, CallResponse, ScreenVisitorResponse, TicketResponse } from '@hallflow/shared/api';
import type { HallSnapshot } from '@hallflow/shared';
import { DEFAULT_HOURS } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { bearer, build, greenPerson, staffToken } from './helper.ts';

describe('door to window, through the HTTP API', () => {
  it('[S1][B2][T3][Q1] a green visitor is screened, admitted in batch 1 with ticket C001, and called at window 3', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const clerk = await staffToken(app, 'clerk');

    const screened = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(door),
      payload: { name: '张小三', categoryId: 'demo-C', people: [greenPerson] },
    });
    expect(screened.statusCode).toBe(200);
    const screening = screened.json<ScreenVisitorResponse>();
    expect(screening.admitted).toBe(true);
    expect(screening.party.state).toBe('holding');
    expect(screening.party.displayName).not.toContain('小');

    const batch = (await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(door) })).json<AdmitBatchResponse>();
    expect(batch.batch?.number).toBe(1);
    expect(batch.parties.map((p) => p.state)).toEqual(['admitted']);
    expect(batch.tickets.map((t) => t.number)).toEqual(['C001']);

    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w3/open', headers: bearer(clerk) });
    const call = (await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w3/call-next', headers: bearer(clerk) })).json<CallResponse>();
    expect(call.ticket?.number).toBe('C001');
    expect(call.ticket?.state).toBe('called');
    expect(call.window.currentTicketId).toBe(call.ticket?.id);

    const done = await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${call.ticket?.id}/complete`, headers: bearer(clerk) });
    expect(done.statusCode).toBe(200);
    expect(done.json<CallResponse>().ticket?.state).toBe('done');
    expect(done.json<CallResponse>().window.currentTicketId).toBeNull();

    const snapshot = (await app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(clerk) })).json<HallSnapshot>();
    expect(snapshot.occupancy.inside).toBe(1);
    expect(snapshot.tickets.map((t) => [t.number, t.state])).toEqual([['C001', 'done']]);
    // screened, batch, window opened, called, completed
    expect(snapshot.seq).toBe(5);
  });

  it('[S2] a red-code visitor is denied with the reason, and never reaches the holding area', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const response = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(door),
      payload: { name: '李四', categoryId: 'demo-A', people: [{ ...greenPerson, healthCode: 'red' }] },
    });
    const body = response.json<ScreenVisitorResponse>();
    expect(body.admitted).toBe(false);
    expect(body.party.state).toBe('denied');
    expect(body.reasons.map((r) => r.code)).toEqual(['CODE_RED']);
    const batch = (await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(door) })).json<AdmitBatchResponse>();
    expect(batch.batch).toBeNull();
    expect(batch.reason).toMatch(/holding area/);
  });

  it('[T3] desk tickets count up per prefix: A001, A002, then B001', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    const issue = async (categoryId: string) =>
      (await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId } })).json<TicketResponse>()
        .ticket.number;
    expect([await issue('demo-A'), await issue('demo-A'), await issue('demo-B')]).toEqual(['A001', 'A002', 'B001']);
  });

  it('[T3] numbering restarts on the next business day in the hall time zone', async () => {
    const { app, clock } = await build({ SESSION_HOURS: '24' });
    const clerk = await staffToken(app, 'clerk');
    // A hall open around the clock, so the test can issue at midnight.
    const allDay = [{ open: '00:00', close: '23:59' }];
    app.store.sqlite
      .prepare("update halls set settings = json_set(settings, '$.hours', json(?)) where id = 'demo'")
      .run(JSON.stringify({ ...DEFAULT_HOURS, extendedMinutes: 0, lastTicketMinutes: 0, weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay])) }));
    const issue = async () =>
      (await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } })).json<TicketResponse>()
        .ticket.number;
    expect(await issue()).toBe('A001');
    clock.set('2026-11-25T15:58:00.000Z'); // 23:58 in Shanghai
    expect(await issue()).toBe('A002');
    clock.set('2026-11-25T16:01:00.000Z'); // 00:01 the next day in Shanghai
    expect(await issue()).toBe('A001');
  });

  it('[W1] a window that is not open cannot call, and an open window with a called ticket must finish it first', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    const closed = await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers: bearer(clerk) });
    expect(closed.statusCode).toBe(409);
    expect(closed.json<{ code: string }>().code).toBe('WINDOW_NOT_OPEN');
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers: bearer(clerk) });
    await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } });
    await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } });
    const first = await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers: bearer(clerk) });
    expect(first.json<CallResponse>().ticket?.number).toBe('A001');
    const busy = await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers: bearer(clerk) });
    expect(busy.statusCode).toBe(409);
    expect(busy.json<{ message: string }>().message).toContain('A001');
  });
});

describe("the visitor's own ticket page", () => {
  it('[L7] the unguessable token finds the ticket, its place in the queue and, once called, the window', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    const issue = async () =>
      (await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } })).json<TicketResponse>().ticket;
    await issue();
    const mine = await issue();
    const token = (app.store.sqlite.prepare('select public_token as t from tickets where id = ?').get(mine.id) as { t: string }).t;
    expect(token).toMatch(/^[0-9a-f]{8}[A-Za-z0-9_-]{22}$/);
    const waiting = (await app.inject({ method: 'GET', url: `/api/public/tickets/${token}` })).json<{ ahead: number; windowNumber: null }>();
    expect(waiting).toMatchObject({ ahead: 1, windowNumber: null });
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers: bearer(clerk) });
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call', headers: bearer(clerk), payload: { ticketId: mine.id } });
    const called = (await app.inject({ method: 'GET', url: `/api/public/tickets/${token}` })).json<{ ahead: null; windowNumber: number; ticket: { state: string } }>();
    expect(called).toMatchObject({ ahead: null, windowNumber: 2, ticket: { state: 'called' } });
    expect((await app.inject({ method: 'GET', url: `/api/public/tickets/${'x'.repeat(22)}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/public/tickets/short' })).statusCode).toBe(400);
  });
});
