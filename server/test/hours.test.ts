import { DEFAULT_HOURS, DEFAULT_NEXT_STEPS } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { bearer, build, greenPerson, staffToken, tableCounts } from './helper.ts';

describe('opening hours, enforced by the server', () => {
  it('[H8] getOpeningHours is public and shows the week with the extension apart', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/halls/demo/hours' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ days: { date: string; textZh: string; textEn: string }[] }>();
    expect(body.days).toHaveLength(7);
    expect(body.days[0]).toMatchObject({ date: '2026-11-25', textEn: '08:30–17:30, extended service 08:00–18:00' });
  });

  it('[H2][H7] no screening or desk ticket outside the extended hours or after the last-ticket time; calls go on', async () => {
    const { app, clock } = await build({ SESSION_HOURS: '24' });
    const door = await staffToken(app, 'door');
    const clerk = await staffToken(app, 'clerk');
    const screen = () =>
      app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '周九', categoryId: 'demo-A', people: [greenPerson] } });
    const desk = () => app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } });
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers: bearer(clerk) });
    expect((await desk()).statusCode).toBe(201);
    clock.set('2026-11-25T09:30:00.000Z'); // 17:30 Shanghai: inside extended hours, past the last ticket
    const before = tableCounts(app);
    const late = await screen();
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string }>().code).toBe('LAST_TICKET_PASSED');
    expect((await desk()).statusCode).toBe(409);
    expect(tableCounts(app)).toEqual(before);
    const call = await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers: bearer(clerk) });
    expect(call.statusCode).toBe(200); // the day's queue is still served
    clock.set('2026-11-25T10:00:00.000Z'); // 18:00: closed
    const closed = await screen();
    expect(closed.json<{ code: string; message: string }>()).toMatchObject({ code: 'HALL_CLOSED' });
    expect(closed.json<{ message: string }>().message).toContain('08:00–18:00');
  });

  it('[H6] an admin closes a day; that day nothing starts at the door', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const door = await staffToken(app, 'door');
    const hours = { ...DEFAULT_HOURS, exceptions: [{ date: '2026-11-25', intervals: [], note: '系统升级' }] };
    const updated = await app.inject({ method: 'PUT', url: '/api/halls/demo/hours', headers: bearer(supervisor), payload: hours });
    expect(updated.statusCode).toBe(200);
    const screen = await app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '吴十', categoryId: 'demo-A', people: [greenPerson] } });
    expect(screen.json<{ code: string }>().code).toBe('HALL_CLOSED');
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/halls/demo/hours',
      headers: bearer(supervisor),
      payload: { ...DEFAULT_HOURS, weekly: { ...DEFAULT_HOURS.weekly, mon: [{ open: '17:00', close: '09:00' }] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('body/weekly/mon');
  });
});

describe('screening policy', () => {
  it('[S6][S7] the fever threshold is a hall setting, and the health code is recorded as staff-observed, never as verified', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const door = await staffToken(app, 'door');
    const screen = (temperature: number) =>
      app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '冯十一', categoryId: 'demo-A', people: [{ ...greenPerson, temperature }] } });
    expect((await screen(37.3)).json<{ admitted: boolean }>().admitted).toBe(false);
    const updated = await app.inject({ method: 'PUT', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor), payload: { feverThresholdC: 37.5, allowRecheck: true, recheckRestMinutes: 5 } });
    expect(updated.statusCode).toBe(200);
    expect((await screen(37.3)).json<{ admitted: boolean }>().admitted).toBe(true);
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor), payload: { feverThresholdC: 40, allowRecheck: true, recheckRestMinutes: 5 } })).statusCode).toBe(400);
    const readings = app.store.sqlite.prepare('select readings from screenings').all() as { readings: string }[];
    for (const row of readings) expect(JSON.parse(row.readings)[0].healthCodeSource).toBe('staff_observed');
  });

  it('[S3][S6] a hall may take no second reading: the door reads the rule, and a recheck sent anyway is refused with nothing written', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const door = await staffToken(app, 'door');
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/screening-policy', headers: bearer(door) })).json()).toMatchObject({ feverThresholdC: 37.3, allowRecheck: true, recheckRestMinutes: 5 });
    // A client that sends only the threshold and recheck rule: the settings it leaves out take their defaults.
    const policy = { feverThresholdC: 37.3, allowRecheck: false, recheckRestMinutes: 0 };
    const saved = await app.inject({ method: 'PUT', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor), payload: policy });
    expect(saved.json()).toEqual({ ...policy, companionsMayContinue: false, nextSteps: DEFAULT_NEXT_STEPS, healthCodeRequired: true, maskRequired: true, temperatureRequired: true, symptomsRequired: true, manualVerification: ['id_card_paper_pass', 'staff_lookup'] });
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/screening-policy', headers: bearer(door) })).json()).toEqual(saved.json());
    const before = tableCounts(app);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(door),
      payload: { name: '韩十二', categoryId: 'demo-A', people: [{ ...greenPerson, temperature: 37.6, temperatureRecheck: 36.8 }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain('body/people/0/temperatureRecheck');
    expect(tableCounts(app)).toEqual(before);
  });
});
