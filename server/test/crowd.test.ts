import type { AdmitBatchResponse, DiversionResponse, ExitResponse, OccupancyResponse, ScreenVisitorResponse } from '@hallflow/shared/api';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { runHousekeeping } from '../src/modules/crowd/housekeeping.service.ts';
import { ADMIN_PASSWORD, bearer, build, greenPerson, login, staffToken, tableCounts } from './helper.ts';

type Body = Record<string, unknown>;

async function crowd(app: FastifyInstance, config: Body = { maxOccupancy: 6, staffOnFloor: 0, holdingCapacity: 8, batchSize: 4 }) {
  const door = await staffToken(app, 'door');
  const supervisor = await staffToken(app, 'supervisor');
  const call = async <T>(token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Body) => {
    const response = await app.inject({ method, url: `/api/halls/demo${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
    const isJson = String(response.headers['content-type']).includes('json');
    return { status: response.statusCode, body: (isJson ? response.json() : {}) as T & { message: string; code: string }, raw: response };
  };
  await call(supervisor, 'PUT', '/crowd-config', config);
  const arrive = async (name: string, size = 1) =>
    (await call<ScreenVisitorResponse>(door, 'POST', '/screenings', { name, categoryId: 'demo-A', people: Array.from({ length: size }, () => greenPerson) })).body;
  const admit = async (payload?: Body) => (await call<AdmitBatchResponse>(door, 'POST', '/batches', payload)).body;
  const occupancy = async () => (await call<OccupancyResponse>(door, 'GET', '/occupancy')).body.occupancy;
  return { door, supervisor, call, arrive, admit, occupancy };
}

describe('capacity, alerts and overrides', () => {
  it('[C2] alert levels at 80 % and 90 %, full at capacity', async () => {
    const { app } = await build();
    const { arrive, admit, occupancy } = await crowd(app, { maxOccupancy: 10, staffOnFloor: 0, holdingCapacity: 20, batchSize: 10 });
    const levels: string[] = [];
    for (const size of [3, 3, 2, 1, 1]) {
      await arrive(`访客${size}`, size);
      await admit();
      levels.push(`${(await occupancy()).inside}:${(await occupancy()).level}`);
    }
    expect(levels).toEqual(['3:normal', '6:normal', '8:high', '9:very_high', '10:full']);
  });

  it('[C4][B2] at 100 % nobody more is admitted; only a supervisor override with a reason lets one batch in, audited', async () => {
    const { app } = await build();
    const { arrive, admit, occupancy, call, door, supervisor } = await crowd(app);
    for (const name of ['甲一', '乙二', '丙三']) await arrive(name, 2);
    expect((await admit()).parties).toHaveLength(2); // 4 people: batch size
    expect((await admit()).parties).toHaveLength(1); // the last 2 fit exactly: 6/6
    await arrive('丁四');
    const refused = await admit();
    expect(refused.batch).toBeNull();
    expect(refused.reason).toContain('full');
    expect((await call(door, 'POST', '/batches', { override: { reason: '老人就医急需' } })).status).toBe(403);
    expect((await call(supervisor, 'POST', '/batches', { override: {} })).status).toBe(400);
    const overridden = await call<AdmitBatchResponse>(supervisor, 'POST', '/batches', { override: { reason: '老人就医急需' } });
    expect(overridden.body.parties).toHaveLength(1);
    expect((await occupancy()).inside).toBe(7);
    const csv = await call<string>(supervisor, 'GET', '/entry-log.csv?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z');
    expect(csv.raw.body).toContain('override');
    expect(csv.raw.body).toContain('老人就医急需');
  });

  it('[B4] when the holding area is full a visitor is told when to come back, and nothing is recorded', async () => {
    const { app } = await build();
    const { arrive, call, door } = await crowd(app, { holdingCapacity: 3, batchSize: 2, maxOccupancy: 6, staffOnFloor: 0 });
    await arrive('甲', 3);
    const before = tableCounts(app);
    const full = await call(door, 'POST', '/screenings', { name: '乙', categoryId: 'demo-A', people: [greenPerson] });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('HOLDING_FULL');
    expect(full.body.message).toContain('10:10'); // one batch ahead, ten minutes
    expect(tableCounts(app)).toEqual(before);
  });
});

describe('exits', () => {
  it('[X1] scanning the ticket QR at the exit lets the whole party out; scanning again is refused', async () => {
    const { app } = await build();
    const { arrive, admit, occupancy, call, door } = await crowd(app);
    await arrive('张三', 3);
    const batch = await admit();
    const token = batch.phoneTokens[batch.tickets[0]!.id]!;
    expect((await occupancy()).inside).toBe(3);
    const exit = await call<ExitResponse>(door, 'POST', '/exits', { code: token });
    expect(exit.body.party?.state).toBe('exited');
    expect(exit.body.occupancy.inside).toBe(0);
    expect((await call(door, 'POST', '/exits', { code: token })).status).toBe(409);
    expect((await call(door, 'POST', '/exits', { code: 'NO-SUCH-CODE' })).status).toBe(404);
  });

  it('[X1] "one person left" counts down, never below zero, and a later scan of that party does not count twice', async () => {
    const { app } = await build();
    const { arrive, admit, occupancy, call, door } = await crowd(app);
    await arrive('李四', 2);
    const batch = await admit();
    await call(door, 'POST', '/exits', { onePersonLeft: true });
    await call(door, 'POST', '/exits', { onePersonLeft: true });
    expect((await occupancy()).inside).toBe(0);
    expect((await call(door, 'POST', '/exits', { onePersonLeft: true })).status).toBe(409);
    await call(door, 'POST', '/exits', { code: batch.tickets[0]!.number });
    expect((await occupancy()).inside).toBe(0);
    await arrive('王五', 1);
    await admit();
    expect((await occupancy()).inside).toBe(1);
  });

  it('[C3] a supervisor corrects the count with a reason; a door account cannot; the correction is in the log', async () => {
    const { app } = await build();
    const { arrive, admit, occupancy, call, door, supervisor } = await crowd(app);
    await arrive('赵六', 2);
    await admit();
    expect((await call(door, 'POST', '/occupancy/correction', { inside: 5, reason: '现场清点' })).status).toBe(403);
    expect((await call(supervisor, 'POST', '/occupancy/correction', { inside: 5 })).status).toBe(400);
    const corrected = await call<{ occupancy: { inside: number } }>(supervisor, 'POST', '/occupancy/correction', { inside: 5, reason: '现场清点' });
    expect(corrected.body.occupancy.inside).toBe(5);
    expect((await occupancy()).inside).toBe(5);
    const csv = (await call(supervisor, 'GET', '/entry-log.csv?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z')).raw;
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.body).toContain('2 → 5: 现场清点');
    expect(csv.body).toContain('赵*');
  });

  it('[X2][P2] housekeeping counts out visitors 20 minutes after their service ended, and purges logs and readings after 28 days', async () => {
    const { app, clock } = await build();
    const { arrive, admit, occupancy } = await crowd(app);
    const clerk = await staffToken(app, 'clerk');
    await arrive('钱七', 2);
    const batch = await admit();
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers: bearer(clerk) });
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers: bearer(clerk) });
    await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${batch.tickets[0]!.id}/complete`, headers: bearer(clerk) });
    clock.advance(19);
    expect(runHousekeeping(app.store.db, app.commands, clock.now()).countedOut).toBe(0);
    clock.advance(1);
    expect(runHousekeeping(app.store.db, app.commands, clock.now()).countedOut).toBe(1);
    expect((await occupancy()).inside).toBe(0);
    const readings = () => (app.store.sqlite.prepare('select count(*) as n from screenings where readings is not null').get() as { n: number }).n;
    const entries = () => (app.store.sqlite.prepare('select count(*) as n from entry_log').get() as { n: number }).n;
    expect([readings(), entries()]).toEqual([1, 2]);
    clock.advance(27 * 24 * 60);
    runHousekeeping(app.store.db, app.commands, clock.now());
    expect([readings(), entries()]).toEqual([1, 2]);
    clock.advance(24 * 60 + 60); // now more than 28 days after both entries
    const purged = runHousekeeping(app.store.db, app.commands, clock.now());
    expect(purged).toMatchObject({ entriesPurged: 2, screeningsAnonymised: 1 });
    expect([readings(), entries()]).toEqual([0, 0]);
    // The screening itself stays, counted in reports (when, admitted or not); its readings and reasons go, and the party's name (RT1).
    expect((app.store.sqlite.prepare('select count(*) as n from screenings').get() as { n: number }).n).toBe(1);
  });
});

describe('diversion', () => {
  it('[D1][D2] a full hall suggests the other halls open now that offer the service, by room and by their own measured wait, and its own later free slots', async () => {
    const { app, clock } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const as = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: Body) => {
      const response = await app.inject({ method, url, headers: bearer(admin), ...(payload ? { payload } : {}) });
      if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
      return response.json<T>();
    };
    const makeHall = async (id: string, name: string, maxOccupancy: number, waiting: number) => {
      await as('POST', '/api/halls', { id, name, nameEn: id, address: `${name}地址`, floorAreaM2: 100, areaPerPersonM2: 10, maxOccupancy, holdingCapacity: 5, batchSize: 5 });
      await as('POST', `/api/halls/${id}/categories`, { prefix: 'A', name: '商事登记', nameEn: 'Business' });
      await as('POST', `/api/halls/${id}/windows`, { number: 1, categoryIds: [`${id}-A`] });
      await as('POST', `/api/halls/${id}/windows/${id}-w1/open`);
      for (let i = 0; i < waiting; i++) await as('POST', `/api/halls/${id}/tickets`, { categoryId: `${id}-A` });
    };
    await makeHall('north', '北区分中心', 0, 0); // no room
    await makeHall('south', '南区分中心', 20, 2);
    await makeHall('west', '西区分中心', 20, 3);
    await makeHall('east', '东区分中心', 20, 0);
    // South's services take 30 minutes each today: its wait is measured, not assumed to be 10 minutes a case (E1).
    for (let i = 0; i < 2; i++) {
      const { ticket } = await as<{ ticket: { id: string } }>('POST', '/api/halls/south/windows/south-w1/call-next');
      await as('POST', `/api/halls/south/tickets/${ticket.id}/start`);
      clock.advance(30);
      await as('POST', `/api/halls/south/tickets/${ticket.id}/complete`);
    }
    for (let i = 0; i < 3; i++) await as('POST', '/api/halls/south/tickets', { categoryId: 'south-A' });
    // East is closed today (Wednesday), whatever its room.
    const eastHours = await as<Record<string, unknown>>('GET', '/api/halls/east/policies').then((p) => p.hours as { weekly: Record<string, unknown> });
    await as('PUT', '/api/halls/east/hours', { ...eastHours, weekly: { ...eastHours.weekly, wed: [] } });
    // D2: the demo hall takes one appointment per slot for this service; 11:30 is booked.
    const settings = await as<Record<string, unknown>>('GET', '/api/halls/demo/appointment-settings');
    await as('PUT', '/api/halls/demo/appointment-settings', { ...settings, placesByCategory: { 'demo-A': 1 } });
    await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: { categoryId: 'demo-A', date: '2026-11-25', slot: '11:30', name: '预约人', mobile: '13800138000', idNumber: '410102199003070019', partySize: 1 } });

    const { arrive, admit } = await crowd(app, { maxOccupancy: 1, staffOnFloor: 0, holdingCapacity: 5, batchSize: 5 });
    await arrive('孙八');
    await admit();
    const response = await app.inject({ method: 'GET', url: '/api/halls/demo/diversion?categoryId=demo-A' });
    const body = response.json<DiversionResponse>();
    expect(body.full).toBe(true);
    // West: 3 waiting × 10 min (no case finished yet); south: 3 waiting at its measured 17.2 min a case; north has no room; east is closed.
    expect(body.alternatives.map((a) => [a.hallId, a.free, a.waiting, a.handlingMinutes, a.estimatedWaitMinutes])).toEqual([
      ['west', 20, 3, 10, 40],
      ['south', 20, 3, 17.2, 69],
      ['north', 0, 0, 10, 0],
    ]);
    expect(body.alternatives[0]).toMatchObject({ address: '西区分中心地址', lastTicketAt: '17:30' });
    expect(body.laterSlots).toEqual([
      { date: '2026-11-25', start: '12:00', end: '12:30', free: 1 },
      { date: '2026-11-25', start: '12:30', end: '13:00', free: 1 },
      { date: '2026-11-25', start: '13:00', end: '13:30', free: 1 },
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/diversion?categoryId=nope' })).statusCode).toBe(400);
  });

  it('[D1][D3][H9] a hall between its two sessions is suggested after those issuing now, with the time it reopens; past its last ticket it is not', async () => {
    const { app, clock } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Body) => app.inject({ method, url, headers: bearer(admin), ...(payload ? { payload } : {}) });
    await as('POST', '/api/halls', { id: 'split', name: '分时段中心', nameEn: 'Split', floorAreaM2: 100, areaPerPersonM2: 10, holdingCapacity: 5, batchSize: 5 });
    await as('POST', '/api/halls/split/categories', { prefix: 'A', name: '商事登记', nameEn: 'Business' });
    const hours = (await as('GET', '/api/halls/split/policies')).json<{ hours: { weekly: Record<string, unknown> } }>().hours;
    const sessions = [{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }];
    expect((await as('PUT', '/api/halls/split/hours', { ...hours, weekly: { ...hours.weekly, wed: sessions } })).statusCode).toBe(200);
    const suggested = async () => (await app.inject({ method: 'GET', url: '/api/halls/demo/diversion?categoryId=demo-A' })).json<DiversionResponse>().alternatives.map((a) => [a.hallId, a.opensAt]);
    expect(await suggested()).toEqual([['split', null]]); // 10:00
    clock.set('2026-11-25T05:00:00.000Z'); // 13:00 in Shanghai: between the sessions
    expect(await suggested()).toEqual([['split', '14:00']]);
    clock.set('2026-11-25T09:40:00.000Z'); // 17:40: past the last ticket (17:30)
    expect(await suggested()).toEqual([]);
  });
});

describe('automatic batches', () => {
  it('[B3] in auto mode an exit that frees enough places admits the next batch by itself; in propose mode it is proposed', async () => {
    const { app } = await build();
    const { arrive, admit, call, door, occupancy } = await crowd(app, {
      maxOccupancy: 3,
      staffOnFloor: 0,
      holdingCapacity: 10,
      batchSize: 3,
      crowd: { autoMode: 'auto', autoThreshold: 2 },
    });
    await arrive('甲', 3);
    const first = await admit();
    await arrive('乙', 2);
    expect((await occupancy()).holding).toBe(2);
    await call(door, 'POST', '/exits', { code: first.tickets[0]!.number });
    const after = await occupancy();
    expect(after).toMatchObject({ inside: 2, holding: 0 }); // 乙's party went in on its own
    const batches = app.store.sqlite.prepare('select number, staff_id as staff from batches order by number').all();
    expect(batches).toEqual([
      { number: 1, staff: expect.any(String) },
      { number: 2, staff: null },
    ]);
  });

  it('[B3] propose mode records a proposal event instead of admitting', async () => {
    const { app } = await build();
    const { arrive, admit, call, door, occupancy } = await crowd(app, {
      maxOccupancy: 3,
      staffOnFloor: 0,
      holdingCapacity: 10,
      batchSize: 3,
      crowd: { autoMode: 'propose', autoThreshold: 2 },
    });
    await arrive('丙', 3);
    const first = await admit();
    await arrive('丁', 1);
    await call(door, 'POST', '/exits', { code: first.tickets[0]!.number });
    expect((await occupancy()).holding).toBe(1);
    const last = app.store.sqlite.prepare('select type from events order by seq desc limit 1').get() as { type: string };
    expect(last.type).toBe('batch.proposed');
  });
});
