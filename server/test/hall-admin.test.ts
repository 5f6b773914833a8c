import type { HallConfiguration } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { eventsSince } from '../src/core/event-log.ts';
import { ADMIN_PASSWORD, bearer, build, EAST_HALL, login, staffToken, tableCounts } from './helper.ts';


describe('configuring halls, categories and windows', () => {
  it('[C1][R1] an admin creates a hall; its capacity is floor area ÷ area per person less staff, and seq starts at 1', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const created = await app.inject({ method: 'POST', url: '/api/halls', headers: bearer(admin), payload: EAST_HALL });
    expect(created.statusCode).toBe(201);
    const body = created.json<HallConfiguration>();
    expect(body.hall).toMatchObject({ id: 'east', timezone: 'Asia/Shanghai', capacity: 26, batchSize: 6 });
    expect(eventsSince(app.store.db, 'east', 0, 10).map((e) => [e.seq, e.event.type])).toEqual([[1, 'hall.configured']]);
    const again = await app.inject({ method: 'POST', url: '/api/halls', headers: bearer(admin), payload: EAST_HALL });
    expect(again.statusCode).toBe(409);
  });

  it('[A10] an unknown time zone or a bad hall id is a 400 naming the field, and nothing is written', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const before = tableCounts(app);
    const zone = await app.inject({ method: 'POST', url: '/api/halls', headers: bearer(admin), payload: { ...EAST_HALL, timezone: 'Mars/Olympus' } });
    expect(zone.statusCode).toBe(400);
    expect(zone.json<{ message: string }>().message).toContain('timezone');
    const id = await app.inject({ method: 'POST', url: '/api/halls', headers: bearer(admin), payload: { ...EAST_HALL, id: 'East Hall!' } });
    expect(id.statusCode).toBe(400);
    expect(id.json<{ message: string }>().message).toContain('body/id');
    expect(tableCounts(app)).toEqual(before);
  });

  it('[C1][A10] an area per person under 0.5 m² (down to a denormal float) is a 400 naming the field, on creating and on editing a hall; nothing is written', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const before = tableCounts(app);
    for (const areaPerPersonM2 of [0.4, 4.4e-323]) {
      const created = await app.inject({ method: 'POST', url: '/api/halls', headers: bearer(admin), payload: { ...EAST_HALL, areaPerPersonM2 } });
      expect(created.statusCode, created.body).toBe(400);
      expect(created.json<{ message: string }>().message).toContain('areaPerPersonM2');
      const edited = await app.inject({ method: 'PUT', url: '/api/halls/demo/crowd-config', headers: bearer(admin), payload: { areaPerPersonM2 } });
      expect(edited.statusCode, edited.body).toBe(400);
      expect(edited.json<{ message: string }>().message).toContain('areaPerPersonM2');
    }
    expect(tableCounts(app)).toEqual(before);
    const smallest = await app.inject({ method: 'PUT', url: '/api/halls/demo/crowd-config', headers: bearer(admin), payload: { areaPerPersonM2: 0.5 } });
    expect(smallest.statusCode, smallest.body).toBe(200);
  });

  it('[HC1] a category prefix is unique within a hall', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/categories',
      headers: bearer(admin),
      payload: { prefix: 'A', name: '重复', nameEn: 'Duplicate' },
    });
    expect(duplicate.statusCode).toBe(409);
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/categories',
      headers: bearer(admin),
      payload: { prefix: 'H', name: '出入境', nameEn: 'Exit & entry' },
    });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json<HallConfiguration>().categories.map((c) => c.prefix)).toContain('H');
  });

  it('[HC2] a window serves only categories of its own hall, in the order given', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/windows',
      headers: bearer(supervisor),
      payload: { number: 9, categoryIds: ['demo-A', 'east-A'] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toContain('east-A');
    const created = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/windows',
      headers: bearer(supervisor),
      payload: { number: 9, categoryIds: ['demo-F', 'demo-A'] },
    });
    expect(created.statusCode).toBe(201);
    const reordered = await app.inject({
      method: 'PUT',
      url: '/api/halls/demo/windows/demo-w9/categories',
      headers: bearer(supervisor),
      payload: { categoryIds: ['demo-A', 'demo-F'] },
    });
    expect(reordered.json<HallConfiguration>().windows.find((w) => w.number === 9)?.categoryIds).toEqual(['demo-A', 'demo-F']);
    const clerk = await staffToken(app, 'clerk');
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/windows', headers: bearer(clerk), payload: { number: 10, categoryIds: ['demo-A'] } })).statusCode).toBe(403);
  });
});
