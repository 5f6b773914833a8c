import type { AdmitBatchResponse, AppointmentView, CheckInResponse, ScreenVisitorResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { headSeq } from '../src/core/event-log.ts';
import { bearer, build, greenPerson, staffToken, tableCounts } from './helper.ts';
import { booking, idFor } from './support/booking.ts';

/**
 * The demo hall at 10:00 with a holding area of one place and two visitors
 * booked for 10:30 (check-in 10:00–10:45, A3), the first already waiting in
 * the holding area.
 */
async function fullHoldingArea() {
  const { app, clock } = await build();
  const supervisor = await staffToken(app, 'supervisor');
  const door = await staffToken(app, 'door');
  expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/crowd-config', headers: bearer(supervisor), payload: { holdingCapacity: 1, batchSize: 1 } })).statusCode).toBe(200);
  const book = async (n: number) => (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '10:30', idNumber: idFor(n), name: `预约${n}` }) })).json<AppointmentView>();
  const first = await book(1);
  const second = await book(2);
  const screen = (code: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: { ...bearer(door), ...headers }, payload: { name: '预约', categoryId: 'demo-C', appointmentCode: code, people: [greenPerson] } });
  const checkIn = async (code: string) => (await app.inject({ method: 'POST', url: '/api/halls/demo/check-ins', headers: bearer(door), payload: { code } })).json<CheckInResponse>();
  clock.set('2026-11-25T02:40:00.000Z'); // 10:40, five minutes before the grace period ends
  expect((await screen(first.code)).json<ScreenVisitorResponse>().party.state).toBe('holding');
  const heldUntil = () => (app.store.sqlite.prepare('select held_until as h from appointments where code = ?').get(second.code) as { h: string | null }).h;
  return { app, clock, door, second, screen, checkIn, heldUntil };
}

describe('an on-time appointment the door sends back is kept (B6)', () => {
  it('[B6][B4][A3] the visitor is told when to come back and until when the appointment is kept; only that is recorded, and they get in on their return after the grace period', async () => {
    const { app, clock, door, second, screen, checkIn, heldUntil } = await fullHoldingArea();
    const before = tableCounts(app);
    const seq = headSeq(app.store.db, 'demo');

    const refused = await screen(second.code);
    expect(refused.statusCode).toBe(409);
    // Back in one batch (ten minutes), kept for the grace period after that: 10:50 and 11:05.
    expect(refused.json()).toMatchObject({ code: 'HOLDING_FULL_KEPT', params: { time: '10:50', until: '11:05' } });
    expect(refused.json<{ message: string }>().message).toContain('预约保留至 11:05');
    expect(heldUntil()).toBe('2026-11-25T03:05:00.000Z');
    // No party, no screening, no event; the audit log has the door's command (AU1).
    expect({ ...tableCounts(app), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    expect(tableCounts(app).audit_log).toBe(before.audit_log! + 1);
    expect(headSeq(app.store.db, 'demo')).toBe(seq);
    const audit = app.store.sqlite.prepare("select action from audit_log order by id desc limit 1").get() as { action: string };
    expect(audit.action).toBe('screenVisitor');

    // 10:55: past the slot's grace period (10:45), within the kept time. The first visitor has gone in.
    clock.set('2026-11-25T02:55:00.000Z');
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(door) })).json<AdmitBatchResponse>().batch?.people).toBe(1);
    // The door's look-up says it is on time, kept until 11:05.
    expect(await checkIn(second.code)).toMatchObject({ arrival: 'ok', keptUntil: '2026-11-25T03:05:00.000Z' });
    const entered = await screen(second.code);
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json<ScreenVisitorResponse>().party).toMatchObject({ state: 'holding', appointmentCode: second.code });
  });

  it('[B6][A3][A13] past the kept time the visitor is late as A13 says; sent back again, the kept time only moves later', async () => {
    const { app, clock, second, screen, checkIn, heldUntil } = await fullHoldingArea();
    expect((await screen(second.code)).json<{ code: string }>().code).toBe('HOLDING_FULL_KEPT');
    // 10:44, still full: sent back again, kept until ten minutes plus grace after 10:44.
    clock.set('2026-11-25T02:44:00.000Z');
    expect((await screen(second.code)).json()).toMatchObject({ code: 'HOLDING_FULL_KEPT', params: { time: '10:54', until: '11:09' } });
    expect(heldUntil()).toBe('2026-11-25T03:09:00.000Z');
    // 11:09 and a second: late. The demo hall gives late visitors a free place now (A13), which needs room in the
    // holding area like a walk-in's: told B4's plain answer, and nothing is recorded.
    clock.set('2026-11-25T03:09:01.000Z');
    expect((await checkIn(second.code)).arrival).toBe('late_on_site');
    const before = tableCounts(app);
    expect((await screen(second.code)).json<{ code: string }>().code).toBe('HOLDING_FULL');
    expect(tableCounts(app)).toEqual(before);
    expect(heldUntil()).toBe('2026-11-25T03:09:00.000Z');
    // In a hall whose late visitors book again, the same visitor is refused as late.
    const supervisor = await staffToken(app, 'supervisor', 'settings-supervisor');
    const settings = (await app.inject({ method: 'GET', url: '/api/halls/demo/appointment-settings' })).json<Record<string, unknown>>();
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', headers: bearer(supervisor), payload: { ...settings, lateArrivals: 'rebook' } })).statusCode).toBe(200);
    expect((await checkIn(second.code)).arrival).toBe('too_late');
    expect((await screen(second.code)).json<{ code: string }>().code).toBe('TOO_LATE');
  });

  it('[B6][IN5] a retry of the same refusal under its Idempotency-Key gets the same answer and keeps the same time', async () => {
    const { app, clock, second, screen, heldUntil } = await fullHoldingArea();
    const key = { 'idempotency-key': 'door-retry-0001' };
    const first = await screen(second.code, key);
    expect(first.json<{ code: string }>().code).toBe('HOLDING_FULL_KEPT');
    const audits = tableCounts(app).audit_log;
    clock.advance(3);
    const retry = await screen(second.code, key);
    expect(retry.statusCode).toBe(409);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expect(heldUntil()).toBe('2026-11-25T03:05:00.000Z');
    expect(tableCounts(app).audit_log).toBe(audits);
  });

  it('[B6][B4][S2] a party that fails the screening needs no place: its denial is recorded as always, and nothing is kept', async () => {
    const { app, second, heldUntil } = await fullHoldingArea();
    const feverish = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(await staffToken(app, 'door', 'door-2')),
      payload: { name: '预约', categoryId: 'demo-C', appointmentCode: second.code, people: [{ ...greenPerson, temperature: 38.2 }] },
    });
    expect(feverish.json<ScreenVisitorResponse>().party.state).toBe('denied');
    expect(heldUntil()).toBeNull();
  });

  it('[B7][S8][S9][B6] a split party whose members who passed find no room: the one turned away is recorded and told the next steps, the others when to come back, the appointment kept', async () => {
    const { app, second, heldUntil } = await fullHoldingArea();
    const supervisor = await staffToken(app, 'supervisor', 'policy-supervisor');
    const door = await staffToken(app, 'door', 'door-3');
    const current = (await app.inject({ method: 'GET', url: '/api/halls/demo/screening-policy', headers: bearer(door) })).json<object>();
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor), payload: { ...current, companionsMayContinue: true } })).statusCode).toBe(200);
    const before = tableCounts(app);
    const seq = headSeq(app.store.db, 'demo');
    const response = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(door),
      payload: { name: '预约', categoryId: 'demo-C', appointmentCode: second.code, people: [greenPerson, { ...greenPerson, temperature: 38.4 }] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ScreenVisitorResponse>();
    expect(body).toMatchObject({ admitted: false, deniedParty: null, party: { state: 'denied', size: 1 }, comeBack: { reason: 'holding_full', time: '10:50', keptUntil: '11:05' } });
    expect(body.people.map((person) => [person.passed, person.admitted])).toEqual([[true, false], [false, false]]);
    expect(body.people[1]!.nextSteps.map((step) => step.code)).toEqual(['fever_clinic']);
    // Recorded: the denied party and its screening, one event; the appointment is kept, not used.
    expect(tableCounts(app)).toMatchObject({ parties: before.parties! + 1, screenings: before.screenings! + 1 });
    expect(headSeq(app.store.db, 'demo')).toBe(seq! + 1);
    expect(heldUntil()).toBe('2026-11-25T03:05:00.000Z');
    expect((await app.inject({ method: 'GET', url: `/api/appointments/${second.code}` })).json<AppointmentView>().status).toBe('booked');
  });
});

