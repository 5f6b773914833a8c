import type { TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login } from './helper.ts';
import { booking, idFor } from './support/booking.ts';

/** Self-service terminals: paired and revoked like screens, doing only what a visitor may. */
describe('self-service terminals', () => {
  async function hall() {
    const built = await build();
    const admin = await login(built.app, 'admin', ADMIN_PASSWORD);
    const pair = async (inside?: boolean) => {
      const response = await built.app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: '自助终端', kind: 'kiosk', ...(inside === undefined ? {} : { inside }) } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string; token: string }>();
    };
    const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) => built.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
    const allowTickets = (on: boolean) => call('PUT', '/api/halls/demo/calling-policy', admin, { normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 30, kioskTickets: on });
    return { ...built, admin, pair, call, allowTickets };
  }

  it('[KS1] a terminal reads its hall\'s public state and nothing of staff; a revoked terminal reads nothing', async () => {
    const { app, admin, pair, call } = await hall();
    const kiosk = await pair();
    expect((await call('GET', '/api/devices/me', kiosk.token)).json()).toMatchObject({ kind: 'kiosk', hallId: 'demo', inside: false });
    const snapshot = await call('GET', '/api/halls/demo/snapshot', kiosk.token);
    expect(snapshot.statusCode).toBe(200);
    expect(snapshot.body).not.toContain('"parties"');
    expect((await call('POST', '/api/halls/demo/tickets', kiosk.token, { categoryId: 'demo-A' })).statusCode).toBe(403);
    expect((await call('GET', '/api/halls/demo/screening-policy', kiosk.token)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: 'x', kind: 'lobby', inside: true } })).statusCode).toBe(400);
    expect((await call('POST', `/api/halls/demo/devices/${kiosk.id}/revoke`, admin)).statusCode).toBe(200);
    expect((await call('GET', '/api/halls/demo/snapshot', kiosk.token)).statusCode).toBe(401);
  });

  it('[KS5] a ticket only where the hall allows it and at a terminal inside the hall; never priority', async () => {
    const { pair, call, allowTickets } = await hall();
    const inside = await pair(true);
    const outside = await pair(false);
    const take = (token: string, payload: object = { bundleId: 'demo-open-restaurant', partySize: 2 }) => call('POST', '/api/halls/demo/kiosk/tickets', token, payload);

    expect((await take(inside.token)).json()).toMatchObject({ code: 'KIOSK_TICKETS_OFF' });
    expect((await allowTickets(true)).statusCode).toBe(200);
    expect((await take(outside.token)).json()).toMatchObject({ code: 'KIOSK_OUTSIDE' });
    const taken = await take(inside.token);
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json<TicketResponse>()).toMatchObject({ ticket: { number: 'G001', categoryId: 'demo-G', priority: false, partySize: 2 }, ahead: 0 });
    expect((await take(inside.token, { categoryId: 'demo-A', priority: true })).statusCode).toBe(400);
  });

  it('[KS7] a booking without a name is taken only from a terminal of the hall, kept as 「访客」; anyone else is told to give one, and nothing is written', async () => {
    const { app, admin, pair, call } = await hall();
    const kiosk = await pair();
    const { name: _name, ...nameless } = booking({ idNumber: idFor(701) });
    const count = async () => (await app.inject({ method: 'GET', url: '/api/halls/demo/slots?categoryId=demo-C&date=' + nameless.date })).json<{ start: string; free: number }[]>().find((s) => s.start === nameless.slot)!.free;
    const free = await count();

    const anonymous = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: nameless });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json()).toMatchObject({ code: 'NAME_REQUIRED' });
    expect((await call('POST', '/api/halls/demo/appointments', admin, { ...nameless, name: '  ' })).json()).toMatchObject({ code: 'NAME_REQUIRED' });
    const lobby = await app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: '大厅屏', kind: 'lobby' } });
    expect((await call('POST', '/api/halls/demo/appointments', lobby.json<{ token: string }>().token, nameless)).json()).toMatchObject({ code: 'NAME_REQUIRED' });
    expect(await count()).toBe(free);

    const booked = await call('POST', '/api/halls/demo/appointments', kiosk.token, nameless);
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ name: '访客', idType: 'resident' });
    expect(await count()).toBe(free - 1);

    // A revoked terminal is nobody's terminal.
    expect((await call('POST', `/api/halls/demo/devices/${kiosk.id}/revoke`, admin)).statusCode).toBe(200);
    expect((await call('POST', '/api/halls/demo/appointments', kiosk.token, { ...nameless, idNumber: idFor(702) })).json()).toMatchObject({ code: 'NAME_REQUIRED' });
  });
});
