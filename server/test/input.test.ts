import type { AppointmentView, CallResponse, TicketResponse } from '@hallflow/shared/api';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { tickets } from '../src/db/schema/index.ts';
import { issueTicketTx } from '../src/modules/tickets/issue.service.ts';
import { allow } from '../src/plugins/app/auth.ts';
import { ADMIN_PASSWORD, EAST_HALL, bearer, build, login, staffToken, tableCounts } from './helper.ts';
import { booking, idFor } from './support/booking.ts';

describe('no input can break a hall', () => {
  it('[IN1] numbers sent as strings, non-finite or huge numbers are refused naming the field; the hall and the city still read', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const before = tableCounts(app);
    const crowd = (over: Record<string, unknown>) => ({ floorAreaM2: 500, areaPerPersonM2: 5, holdingCapacity: 20, batchSize: 5, ...over });
    const bodies: [string, string, object, string][] = [
      ['PUT', '/api/halls/demo/crowd-config', crowd({ batchSize: 'Infinity' }), 'batchSize'],
      ['PUT', '/api/halls/demo/crowd-config', crowd({ batchSize: '-Infinity' }), 'batchSize'],
      ['PUT', '/api/halls/demo/crowd-config', crowd({ batchSize: '1e400' }), 'batchSize'],
      ['PUT', '/api/halls/demo/crowd-config', crowd({ batchSize: '5' }), 'batchSize'],
      ['PUT', '/api/halls/demo/crowd-config', crowd({ holdingCapacity: true }), 'holdingCapacity'],
    ];
    for (const [method, url, payload, field] of bodies) {
      const response = await app.inject({ method: method as 'PUT', url, headers: bearer(supervisor), payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<{ message: string }>().message).toContain(field);
    }
    // A raw JSON 1e400 parses to Infinity: refused too, wherever it appears.
    const raw = await app.inject({
      method: 'PUT',
      url: '/api/halls/demo/crowd-config',
      headers: { ...bearer(supervisor), 'content-type': 'application/json' },
      payload: '{"floorAreaM2": 1e400, "areaPerPersonM2": 5, "holdingCapacity": 20, "batchSize": 5}',
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json<{ message: string }>().message).toContain('floorAreaM2');
    // The public rating route takes no strings for numbers either.
    const issued = (await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId: 'demo-A' } })).json<TicketResponse>();
    const rating = await app.inject({ method: 'POST', url: `/api/public/tickets/${issued.phoneToken}/rating`, payload: { level: 'Infinity' } });
    expect(rating.statusCode).toBe(400);
    const afterIssue = tableCounts(app);
    expect({ ...afterIssue, tickets: before.tickets, events: before.events, audit_log: before.audit_log, queue_counts: before.queue_counts }).toEqual(before);
    for (const url of ['/api/halls/demo/snapshot', '/api/halls/demo/configuration', '/api/halls/demo/occupancy', '/api/city/occupancy']) {
      expect((await app.inject({ method: 'GET', url, headers: bearer(admin) })).statusCode, url).toBe(200);
    }
    // Query numbers are converted from text, but only real ones pass.
    const page = await app.inject({ method: 'GET', url: '/api/audit-log?limit=Infinity', headers: bearer(admin) });
    expect(page.statusCode).toBe(400);
  });

  it('[IN2] an impossible date is refused: it neither books a full slot again nor gets round the one-per-ID limit', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '1000' });
    const before = tableCounts(app);
    for (const date of ['2026-06-31', '2026-13-45', '0000-00-00', '2026-02-29', '2026-11-25T00:00']) {
      const booked = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ date }) });
      expect(booked.statusCode, date).toBe(400);
      expect(booked.json<{ message: string }>().message).toContain('date');
      const slots = await app.inject({ method: 'GET', url: `/api/halls/demo/slots?categoryId=demo-C&date=${encodeURIComponent(date)}` });
      expect(slots.statusCode, date).toBe(400);
    }
    expect(tableCounts(app)).toEqual(before);
    // 2028 is a leap year: its 29 February is a real date (closed or not, it is not a malformed request).
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/slots?categoryId=demo-C&date=2028-02-29' })).statusCode).toBe(200);
  });

  it('[IN3] ids that name prototype properties or nothing at all are refused, never a 500', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '1000' });
    const door = await staffToken(app, 'door');
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'no-such-category']) {
      const slots = await app.inject({ method: 'GET', url: `/api/halls/demo/slots?categoryId=${id}&date=2026-11-26` });
      expect(slots.statusCode, id).toBe(404);
      expect(slots.json<{ code: string }>().code).toBe('UNKNOWN_CATEGORY');
      const booked = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ categoryId: id, date: '2026-11-26' }) });
      expect(booked.statusCode, id).toBeGreaterThanOrEqual(400);
      expect(booked.statusCode, id).toBeLessThan(500);
      const screened = await app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '王五', categoryId: id, people: [] } });
      expect(screened.statusCode, id).toBe(400);
      expect((await app.inject({ method: 'GET', url: `/api/halls/${id}/occupancy`, headers: bearer(door) })).statusCode, id).toBe(403);
      expect((await app.inject({ method: 'GET', url: `/api/halls/${id}/catalogue` })).statusCode, id).toBe(404);
    }
    // Places per category are looked up by the map's own keys only.
    const supervisor = await staffToken(app, 'supervisor');
    const settings = (await app.inject({ method: 'GET', url: '/api/halls/demo/appointment-settings' })).json<Record<string, unknown>>();
    const saved = await app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', headers: bearer(supervisor), payload: { ...settings, placesByCategory: { constructor: 3 } } });
    expect(saved.statusCode).toBeLessThan(500);
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/slots?categoryId=demo-C&date=2026-11-26' })).statusCode).toBe(200);
  });

  it('[IN4] a command whose answer cannot be written leaves nothing behind: no change, no event, no audit entry', async () => {
    // A command whose answer breaks its own response schema, as a bug would: it issues a ticket, then answers without the field it promised.
    const { app } = await build({}, (instance) =>
      instance.post(
        '/api/test/broken-answer',
        { schema: { operationId: 'testBrokenAnswer', response: { 200: Type.Object({ must: Type.String() }) } }, config: { access: allow.staff(['admin'], 'any') } },
        async (request, reply) =>
          instance.command(request, reply, { hallId: 'demo' }, (ctx) => {
            issueTicketTx(ctx, 'demo', { categoryId: 'demo-A', priority: false, partyId: null, partySize: 1 });
            return {};
          }),
      ),
    );
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const before = tableCounts(app);
    const response = await app.inject({ method: 'POST', url: '/api/test/broken-answer', headers: bearer(admin) });
    expect(response.statusCode).toBe(500);
    expect(response.json<{ message: string }>().message).toContain('nothing was changed');
    expect(tableCounts(app)).toEqual(before);
  });

  it("[IN4] one hall whose stored data cannot be read never takes down another hall's or the city's reads", async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '1000' });
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const east = await app.inject({ method: 'POST', url: '/api/halls', headers: bearer(admin), payload: EAST_HALL });
    expect(east.statusCode).toBe(201);
    await app.inject({ method: 'POST', url: '/api/halls/east/categories', headers: bearer(admin), payload: { prefix: 'A', name: '综合业务', nameEn: 'General' } });
    // A row damaged outside the application (a bad restore, a hand edit).
    app.store.sqlite.prepare("update halls set settings = '{' where id = 'east'").run();
    const city = await app.inject({ method: 'GET', url: '/api/city/occupancy', headers: bearer(admin) });
    expect(city.statusCode).toBe(200);
    expect(city.json<{ hallId: string }[]>().map((h) => h.hallId)).toEqual(['demo']);
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(admin) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/diversion?categoryId=demo-A' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/halls' })).statusCode).toBe(200);
  });

  it('[IN5] a retried command with the same Idempotency-Key returns the first answer and changes nothing again', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '1000' });
    const clerk = await staffToken(app, 'clerk');
    const key = { 'idempotency-key': 'book-7f3a9c21' };
    const first = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', headers: key, payload: booking({ idNumber: idFor(77) }) });
    expect(first.statusCode).toBe(201);
    const counts = tableCounts(app);
    const retry = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', headers: key, payload: booking({ idNumber: idFor(77) }) });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json<AppointmentView>().code).toBe(first.json<AppointmentView>().code);
    expect(tableCounts(app)).toEqual(counts);
    const reused = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', headers: key, payload: booking({ idNumber: idFor(77), slot: '14:30' }) });
    expect(reused.statusCode).toBe(422);
    expect(reused.json<{ code: string }>().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', headers: { 'idempotency-key': 'x' }, payload: booking() })).statusCode).toBe(400);

    // A double-tapped "call next" calls one ticket.
    for (let i = 0; i < 3; i++) await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } });
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/open', headers: bearer(clerk) });
    const tap = { ...bearer(clerk), 'idempotency-key': 'call-next-0001' };
    const [one, two] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/call-next', headers: tap }),
      app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/call-next', headers: tap }),
    ]);
    expect(one.json<CallResponse>().ticket!.id).toBe(two.json<CallResponse>().ticket!.id);
    // Nothing kept for a retry can be worked back to personal data or a secret: the stored answers hold none, and sign-ins are not kept at all.
    const kept = JSON.stringify(app.store.sqlite.prepare('select * from idempotency_keys').all());
    expect(kept).not.toContain(idFor(77));
    expect(kept).not.toContain('13800138000');
    await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'idempotency-key': 'login-00000001' }, payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(JSON.stringify(app.store.sqlite.prepare('select * from idempotency_keys').all())).not.toContain('token');
    const called = app.store.db.select({ state: tickets.state }).from(tickets).all().filter((t) => t.state === 'called');
    expect(called).toHaveLength(1);
  });
});
