import type { AdmitBatchResponse, GreetVisitorResponse, PreventionLevelState, RecheckPartyResponse, ScreenVisitorResponse, SetPreventionLevelResponse } from '@hallflow/shared/api';
import type { HallEvent } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { eventsSince } from '../src/core/event-log.ts';
import { applyDueLevelChanges } from '../src/modules/levels/scheduled-levels.ts';
import { ADMIN_PASSWORD, EAST_HALL, bearer, build, greenPerson, login, staffToken } from './helper.ts';

async function hall() {
  const test = await build();
  const admin = await login(test.app, 'admin', ADMIN_PASSWORD);
  const supervisor = await staffToken(test.app, 'supervisor');
  const door = await staffToken(test.app, 'door');
  const setLevel = (token: string, payload: object) => test.app.inject({ method: 'POST', url: '/api/prevention-levels', headers: bearer(token), payload });
  const level = async (hallId = 'demo') => (await test.app.inject({ method: 'GET', url: `/api/halls/${hallId}/prevention-level` })).json<PreventionLevelState>();
  const screen = (payload: object) => test.app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload });
  const greet = (payload: object) => test.app.inject({ method: 'POST', url: '/api/halls/demo/door/greetings', headers: bearer(door), payload });
  const lastEvents = (type: HallEvent['type'], hallId = 'demo') => eventsSince(test.app.store.db, hallId, 0, 1000).filter((envelope) => envelope.event.type === type);
  return { ...test, admin, supervisor, door, setLevel, level, screen, greet, lastEvents };
}

describe('prevention levels (LV)', () => {
  it('[LV4][LV1] a supervisor moves the hall 严格 → 常态: the preset is written into the policies, the change records who, why and from which level, and every audience hears level.changed', async () => {
    const t = await hall();
    expect((await t.level()).level).toBe('strict');
    const changed = await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'normal', reason: '疫情平稳 恢复常态' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<SetPreventionLevelResponse>().changes).toMatchObject([{ hallId: 'demo', fromLevel: 'strict', toLevel: 'normal', by: 'supervisor', reason: '疫情平稳 恢复常态', scope: 'hall' }]);

    const state = await t.level();
    expect(state).toMatchObject({ level: 'normal', rules: { checks: { healthCodeCheck: false, temperatureCheck: false, maskCheck: false, symptomsCheck: false }, walkIns: 'welcome', admission: 'free' } });
    expect(state.lines.map((line) => line.zh)).toContain('欢迎现场办理');
    const [event] = t.lastEvents('level.changed');
    expect(event?.event).toMatchObject({ hall: { levelRules: { level: 'normal' } }, change: { fromLevel: 'strict', toLevel: 'normal', by: 'supervisor' } });
    const policies = (await t.app.inject({ method: 'GET', url: '/api/halls/demo/policies', headers: bearer(t.supervisor) })).json<{ screening: { healthCodeRequired: boolean }; appointments: { walkIns: string } }>();
    expect(policies.screening.healthCodeRequired).toBe(false);
    expect(policies.appointments.walkIns).toBe('welcome');

    const list = (await t.app.inject({ method: 'GET', url: '/api/prevention-levels/changes', headers: bearer(t.supervisor) })).json<{ changes: { toLevel: string }[] }>();
    expect(list.changes.map((change) => change.toLevel)).toEqual(['normal']);
    const audit = t.app.store.sqlite.prepare("select action, hall_id from audit_log where action = 'setPreventionLevel'").all();
    expect(audit).toEqual([{ action: 'setPreventionLevel', hall_id: 'demo' }]);
  });

  it('[LV4] staff of a hall set only their own hall; a district or the city only a city-wide admin, who moves every hall of the district at once', async () => {
    const t = await hall();
    expect((await t.app.inject({ method: 'POST', url: '/api/halls', headers: bearer(t.admin), payload: EAST_HALL })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/halls/east', headers: bearer(t.admin), payload: { regionId: 'renmin' } })).statusCode).toBe(200);
    expect((await t.setLevel(t.supervisor, { target: { hallId: 'east' }, level: 'normal', reason: '试一试' })).statusCode).toBe(403);
    expect((await t.setLevel(t.supervisor, { target: { regionId: 'central' }, level: 'normal', reason: '试一试' })).json()).toMatchObject({ code: 'CITY_ADMIN_ONLY' });
    expect((await t.setLevel(t.door, { target: { hallId: 'demo' }, level: 'normal', reason: '试一试' })).statusCode).toBe(403);

    const district = await t.setLevel(t.admin, { target: { regionId: 'central' }, level: 'elevated', reason: '中心区出现病例' });
    expect(district.statusCode, district.body).toBe(200);
    expect(district.json<SetPreventionLevelResponse>().changes.map((change) => [change.hallId, change.scope, change.regionId]).toSorted()).toEqual([
      ['demo', 'region', 'central'],
      ['east', 'region', 'central'],
    ]);
    expect((await t.level('demo')).level).toBe('elevated');
    expect((await t.level('east')).level).toBe('elevated');
    expect(t.lastEvents('level.changed', 'east')).toHaveLength(1);
    expect((await t.setLevel(t.admin, { target: { regionId: 'nowhere' }, level: 'elevated', reason: '无此区域' })).statusCode).toBe(404);
  });

  it('[LV2] at 常态 the door is a greeter: it counts people in and issues tickets; at 严格 it must screen', async () => {
    const t = await hall();
    expect((await t.greet({ size: 1, categoryId: 'demo-A' })).json()).toMatchObject({ code: 'SCREENING_REQUIRED' });
    await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'normal', reason: '恢复常态' });
    const counted = (await t.greet({ size: 2, categoryId: null })).json<GreetVisitorResponse>();
    expect(counted).toMatchObject({ ticket: null, occupancy: { inside: 2 } });
    const ticketed = await t.greet({ size: 1, categoryId: 'demo-A' });
    expect(ticketed.statusCode, ticketed.body).toBe(200);
    expect(ticketed.json<GreetVisitorResponse>()).toMatchObject({ ticket: { number: 'A001', state: 'waiting' }, occupancy: { inside: 3 } });
    expect(ticketed.json<GreetVisitorResponse>().phoneToken).toMatch(/^[0-9a-f]{8}[\w-]{22}$/);
  });

  it('[LV12] a 常态 edited to batch: the greeter sends a party with its service to the holding area, which enters by batch; a bare count is refused', async () => {
    const t = await hall();
    const presets = (await t.level()).presets;
    const put = await t.app.inject({ method: 'PUT', url: '/api/halls/demo/prevention-level/presets', headers: bearer(t.supervisor), payload: { ...presets, normal: { ...presets.normal, admission: 'batches' } } });
    expect(put.statusCode, put.body).toBe(200);
    await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'normal', reason: '常态但分批' });
    const greeted = await t.greet({ size: 2, categoryId: 'demo-A' });
    expect(greeted.statusCode, greeted.body).toBe(200);
    expect(greeted.json<GreetVisitorResponse>()).toMatchObject({ ticket: null, phoneToken: null, held: { size: 2, state: 'holding' }, occupancy: { inside: 0, holding: 2 } });
    expect((await t.greet({ size: 1, categoryId: null })).json()).toMatchObject({ code: 'BATCH_ADMISSION' });
    const batch = await t.app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(t.door) });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json<AdmitBatchResponse>()).toMatchObject({ parties: [{ size: 2, state: 'admitted' }], tickets: [{ number: 'A001' }] });
    expect((await t.level()).level).toBe('normal');
  });

  it('[LV10][LV6] tightening 加强 → 严格 marks the parties holding without the new checks; batches pass over them and say so; the door re-checks only what is missing; nobody inside is touched', async () => {
    const t = await hall();
    const presets = (await t.level()).presets;
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/halls/demo/prevention-level/presets',
      headers: bearer(t.supervisor),
      payload: { ...presets, elevated: { ...presets.elevated, admission: 'batches', walkIns: 'welcome' }, strict: { ...presets.strict, walkIns: 'welcome' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const held = async (payload: object) => {
      const response = await t.screen(payload);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<ScreenVisitorResponse>().party;
    };
    // One party goes in at 严格, one holds after a full screening; then two hold after 加强's temperature and mask only.
    await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'strict', reason: '严格' });
    await held({ name: '先入场', categoryId: 'demo-A', people: [greenPerson] });
    expect((await t.app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(t.door) })).json<AdmitBatchResponse>().parties).toHaveLength(1);
    const full = await held({ name: '全查验', categoryId: 'demo-A', people: [greenPerson] });
    await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'elevated', reason: '加强' });
    const elevatedOnly = { temperature: 36.4, mask: true };
    const light = await held({ name: '轻查验', categoryId: 'demo-A', people: [elevatedOnly, elevatedOnly] });
    const other = await held({ name: '另一组', categoryId: 'demo-B', people: [elevatedOnly] });

    await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'strict', reason: '出现病例 收紧' });
    const [tightened] = t.lastEvents('level.changed').slice(-1);
    const marked = (tightened!.event as Extract<HallEvent, { type: 'level.changed' }>).parties ?? [];
    expect(marked.map((party) => [party.id, party.recheck])).toEqual([
      [light.id, ['healthCodeCheck', 'symptomsCheck']],
      [other.id, ['healthCodeCheck', 'symptomsCheck']],
    ]);
    expect((await t.level()).level).toBe('strict');

    const batch = (await t.app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(t.door) })).json<AdmitBatchResponse>();
    expect(batch.parties.map((party) => party.id)).toEqual([full.id]);
    expect(batch.recheckPending).toBe(2);
    const none = (await t.app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(t.door) })).json<AdmitBatchResponse>();
    expect(none).toMatchObject({ batch: null, recheckPending: 2 });
    expect(none.reason).toContain('re-check');

    const recheck = (partyId: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/halls/demo/parties/${partyId}/recheck`, headers: bearer(t.door), payload });
    const code = { healthCode: 'green', symptoms: { fever: false, cough: false, other: false } };
    expect((await recheck(light.id, { people: [code] })).json()).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect((await recheck(light.id, { people: [code, { healthCode: 'green' }] })).json()).toMatchObject({ code: 'CHECK_REQUIRED', params: { field: 'body/people/1/symptoms' } });
    expect((await recheck(full.id, { people: [code] })).json()).toMatchObject({ code: 'RECHECK_NOT_NEEDED' });
    const passed = await recheck(light.id, { people: [code, code] });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json<RecheckPartyResponse>()).toMatchObject({ passed: true, party: { id: light.id, state: 'holding' }, deniedParty: null });
    expect(passed.json<RecheckPartyResponse>().party.recheck).toBeUndefined();
    const record = t.app.store.sqlite.prepare('select readings from screenings where party_id = ?').get(light.id) as { readings: string };
    expect(JSON.parse(record.readings)).toMatchObject([
      { temperature: 36.4, healthCode: 'green', checksRequired: { healthCodeCheck: true, temperatureCheck: true, maskCheck: true, symptomsCheck: true }, recheck: { checks: ['healthCodeCheck', 'symptomsCheck'] } },
      { person: 2, mask: true, healthCode: 'green' },
    ]);
    const failed = await recheck(other.id, { people: [{ healthCode: 'red', symptoms: { fever: false, cough: true, other: false } }] });
    expect(failed.json<RecheckPartyResponse>()).toMatchObject({ passed: false, party: { id: other.id, state: 'denied' } });
    expect(failed.json<RecheckPartyResponse>().reasons.map((reason) => reason.code)).toEqual(['CODE_RED', 'SYMPTOM_COUGH']);
    expect(t.lastEvents('party.rechecked')).toHaveLength(2);

    const next = (await t.app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(t.door) })).json<AdmitBatchResponse>();
    expect(next.parties.map((party) => party.id)).toEqual([light.id]);
    expect(next.recheckPending).toBe(0);
    const occupancy = (await t.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(t.door) })).json<{ occupancy: { inside: number; holding: number } }>().occupancy;
    expect(occupancy).toMatchObject({ inside: 4, holding: 0 });
  });

  it('[LV5][LV3] at 加强 the door checks temperature and mask only, refuses a form without a required reading, and lets a party walk in below the share of the limit', async () => {
    const t = await hall();
    await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'elevated', reason: '加强防控' });
    const missing = await t.screen({ name: '王五', categoryId: 'demo-A', people: [{ mask: true }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'CHECK_REQUIRED', params: { field: 'body/people/0/temperature' } });

    const walkedIn = await t.screen({ name: '王五', categoryId: 'demo-A', people: [{ temperature: 36.6, mask: true }] });
    expect(walkedIn.statusCode, walkedIn.body).toBe(200);
    const body = walkedIn.json<ScreenVisitorResponse>();
    expect(body).toMatchObject({ admitted: true, party: { state: 'admitted' }, ticket: { number: 'A001' } });
    const record = t.app.store.sqlite.prepare('select readings from screenings').get() as { readings: string };
    expect(JSON.parse(record.readings)[0].checksRequired).toEqual({ healthCodeCheck: false, temperatureCheck: true, maskCheck: true, symptomsCheck: false });
  });

  it('[LV6] relaxing releases the holding area in holding order, within the limit; tightening leaves those inside and holding where they are', async () => {
    const t = await hall();
    // A small limit: 3 places (a maximum of 3, nobody on the floor).
    const saved = await t.app.inject({ method: 'PUT', url: '/api/halls/demo/crowd-config', headers: bearer(t.supervisor), payload: { maxOccupancy: 3, staffOnFloor: 0 } });
    expect(saved.statusCode, saved.body).toBe(200);
    await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'elevated', reason: '加强' });
    // Elevated: 80 % of 3 is 2: the first party of two walks in, the next ones hold.
    // A minute apart, so holding order (B1: screening time) is the order they came in.
    const screen = (name: string, size: number) => {
      t.clock.advance(1);
      return t.screen({ name, categoryId: 'demo-A', people: Array.from({ length: size }, () => ({ temperature: 36.5, mask: true })) });
    };
    expect((await screen('甲一', 2)).json<ScreenVisitorResponse>().party.state).toBe('admitted');
    expect((await screen('乙二', 1)).json<ScreenVisitorResponse>().party.state).toBe('holding');
    expect((await screen('丙三', 1)).json<ScreenVisitorResponse>().party.state).toBe('holding');

    // Tightening: nobody inside or holding moves.
    await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'strict', reason: '收紧' });
    let occupancy = (await t.app.inject({ method: 'GET', url: '/api/halls/demo/occupancy', headers: bearer(t.door) })).json<{ occupancy: { inside: number; holding: number } }>().occupancy;
    expect(occupancy).toMatchObject({ inside: 2, holding: 2 });

    // Relaxing to 常态: the first holder fits the one free place and goes in; the next waits (nobody overtakes, limit kept).
    const relaxed = (await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'normal', reason: '放开' })).json<SetPreventionLevelResponse>();
    expect(relaxed.released).toBe(1);
    const [batch] = t.lastEvents('batch.admitted');
    expect(batch?.event).toMatchObject({ parties: [{ displayName: '乙*' }], occupancy: { inside: 3, holding: 1 } });
    occupancy = (await t.app.inject({ method: 'GET', url: '/api/halls/demo/occupancy', headers: bearer(t.door) })).json<{ occupancy: { inside: number; holding: number } }>().occupancy;
    expect(occupancy).toMatchObject({ inside: 3, holding: 1 });
    const next = (await t.app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(t.door), payload: {} })).json<AdmitBatchResponse>();
    expect(next.batch).toBeNull();
  });

  it('[LV7][LV8] a change scheduled for later waits, is shown as the rules of that day, and is applied by the level job once due', async () => {
    const t = await hall();
    const startsAt = new Date(t.clock.now().getTime() + 26 * 3600_000).toISOString();
    const scheduled = await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'normal', reason: '明日恢复常态', startsAt });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json<SetPreventionLevelResponse>().changes[0]).toMatchObject({ appliedAt: null, fromLevel: null, effectiveAt: startsAt });
    expect((await t.level()).level).toBe('strict');
    expect((await t.level()).next).toEqual({ toLevel: 'normal', effectiveAt: startsAt });
    const tomorrow = (await t.app.inject({ method: 'GET', url: '/api/halls/demo/prevention-level?date=2026-11-26' })).json<PreventionLevelState>();
    expect(tomorrow).toMatchObject({ level: 'normal', rules: { walkIns: 'welcome' } });
    expect((await t.setLevel(t.supervisor, { target: { hallId: 'demo' }, level: 'normal', reason: '过去的时间', startsAt: '2026-11-20T02:00:00.000Z' })).statusCode).toBe(400);

    expect(applyDueLevelChanges(t.app.store.db, t.app.commands, t.clock.now())).toBe(0);
    t.clock.advance(26 * 60 + 1);
    expect(applyDueLevelChanges(t.app.store.db, t.app.commands, t.clock.now())).toBe(1);
    expect((await t.level()).level).toBe('normal');
    expect(t.lastEvents('level.changed').at(-1)?.event).toMatchObject({ change: { fromLevel: 'strict', toLevel: 'normal', reason: '明日恢复常态' } });
  });
});
