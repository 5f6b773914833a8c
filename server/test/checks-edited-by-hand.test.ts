import type { HallEvent, PartyView, ScreeningPolicy } from '@hallflow/shared';
import type { AdmitBatchResponse, PreventionLevelState, RecheckPartyResponse, ScreenVisitorResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { eventsSince } from '../src/core/event-log.ts';
import { bearer, build, staffToken } from './helper.ts';

/**
 * LV10 follow-up: the checks in force change not only with a level but also
 * when a supervisor edits them by hand in the hall's screening policy (the
 * clerk console's hall settings, `updateScreeningPolicy`). The holding area is
 * re-judged then exactly as after a level change.
 */
async function elevatedHallWithTwoPartiesHolding() {
  const test = await build();
  const supervisor = await staffToken(test.app, 'supervisor');
  const door = await staffToken(test.app, 'door');
  const api = (token: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) => test.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const presets = (await test.app.inject({ method: 'GET', url: '/api/halls/demo/prevention-level' })).json<PreventionLevelState>().presets;
  // 加强 with batches and walk-ins: parties screened for temperature and mask only hold for a batch.
  expect((await api(supervisor, 'PUT', '/api/halls/demo/prevention-level/presets', { ...presets, elevated: { ...presets.elevated, admission: 'batches', walkIns: 'welcome' } })).statusCode).toBe(200);
  expect((await api(supervisor, 'POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'elevated', reason: '加强，分批入场' })).statusCode).toBe(200);
  const light = { temperature: 36.4, mask: true };
  const hold = async (name: string, size: number) => {
    // A minute apart, so holding order (B1: screening time) is the order they came in.
    test.clock.advance(1);
    const screened = await api(door, 'POST', '/api/halls/demo/screenings', { name, categoryId: 'demo-A', people: Array.from({ length: size }, () => light) });
    expect(screened.statusCode, screened.body).toBe(200);
    return screened.json<ScreenVisitorResponse>().party;
  };
  const first = await hold('张伟明', 2);
  const second = await hold('李秀英', 1);
  const policy = (await api(supervisor, 'GET', '/api/halls/demo/screening-policy')).json<ScreeningPolicy>();
  const editPolicy = (changes: Partial<ScreeningPolicy>) => api(supervisor, 'PUT', '/api/halls/demo/screening-policy', { ...policy, ...changes });
  const lastConfigured = () => eventsSince(test.app.store.db, 'demo', 0, 1000).filter((envelope) => envelope.event.type === 'hall.configured').at(-1)?.event as Extract<HallEvent, { type: 'hall.configured' }>;
  const batch = async () => (await api(door, 'POST', '/api/halls/demo/batches', {})).json<AdmitBatchResponse>();
  const marks = (parties: PartyView[] | undefined) => (parties ?? []).map((party) => [party.id, party.recheck ?? []]);
  return { ...test, supervisor, door, api, presets, first, second, editPolicy, lastConfigured, batch, marks };
}

describe('checks edited by hand re-judge the holding area (LV10)', () => {
  it('[LV10] a supervisor who adds checks to the policy in force marks the parties holding without them, as a level change would; batches pass over them; a check taken away again clears its mark', async () => {
    const t = await elevatedHallWithTwoPartiesHolding();
    expect(t.first.recheck).toBeUndefined();

    // The same checks 严格 would add (health code, symptoms), switched on by hand.
    const edited = await t.editPolicy({ healthCodeRequired: true, symptomsRequired: true });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ScreeningPolicy>()).toMatchObject({ healthCodeRequired: true, symptomsRequired: true, temperatureRequired: true, maskRequired: true });
    // Staff hear the marks on the configuration's own event, as level.changed carries them after a tightening.
    expect(t.marks(t.lastConfigured().parties)).toEqual([
      [t.first.id, ['healthCodeCheck', 'symptomsCheck']],
      [t.second.id, ['healthCodeCheck', 'symptomsCheck']],
    ]);
    const passedOver = await t.batch();
    expect(passedOver).toMatchObject({ batch: null, recheckPending: 2 });

    // The door re-checks the first party for exactly those two checks; it goes in with the next batch.
    const recheck = (partyId: string, people: object[]) => t.api(t.door, 'POST', `/api/halls/demo/parties/${partyId}/recheck`, { people });
    const codeAndSymptoms = { healthCode: 'green', symptoms: { fever: false, cough: false, other: false } };
    expect((await recheck(t.first.id, [codeAndSymptoms, { healthCode: 'green' }])).json()).toMatchObject({ code: 'CHECK_REQUIRED', params: { field: 'body/people/1/symptoms' } });
    const passed = await recheck(t.first.id, [codeAndSymptoms, codeAndSymptoms]);
    expect(passed.json<RecheckPartyResponse>()).toMatchObject({ passed: true, party: { id: t.first.id, state: 'holding' } });
    const firstIn = await t.batch();
    expect(firstIn.parties.map((party) => party.id)).toEqual([t.first.id]);
    expect(firstIn.recheckPending).toBe(1);

    // Symptoms taken off again by hand: the second party still lacks the code, and only the code.
    await t.editPolicy({ healthCodeRequired: true, symptomsRequired: false });
    expect(t.marks(t.lastConfigured().parties)).toEqual([[t.second.id, ['healthCodeCheck']]]);
    // Both off: the mark is cleared and the next batch takes the party.
    await t.editPolicy({ healthCodeRequired: false, symptomsRequired: false });
    expect(t.marks(t.lastConfigured().parties)).toEqual([[t.second.id, []]]);
    const secondIn = await t.batch();
    expect(secondIn.parties.map((party) => party.id)).toEqual([t.second.id]);
    expect(secondIn.recheckPending).toBe(0);
  });

  it('[LV10][LV1] an edit that changes no check in force marks nobody; editing the preset of the level in force waits for the next switch, and that switch marks the holding area', async () => {
    const t = await elevatedHallWithTwoPartiesHolding();
    // The fever threshold is no check: nothing to re-judge, and the event carries no parties.
    expect((await t.editPolicy({ feverThresholdC: 37.5 })).statusCode).toBe(200);
    expect(t.lastConfigured().parties).toBeUndefined();

    // The 加强 preset now asks for the code, but the preset applies at the next switch (LV1): nothing in force changed yet.
    const preset = { ...t.presets.elevated, admission: 'batches', walkIns: 'welcome', checks: { ...t.presets.elevated.checks, healthCodeCheck: true } };
    expect((await t.api(t.supervisor, 'PUT', '/api/halls/demo/prevention-level/presets', { ...t.presets, elevated: preset })).statusCode).toBe(200);
    expect(t.lastConfigured().parties).toBeUndefined();
    expect((await t.batch()).parties.map((party) => party.id)).toEqual([t.first.id, t.second.id]);

    // Once re-applied, the level marks whoever holds without the code (here: a party screened after the batch).
    const third = (await t.api(t.door, 'POST', '/api/halls/demo/screenings', { name: '王芳', categoryId: 'demo-A', people: [{ temperature: 36.5, mask: true }] })).json<ScreenVisitorResponse>().party;
    await t.api(t.supervisor, 'POST', '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'elevated', reason: '按新预设重新执行加强' });
    const changed = eventsSince(t.app.store.db, 'demo', 0, 1000).filter((envelope) => envelope.event.type === 'level.changed').at(-1)?.event as Extract<HallEvent, { type: 'level.changed' }>;
    expect(t.marks(changed.parties)).toEqual([[third.id, ['healthCodeCheck']]]);
  });
});
