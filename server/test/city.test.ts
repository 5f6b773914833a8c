import type { CityHallRow, CityJoinResult, CityOverview, Region } from '@hallflow/shared';
import { connectHall, type HallSocket } from '@hallflow/shared/realtime';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, EAST_HALL, greenPerson, login } from './helper.ts';

const sockets: HallSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function listening() {
  const test = await build();
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const address = test.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = await login(test.app, 'admin', ADMIN_PASSWORD);
  const member = async (role: string, username: string, hallId: string | null = 'demo') => {
    await test.app.inject({ method: 'POST', url: '/api/staff', headers: bearer(admin), payload: { username, displayName: username, role, hallId, password: 'password-123' } });
    return login(test.app, username, 'password-123');
  };
  return { ...test, url, admin, member };
}

function joinCity(url: string, token: string): Promise<{ socket: HallSocket; result: CityJoinResult; rows: CityHallRow[] }> {
  const socket = connectHall({ url, credential: 'staff', token });
  sockets.push(socket);
  const rows: CityHallRow[] = [];
  socket.on('city:changed', (row) => rows.push(row));
  return new Promise((resolve) => socket.emit('city:join', (result) => resolve({ socket, result, rows })));
}

async function until(condition: () => boolean, what: string, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the live city overview', () => {
  it('[CO1][CO3] supervisors and city-wide staff join the city room; a batch admitted updates the hall row live, with no personal data', async () => {
    const test = await listening();
    const door = await test.member('door', 'door');
    const supervisor = await test.member('supervisor', 'sup');
    const refused = await joinCity(test.url, door);
    expect(refused.result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const city = await joinCity(test.url, test.admin);
    const hall = await joinCity(test.url, supervisor);
    if (!city.result.ok || !hall.result.ok) throw new Error('join refused');
    const demo = city.result.overview.halls.find((h) => h.hallId === 'demo')!;
    expect(demo).toMatchObject({ name: '市民服务中心', regionId: 'central', occupancy: { inside: 0, capacity: 54, holding: 0, level: 'normal' }, alerts: [] });
    expect(demo.windows).toHaveLength(8);

    const post = (url: string, payload?: object) => test.app.inject({ method: 'POST', url: `/api/halls/demo${url}`, headers: bearer(door), ...(payload ? { payload } : {}) });
    await post('/screenings', { name: '张三', categoryId: 'demo-A', people: [greenPerson, greenPerson, greenPerson] });
    await until(() => city.rows.some((r) => r.occupancy.holding === 3), 'holding 3');
    await post('/batches');
    await until(() => city.rows.some((r) => r.occupancy.inside === 3 && r.queues.find((q) => q.prefix === 'A')?.waiting === 1), 'the batch');
    const last = city.rows.at(-1)!;
    expect(last).toMatchObject({ hallId: 'demo', occupancy: { inside: 3, holding: 0 }, alerts: ['no_window'] });
    await until(() => hall.rows.length === city.rows.length, 'the supervisor gets the same rows');
    expect(JSON.stringify(city.rows)).not.toContain('张');

    // A window opening clears the alert; the row says so.
    await test.app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers: bearer(test.admin) });
    await until(() => city.rows.at(-1)!.windows.find((w) => w.number === 2)?.state === 'open', 'window 2 open');
    expect(city.rows.at(-1)!.alerts).toEqual([]);
    // The row computed from the events equals the one read afresh.
    const fresh = (await test.app.inject({ method: 'GET', url: '/api/city/overview', headers: bearer(supervisor) })).json<CityOverview>();
    expect(fresh.halls.find((h) => h.hallId === 'demo')).toEqual(city.rows.at(-1));
  });

  it('[LV11][CO3] each hall\'s row carries its prevention level, and a change of level reaches the city room live', async () => {
    const test = await listening();
    const city = await joinCity(test.url, test.admin);
    if (!city.result.ok) throw new Error('join refused');
    expect(city.result.overview.halls.find((h) => h.hallId === 'demo')?.level).toBe('strict');
    const set = await test.app.inject({ method: 'POST', url: '/api/prevention-levels', headers: bearer(test.admin), payload: { target: { hallId: 'demo' }, level: 'elevated', reason: '周边出现病例' } });
    expect(set.statusCode, set.body).toBe(200);
    await until(() => city.rows.some((r) => r.hallId === 'demo' && r.level === 'elevated'), 'the row at 加强');
    const fresh = (await test.app.inject({ method: 'GET', url: '/api/city/overview', headers: bearer(test.admin) })).json<CityOverview>();
    expect(fresh.halls.find((h) => h.hallId === 'demo')).toEqual(city.rows.filter((r) => r.hallId === 'demo').at(-1));
  });

  it('[CO2][CA4] the four-level tree: each level under the one above; halls placed, renamed and retired; totals per level', async () => {
    const test = await listening();
    const region = (payload: object) => test.app.inject({ method: 'POST', url: '/api/regions', headers: bearer(test.admin), payload });
    expect((await region({ id: 'xinhua', parentId: 'central', level: 'town', name: '新华街道', nameEn: 'Xinhua' })).statusCode).toBe(201);
    const wrong = await region({ id: 'bad', parentId: 'central', level: 'community', name: '错社区', nameEn: 'Bad' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toContain('body/parentId');
    expect((await region({ id: 'orphan', level: 'district', name: '无上级区', nameEn: 'Orphan' })).json<{ message: string }>().message).toContain('body/parentId');
    expect((await region({ id: 'xinhua', parentId: 'central', level: 'town', name: '重复', nameEn: 'Dup' })).statusCode).toBe(409);

    await test.app.inject({ method: 'POST', url: '/api/halls', headers: bearer(test.admin), payload: EAST_HALL });
    const placed = await test.app.inject({ method: 'PATCH', url: '/api/halls/east', headers: bearer(test.admin), payload: { regionId: 'xinhua', name: '新华街道便民服务中心' } });
    expect(placed.json()).toMatchObject({ regionId: 'xinhua', hall: { name: '新华街道便民服务中心' } });
    expect((await test.app.inject({ method: 'PATCH', url: '/api/halls/east', headers: bearer(test.admin), payload: { regionId: 'nowhere' } })).statusCode).toBe(400);
    // The address visitors are sent to (V6) can change after the hall was created; blanks around it are dropped.
    expect((await test.app.inject({ method: 'PATCH', url: '/api/halls/east', headers: bearer(test.admin), payload: { address: ' 新华路 8 号 ' } })).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'GET', url: '/api/halls/east/catalogue' })).json<{ hall: { address: string } }>().hall.address).toBe('新华路 8 号');
    expect((await test.app.inject({ method: 'PATCH', url: '/api/halls/east', headers: bearer(test.admin), payload: { address: 'x'.repeat(201) } })).statusCode).toBe(400);
    const supervisor = await test.member('supervisor', 'sup');
    expect((await test.app.inject({ method: 'PATCH', url: '/api/halls/demo', headers: bearer(supervisor), payload: { name: 'x' } })).statusCode).toBe(403);

    const overview = (await test.app.inject({ method: 'GET', url: '/api/city/overview', headers: bearer(supervisor) })).json<CityOverview>();
    expect(overview.regions.map((r: Region) => r.id)).toEqual(expect.arrayContaining(['demo-city', 'central', 'renmin', 'heping', 'xinhua']));
    expect(overview.halls.map((h) => [h.hallId, h.regionId])).toEqual([['demo', 'central'], ['east', 'xinhua']]);

    // Retired: no longer listed nor in the overview, its history kept for reports.
    await test.app.inject({ method: 'PATCH', url: '/api/halls/east', headers: bearer(test.admin), payload: { retired: true } });
    const listed = (await test.app.inject({ method: 'GET', url: '/api/halls' })).json<{ id: string }[]>();
    expect(listed.map((h) => h.id)).toEqual(['demo']);
    const after = (await test.app.inject({ method: 'GET', url: '/api/city/overview', headers: bearer(supervisor) })).json<CityOverview>();
    expect(after.halls.map((h) => h.hallId)).toEqual(['demo']);
    const report = await test.app.inject({ method: 'GET', url: '/api/reports?hallId=east&from=2026-11-25&to=2026-11-25', headers: bearer(test.admin) });
    expect(report.json<{ halls: { name: string }[] }>().halls).toEqual([{ id: 'east', name: '新华街道便民服务中心' }]);
  });
});
