import type { AdmitBatchResponse, AppointmentView, ScreenVisitorResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { eventsSince } from '../src/core/event-log.ts';
import { ADMIN_PASSWORD, bearer, build, greenPerson, login, staffToken, tableCounts } from './helper.ts';
import { booking } from './support/booking.ts';

const fever = { ...greenPerson, temperature: 38.1 };

async function doorWithPolicy(policy: Record<string, unknown> = {}) {
  const { app } = await build();
  const supervisor = await staffToken(app, 'supervisor');
  const door = await staffToken(app, 'door');
  const current = (await app.inject({ method: 'GET', url: '/api/halls/demo/screening-policy', headers: bearer(door) })).json<object>();
  const saved = await app.inject({ method: 'PUT', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor), payload: { ...current, ...policy } });
  expect(saved.statusCode, saved.body).toBe(200);
  const screen = (payload: object) => app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload });
  return { app, door, screen };
}

describe('the door judges a party person by person', () => {
  it('[S8][S9][V3] a hall that lets companions continue: the two who pass go on as a party of two; the one with fever is turned away, keeping the reasons', async () => {
    const { app, door, screen } = await doorWithPolicy({ companionsMayContinue: true });
    const appointment = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '10:30', partySize: 3 }) })).json<AppointmentView>();
    const seqBefore = eventsSince(app.store.db, 'demo', 0, 1000).at(-1)?.seq ?? 0;

    const response = await screen({ name: '张小三', categoryId: 'demo-C', appointmentCode: appointment.code, people: [greenPerson, fever, greenPerson] });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ScreenVisitorResponse>();
    expect(body).toMatchObject({ admitted: true, party: { state: 'holding', size: 2, appointmentCode: appointment.code, denialReasons: [] } });
    expect(body.deniedParty).toMatchObject({ state: 'denied', size: 1, denialReasons: [{ code: 'FEVER', zh: '第2人：体温异常（发热）' }] });
    expect(body.people.map((person) => [person.passed, person.admitted])).toEqual([[true, true], [false, false], [true, true]]);
    expect(body.people[1]?.nextSteps.map((step) => step.zh)).toEqual(['请到发热门诊就诊：市第一人民医院发热门诊（人民路88号，出大厅右转约1公里）']);

    // One command: both parties in the same transaction, one event each, the holding count is the two who went on.
    const events = eventsSince(app.store.db, 'demo', seqBefore, 100).filter((envelope) => envelope.event.type === 'party.screened');
    expect(events.map((envelope) => envelope.seq)).toEqual([seqBefore + 1, seqBefore + 2]);
    expect(events.at(-1)?.event).toMatchObject({ occupancy: { holding: 2 } });
    const records = app.store.sqlite.prepare('select admitted, reasons, readings from screenings order by admitted').all() as { admitted: number; reasons: string; readings: string }[];
    expect(records.map((row) => [row.admitted, JSON.parse(row.reasons).map((r: { code: string }) => r.code), JSON.parse(row.readings).map((r: { person: number }) => r.person)])).toEqual([
      [0, ['FEVER'], [2]],
      [1, [], [1, 3]],
    ]);

    // The appointment is used; the batch takes the party of two, with one ticket for two.
    expect((await app.inject({ method: 'GET', url: `/api/appointments/${appointment.code}` })).json<AppointmentView>().status).toBe('arrived');
    const batch = (await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(door) })).json<AdmitBatchResponse>();
    expect(batch.batch?.people).toBe(2);
    expect(batch.tickets[0]?.partySize).toBe(2);
  });

  it('[S2][S8] by default one failing member turns the whole party away; each person still gets their own result', async () => {
    const { screen } = await doorWithPolicy();
    const body = (await screen({ name: '李四', categoryId: 'demo-A', people: [greenPerson, { ...greenPerson, healthCode: 'yellow', mask: false }] })).json<ScreenVisitorResponse>();
    expect(body).toMatchObject({ admitted: false, party: { state: 'denied', size: 2 }, deniedParty: null });
    expect(body.party.denialReasons.map((reason) => reason.code)).toEqual(['CODE_YELLOW', 'NO_MASK']);
    expect(body.people.map((person) => [person.passed, person.admitted])).toEqual([[true, false], [false, false]]);
    expect(body.people[1]?.nextSteps.map((step) => step.code)).toEqual(['health_code', 'mask_point']);
    expect(body.people[1]?.nextSteps[1]?.zh).toBe('请到口罩发放点领取口罩：大厅入口右侧便民服务台');
  });

  it('[S9] the next steps are the hall\'s own words, set by a supervisor', async () => {
    const nextSteps = { healthCode: '请联系所在社区居委会', feverClinic: '区中医院发热门诊', feverClinicAddress: '', maskPoint: '' };
    const { screen } = await doorWithPolicy({ nextSteps });
    const body = (await screen({ name: '王五', categoryId: 'demo-A', people: [{ ...fever, healthCode: 'red', mask: false }] })).json<ScreenVisitorResponse>();
    expect(body.people[0]?.nextSteps.map((step) => step.zh)).toEqual(['请联系所在社区居委会', '请到发热门诊就诊：区中医院发热门诊', '请佩戴口罩后再来']);
  });

  it('[S9][A10] next steps longer than the limits are refused with a 400 naming the field, and nothing is written', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const before = tableCounts(app);
    const nextSteps = { healthCode: '请'.repeat(201), feverClinic: '', feverClinicAddress: '', maskPoint: '' };
    const response = await app.inject({
      method: 'PUT',
      url: '/api/halls/demo/screening-policy',
      headers: bearer(supervisor),
      payload: { feverThresholdC: 37.3, allowRecheck: true, recheckRestMinutes: 5, companionsMayContinue: false, nextSteps },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toContain('body/nextSteps/healthCode');
    expect(tableCounts(app)).toEqual(before);
  });

  it('[B4][S8] the holding area needs room only for the people who go on: a red-code visitor is recorded as denied even when it is full', async () => {
    const { app, screen } = await doorWithPolicy({ companionsMayContinue: true });
    const supervisor = await staffToken(app, 'supervisor', 'crowd-supervisor');
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/crowd-config', headers: bearer(supervisor), payload: { holdingCapacity: 3 } })).statusCode).toBe(200);
    // A party of three with one fever: two go on, and two places are enough.
    expect((await screen({ name: '卫一', categoryId: 'demo-A', people: [greenPerson, fever, greenPerson] })).json<ScreenVisitorResponse>().party.size).toBe(2);
    // One place left: a party of two who both pass is told to come back, and nothing is recorded.
    const before = tableCounts(app);
    expect((await screen({ name: '蒋二', categoryId: 'demo-A', people: [greenPerson, greenPerson] })).json<{ code: string }>().code).toBe('HOLDING_FULL');
    expect(tableCounts(app)).toEqual(before);
    // The same party with one fever: one goes on, into the last place.
    expect((await screen({ name: '蒋二', categoryId: 'demo-A', people: [greenPerson, fever] })).json<ScreenVisitorResponse>().party).toMatchObject({ state: 'holding', size: 1 });
    // Full: a red-code visitor needs no place; the denial is recorded with its reason.
    const denied = (await screen({ name: '沈三', categoryId: 'demo-A', people: [{ ...greenPerson, healthCode: 'red' }] })).json<ScreenVisitorResponse>();
    expect(denied.party).toMatchObject({ state: 'denied', denialReasons: [{ code: 'CODE_RED' }] });
  });

  it('[S11] a hall that drops the mask rule lets a visitor without one in; the new entry rules reach screens with hall.configured and in their snapshot', async () => {
    const { app, screen } = await doorWithPolicy({ feverThresholdC: 37.5, maskRequired: false });
    const response = await screen({ name: '李无罩', categoryId: 'demo-C', people: [{ ...greenPerson, mask: false, temperature: 37.4 }] });
    expect(response.json<ScreenVisitorResponse>()).toMatchObject({ admitted: true });

    const rules = { feverThresholdC: 37.5, healthCodeRequired: true, maskRequired: false };
    const configured = eventsSince(app.store.db, 'demo', 0, 1000).filter((envelope) => envelope.event.type === 'hall.configured').at(-1);
    expect(configured?.event).toMatchObject({ hall: { entryRules: rules } });
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const device = (await app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: 'outdoor', kind: 'outdoor' } })).json<{ token: string }>();
    const snapshot = (await app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(device.token) })).json<{ hall: { entryRules: unknown } }>();
    expect(snapshot.hall.entryRules).toEqual(rules);
  });
});
