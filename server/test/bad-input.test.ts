import { describe, expect, it } from 'vitest';
import { bearer, build, greenPerson, staffToken, tableCounts } from './helper.ts';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

describe('bad input is refused clearly and writes nothing', () => {
  it('[A10][S5] a wrong field gets 400 naming the field, and nothing is written', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const before = tableCounts(app);
    const cases: [unknown, string][] = [
      [{ name: '王五', categoryId: 'demo-A', people: [{ ...greenPerson, temperature: 46 }] }, 'temperature'],
      [{ name: '王五', categoryId: 'demo-A', people: [{ ...greenPerson, healthCode: 'blue' }] }, 'healthCode'],
      [{ name: '王五', categoryId: 'demo-A', people: [] }, 'people'],
      [{ name: '王五', categoryId: 'demo-A', people: [greenPerson, greenPerson, greenPerson, greenPerson] }, 'people'],
      [{ categoryId: 'demo-A', people: [greenPerson] }, 'name'],
      [{ name: '王五', categoryId: 'demo-A', people: [greenPerson], extra: 1 }, 'extra'],
      [{ name: '王五', categoryId: 'demo-A', people: [{ ...greenPerson, mask: 'yes' }] }, 'mask'],
    ];
    for (const [payload, field] of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: payload as object });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const body = response.json<ErrorBody>();
      expect(body.code).toBe('VALIDATION_ERROR');
      expect(body.message).toContain(field);
    }
    expect(tableCounts(app)).toEqual(before);
  });

  it('[A10] an unknown category is a 400 that names it, and nothing is written', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const before = tableCounts(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(door),
      payload: { name: '王五', categoryId: 'demo-Z', people: [greenPerson] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().message).toContain('demo-Z');
    expect(tableCounts(app)).toEqual(before);
  });

  it('[A10] malformed JSON and a wrong content type get a 4xx, never a 500', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const before = tableCounts(app);
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: { ...bearer(door), 'content-type': 'application/json' },
      payload: '{"name": "王五", ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ErrorBody>().message).toMatch(/JSON/i);
    const emptyBody = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: { ...bearer(door), 'content-type': 'application/json' },
      payload: '',
    });
    expect(emptyBody.statusCode).toBe(400);
    const text = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: { ...bearer(door), 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(400);
    expect(text.json<ErrorBody>().message).toBe('body must be object');
    const xml = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: { ...bearer(door), 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }),
    });
    expect(huge.statusCode).toBe(413);
    expect(tableCounts(app)).toEqual(before);
  });

  it('[A10] an unknown route gets a JSON 404', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/nope?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json<ErrorBody>()).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', error: 'Not Found', message: 'No route GET /api/nope' });
  });

  it('[A10] an unknown hall, window or ticket is a 404 that names it', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    const window = await app.inject({ method: 'POST', url: '/api/halls/demo/windows/nope/call-next', headers: bearer(clerk) });
    expect(window.statusCode).toBe(404);
    expect(window.json<ErrorBody>().message).toBe('Window nope not found');
    const ticket = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets/nope/complete', headers: bearer(clerk) });
    expect(ticket.statusCode).toBe(404);
    expect(ticket.json<ErrorBody>().message).toBe('Ticket nope not found');
  });

  it('[T1] completing a ticket twice is a 409 that says why, and the second attempt writes nothing', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers: bearer(clerk) });
    await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } });
    const call = (await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers: bearer(clerk) })).json<{
      ticket: { id: string };
    }>();
    const url = `/api/halls/demo/tickets/${call.ticket.id}/complete`;
    expect((await app.inject({ method: 'POST', url, headers: bearer(clerk) })).statusCode).toBe(200);
    const before = tableCounts(app);
    const again = await app.inject({ method: 'POST', url, headers: bearer(clerk) });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().message).toMatch(/done/);
    expect(tableCounts(app)).toEqual(before);
  });
});
