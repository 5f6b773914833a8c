import type { AppointmentSettings } from '@hallflow/shared';
import type { AppointmentView, CheckInResponse, ScreenVisitorResponse, SlotView } from '@hallflow/shared/api';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, EAST_HALL, greenPerson, login, staffToken, tableCounts } from './helper.ts';
import { booking, idFor } from './support/booking.ts';

async function settingsOf(app: FastifyInstance, hallId = 'demo'): Promise<AppointmentSettings> {
  return (await app.inject({ method: 'GET', url: `/api/halls/${hallId}/appointment-settings` })).json<AppointmentSettings>();
}

/** Changes some appointment settings of the demo hall as admin; fails the test if refused. */
async function configure(app: FastifyInstance, change: Partial<AppointmentSettings>): Promise<void> {
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  const response = await app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', headers: bearer(admin), payload: { ...(await settingsOf(app)), ...change } });
  expect(response.statusCode, response.body).toBe(200);
}

const slotsOf = async (app: FastifyInstance, categoryId = 'demo-C', date = '2026-11-25') =>
  (await app.inject({ method: 'GET', url: `/api/halls/demo/slots?categoryId=${categoryId}&date=${date}` })).json<SlotView[]>();

const screen = (app: FastifyInstance, door: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '王五', categoryId: 'demo-A', people: [greenPerson], ...payload } });

describe('appointment settings and policies', () => {
  it('[A11] a new hall is appointment-only with 30-minute slots of 10; the settings change slot length and places per service', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const created = await app.inject({
      method: 'POST',
      url: '/api/halls',
      headers: bearer(admin),
      payload: EAST_HALL,
    });
    expect(created.statusCode).toBe(201);
    expect(await settingsOf(app, 'east')).toEqual({
      slotMinutes: 30,
      placesPerSlot: 10,
      placesByCategory: {},
      perIdPerDay: 1,
      opensMinutesBefore: 30,
      graceMinutes: 15,
      walkIns: 'appointment_only',
      lateArrivals: 'rebook',
    });

    await configure(app, { slotMinutes: 20, placesByCategory: { 'demo-C': 2 } });
    const slots = await slotsOf(app); // the demo hall opens at 08:30: 08:30, 08:50 … 14:10, 14:30
    expect(slots.find((s) => s.start === '14:10')).toMatchObject({ end: '14:30', free: 2 });
    expect(slots.find((s) => s.start === '14:30')).toMatchObject({ end: '14:50', free: 2 });
    expect(slots.find((s) => s.start === '14:00')).toBeUndefined();
    expect((await slotsOf(app, 'demo-A')).find((s) => s.start === '14:30')?.free).toBe(10);
    const first = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '14:50' }) });
    expect(first.statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '14:50', idNumber: idFor(2) }) })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '14:50', idNumber: idFor(3) }) })).json<{ code: string }>().code).toBe('SLOT_FULL');

    // Booked appointments keep their times; with hour-long slots they count in the hour that holds them.
    await configure(app, { slotMinutes: 60, placesByCategory: { 'demo-C': 3 } });
    expect((await slotsOf(app)).find((s) => s.start === '14:30')).toMatchObject({ end: '15:30', free: 1 });
    expect((await slotsOf(app)).find((s) => s.start === '13:30')).toMatchObject({ end: '14:30', free: 3 });
    expect((await app.inject({ method: 'GET', url: `/api/appointments/${first.json<AppointmentView>().code}` })).json<AppointmentView>().slot).toBe('14:50');
  });

  it('[A11][A2] the per-ID daily limit is a setting', async () => {
    const { app } = await build();
    await configure(app, { perIdPerDay: 2 });
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '14:00' }) })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '15:00' }) })).statusCode).toBe(201);
    const third = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '16:00' }) });
    expect(third.json<{ code: string; message: string }>()).toMatchObject({ code: 'DAILY_LIMIT', message: expect.stringContaining('2') });
  });

  it('[A11][A10] bad settings get a 400 naming the field; only admins and supervisors change them; nothing is written', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const door = await staffToken(app, 'door');
    const valid = await settingsOf(app);
    const before = tableCounts(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ slotMinutes: 5 }, 'body/slotMinutes'],
      [{ placesPerSlot: 0 }, 'body/placesPerSlot'],
      [{ walkIns: 'anyone' }, 'body/walkIns'],
      [{ placesByCategory: { 'demo-Z': 3 } }, 'body/placesByCategory/demo-Z'],
      [{ colour: 'red' }, 'body/colour'],
    ];
    for (const [change, field] of cases) {
      const response = await app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', headers: bearer(admin), payload: { ...valid, ...change } });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json<{ message: string }>().message).toContain(field);
    }
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', headers: bearer(door), payload: valid })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', payload: valid })).statusCode).toBe(401);
    expect(tableCounts(app)).toEqual(before);
    expect(await settingsOf(app)).toEqual(valid);
  });

  it('[A12] an appointment-only hall turns walk-ins away with a clear answer and records nothing', async () => {
    const { app } = await build();
    await configure(app, { walkIns: 'appointment_only' });
    const door = await staffToken(app, 'door');
    const before = tableCounts(app);
    const response = await screen(app, door, {});
    expect(response.statusCode).toBe(409);
    expect(response.json<{ code: string; message: string }>()).toMatchObject({ code: 'APPOINTMENT_REQUIRED', message: expect.stringContaining('预约') });
    expect(tableCounts(app)).toEqual(before);
  });

  it('[A12][S2] on-site walk-ins take a free place of a slot open now; a denied one takes none and is recorded also when none is free; when full they are told when to come back', async () => {
    const { app, clock } = await build();
    await configure(app, { walkIns: 'on_site_if_free', placesByCategory: { 'demo-A': 1 } });
    const door = await staffToken(app, 'door');
    clock.set('2026-11-25T02:05:00.000Z'); // 10:05: the 10:00 slot (grace to 10:15) and the 10:30 one (opens 10:00) are open
    const denied = (await screen(app, door, { name: '赵红', people: [{ ...greenPerson, healthCode: 'red' }] })).json<ScreenVisitorResponse>();
    expect(denied.admitted).toBe(false);
    expect((await slotsOf(app, 'demo-A')).find((s) => s.start === '10:30')?.free).toBe(1);
    const first = (await screen(app, door, { name: '甲一' })).json<ScreenVisitorResponse>();
    expect(first.party).toMatchObject({ state: 'holding', slotStart: '2026-11-25T02:00:00.000Z', appointmentCode: null });
    const second = (await screen(app, door, { name: '乙二' })).json<ScreenVisitorResponse>();
    expect(second.party.slotStart).toBe('2026-11-25T02:30:00.000Z');
    // the places walk-ins took are gone for booking too
    expect((await slotsOf(app, 'demo-A')).find((s) => s.start === '10:30')?.free).toBe(0);
    const before = tableCounts(app);
    const third = await screen(app, door, { name: '丙三' });
    expect(third.statusCode).toBe(409);
    expect(third.json<{ code: string; message: string }>()).toMatchObject({ code: 'NO_PLACE_NOW', message: expect.stringContaining('10:30 后再来') });
    expect(tableCounts(app)).toEqual(before);
    // No place free, but a walk-in turned away needs none: the denial is recorded and said, not "come back later".
    const redCode = await screen(app, door, { name: '己六', people: [{ ...greenPerson, healthCode: 'red' }] });
    expect(redCode.statusCode, redCode.body).toBe(200);
    expect(redCode.json<ScreenVisitorResponse>()).toMatchObject({ admitted: false, party: { state: 'denied', slotStart: null }, reasons: [{ code: 'CODE_RED' }] });
    expect(tableCounts(app)).toMatchObject({ parties: before.parties! + 1, screenings: before.screenings! + 1 });
    clock.set('2026-11-25T09:10:00.000Z'); // 17:10: only the last slot (17:00) is open, with one place
    const fourth = await screen(app, door, { name: '丁四' });
    expect(fourth.statusCode, fourth.body).toBe(200);
    expect((await screen(app, door, { name: '戊五' })).json<{ code: string }>().code).toBe('NO_PLACE_TODAY');
  });

  it('[B7][A12][S8][S9] a split walk-in party whose members who passed find no on-site place: the one turned away is recorded and told the next steps, the others when to come back (or that none is left today)', async () => {
    const { app, clock } = await build();
    await configure(app, { walkIns: 'on_site_if_free', placesByCategory: { 'demo-A': 1 } });
    const supervisor = await staffToken(app, 'supervisor');
    const door = await staffToken(app, 'door');
    const policy = (await app.inject({ method: 'GET', url: '/api/halls/demo/screening-policy', headers: bearer(door) })).json<object>();
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor), payload: { ...policy, companionsMayContinue: true } })).statusCode).toBe(200);
    clock.set('2026-11-25T02:05:00.000Z'); // 10:05: the 10:00 and 10:30 slots are open, one place each
    for (const name of ['甲一', '乙二']) expect((await screen(app, door, { name })).statusCode).toBe(200);
    const full = await screen(app, door, { name: '丙三' });
    expect(full.json<{ code: string; params: object }>()).toMatchObject({ code: 'NO_PLACE_NOW', params: { slot: '11:00', time: '10:30' } });

    const before = tableCounts(app);
    const split = await screen(app, door, { name: '丁四', people: [greenPerson, { ...greenPerson, temperature: 38.3 }] });
    expect(split.statusCode, split.body).toBe(200);
    const body = split.json<ScreenVisitorResponse>();
    expect(body).toMatchObject({ admitted: false, deniedParty: null, party: { state: 'denied', size: 1, slotStart: null }, comeBack: { reason: 'no_place_now', time: '10:30', keptUntil: null } });
    expect(body.people.map((person) => [person.passed, person.admitted])).toEqual([[true, false], [false, false]]);
    expect(body.people[1]!.nextSteps.map((step) => step.code)).toEqual(['fever_clinic']);
    expect(tableCounts(app)).toMatchObject({ parties: before.parties! + 1, screenings: before.screenings! + 1 });

    clock.set('2026-11-25T09:10:00.000Z'); // 17:10: only the last slot (17:00) is open, with one place
    expect((await screen(app, door, { name: '戊五' })).statusCode).toBe(200);
    const none = (await screen(app, door, { name: '己六', people: [{ ...greenPerson, healthCode: 'red' }, greenPerson] })).json<ScreenVisitorResponse>();
    expect(none).toMatchObject({ admitted: false, party: { state: 'denied', size: 1 }, comeBack: { reason: 'no_place_today', time: null, keptUntil: null } });
  });

  it('[A13] a late appointment takes a free place of a slot open now, keeping its code; a hall that says rebook refuses it', async () => {
    const { app, clock } = await build();
    await configure(app, { lateArrivals: 'on_site_if_free' });
    const door = await staffToken(app, 'door');
    const appointment = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '10:30' }) })).json<AppointmentView>();
    clock.set('2026-11-25T02:50:00.000Z'); // 10:50: twenty minutes late
    const checkIn = (await app.inject({ method: 'POST', url: '/api/halls/demo/check-ins', headers: bearer(door), payload: { code: appointment.code } })).json<CheckInResponse>();
    expect(checkIn.arrival).toBe('late_on_site');
    const screened = (await screen(app, door, { name: '张小三', categoryId: 'demo-C', appointmentCode: appointment.code })).json<ScreenVisitorResponse>();
    expect(screened.party).toMatchObject({ state: 'holding', slotStart: '2026-11-25T03:00:00.000Z', appointmentCode: appointment.code });
    const after = (await app.inject({ method: 'GET', url: `/api/appointments/${appointment.code}` })).json<AppointmentView>();
    expect(after).toMatchObject({ code: appointment.code, slot: '11:00', status: 'arrived' });
    const slots = await slotsOf(app);
    expect(slots.find((s) => s.start === '11:00')?.free).toBe(9);

    await configure(app, { lateArrivals: 'rebook' });
    const other = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '11:30', idNumber: idFor(2) }) })).json<AppointmentView>();
    clock.set('2026-11-25T03:50:00.000Z'); // 11:50
    const refused = await screen(app, door, { name: '张小三', categoryId: 'demo-C', appointmentCode: other.code });
    expect(refused.json<{ code: string }>().code).toBe('TOO_LATE');
  });

  it('[A13] a late party that is denied at the door leaves the on-site place free', async () => {
    const { app, clock } = await build();
    await configure(app, { lateArrivals: 'on_site_if_free' });
    const door = await staffToken(app, 'door');
    const appointment = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '10:30' }) })).json<AppointmentView>();
    clock.set('2026-11-25T02:50:00.000Z');
    const denied = (await screen(app, door, { categoryId: 'demo-C', appointmentCode: appointment.code, people: [{ ...greenPerson, temperature: 38.2 }] })).json<ScreenVisitorResponse>();
    expect(denied.admitted).toBe(false);
    expect((await slotsOf(app)).find((s) => s.start === '11:00')?.free).toBe(10);
  });

  it('[A14] a visitor moves a booking to another free slot with the code and mobile; it keeps its code and frees the old place', async () => {
    const { app } = await build();
    const appointment = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '14:00' }) })).json<AppointmentView>();
    const move = (payload: Record<string, unknown>, code = appointment.code) => app.inject({ method: 'POST', url: `/api/appointments/${code}/reschedule`, payload });
    const before = tableCounts(app);
    expect((await move({ mobileLast4: '1111', date: '2026-11-26', slot: '09:00' })).statusCode).toBe(403);
    expect((await move({ mobileLast4: '8000', date: '2026-11-25', slot: '14:00' })).json<{ code: string }>().code).toBe('SAME_SLOT');
    const past = await move({ mobileLast4: '8000', date: '2026-11-25', slot: '09:00' });
    expect(past.statusCode).toBe(400);
    expect(past.json<{ message: string }>().message).toContain('in the past');
    expect((await move({ mobileLast4: '8000', date: '26-11-2026', slot: '09:00' })).json<{ message: string }>().message).toContain('body/date');
    expect((await move({ mobileLast4: '8000', date: '2026-11-26', slot: '09:10' })).json<{ message: string }>().message).toContain('body/slot');
    expect((await move({ mobileLast4: '8000', date: '2026-11-26', slot: '09:00' }, 'ZZZZZZZZ')).statusCode).toBe(404);
    expect(tableCounts(app)).toEqual(before);

    const moved = await move({ mobileLast4: '8000', date: '2026-11-26', slot: '09:00' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<AppointmentView>()).toMatchObject({ code: appointment.code, date: '2026-11-26', slot: '09:00', status: 'booked' });
    expect((await slotsOf(app)).find((s) => s.start === '14:00')?.free).toBe(10);
    expect((await slotsOf(app, 'demo-C', '2026-11-26')).find((s) => s.start === '09:00')?.free).toBe(9);
  });

  it('[A14] a reschedule respects full slots, the per-ID daily limit and the appointment state', async () => {
    const { app } = await build();
    await configure(app, { placesByCategory: { 'demo-C': 1 } });
    const mine = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '14:00' }) })).json<AppointmentView>();
    await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '15:00', idNumber: idFor(2), mobile: '13900139000' }) });
    await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ date: '2026-11-26', slot: '10:00' }) });
    const move = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/appointments/${mine.code}/reschedule`, payload: { mobileLast4: '8000', ...payload } });
    expect((await move({ date: '2026-11-25', slot: '15:00' })).json<{ code: string }>().code).toBe('SLOT_FULL');
    expect((await move({ date: '2026-11-26', slot: '11:00' })).json<{ code: string }>().code).toBe('DAILY_LIMIT');
    expect((await move({ date: '2026-11-25', slot: '16:00' })).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: `/api/appointments/${mine.code}/cancel`, payload: { mobileLast4: '8000' } });
    expect((await move({ date: '2026-11-25', slot: '16:30' })).json<{ code: string }>().code).toBe('NOT_RESCHEDULABLE');
  });
});

describe('booking a service item or a 一件事 bundle', () => {
  it('[A16] an item books its queue, a bundle the queue it starts in; the ticket at entry carries the items', async () => {
    const { app, clock } = await build();
    const door = await staffToken(app, 'door');
    const book = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ categoryId: undefined, slot: '10:30', ...payload }) });
    const item = await book({ itemId: 'demo-social-card' });
    expect(item.statusCode).toBe(201);
    expect(item.json<AppointmentView>()).toMatchObject({ categoryId: 'demo-C', itemId: 'demo-social-card', bundleId: null });
    const bundle = (await book({ bundleId: 'demo-open-restaurant', idNumber: idFor(2) })).json<AppointmentView>();
    expect(bundle).toMatchObject({ categoryId: 'demo-G', itemId: null, bundleId: 'demo-open-restaurant' });
    expect((await slotsOf(app, 'demo-G')).find((s) => s.start === '10:30')?.free).toBe(9);

    clock.set('2026-11-25T02:20:00.000Z'); // 10:20
    for (const [appointment, categoryId] of [[item.json<AppointmentView>(), 'demo-C'], [bundle, 'demo-G']] as const) {
      expect((await screen(app, door, { categoryId, appointmentCode: appointment.code })).json<ScreenVisitorResponse>().admitted).toBe(true);
    }
    const admitted = (await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(door) })).json<{ tickets: { id: string; categoryId: string; partyId: string }[] }>();
    expect(admitted.tickets).toHaveLength(2);
    const itemsOf = async (ticketId: string) =>
      (await app.inject({ method: 'GET', url: `/api/halls/demo/tickets/${ticketId}/items`, headers: bearer(door) })).json<{ items: { itemId: string }[]; materials: string[] }>();
    const byCategory = Object.fromEntries(admitted.tickets.map((ticket) => [ticket.categoryId, ticket.id]));
    expect((await itemsOf(byCategory['demo-C']!)).items.map((i) => i.itemId)).toEqual(['demo-social-card']);
    const restaurant = await itemsOf(byCategory['demo-G']!);
    expect(restaurant.items.map((i) => i.itemId)).toEqual(['demo-business-licence', 'demo-food-permit', 'demo-liquor-permit', 'demo-environmental-review']);
    expect(restaurant.materials).toContain('食品安全管理制度 · Food safety rules');
  });

  it('[A16][A10] an unknown item or bundle, an item of another queue, item and bundle together, or nothing: a 400 naming the field', async () => {
    const { app } = await build();
    const before = tableCounts(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ categoryId: undefined, itemId: 'demo-nothing' }, 'body/itemId'],
      [{ categoryId: 'demo-A', itemId: 'demo-social-card' }, 'body/itemId'],
      [{ categoryId: undefined, bundleId: 'demo-nothing' }, 'body/bundleId'],
      [{ categoryId: undefined, bundleId: 'demo-newborn', itemId: 'demo-social-card' }, 'body/itemId'],
      [{ categoryId: undefined }, 'body/categoryId'],
    ];
    for (const [change, field] of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking(change) });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json<{ message: string }>().message).toContain(field);
    }
    expect(tableCounts(app)).toEqual(before);
  });
});

describe('reading a hall policies at once', () => {
  it('[A11][S6][H1] a supervisor reads hours, screening, appointment and crowd settings with defaults filled in; door staff cannot', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const door = await staffToken(app, 'door');
    await configure(app, { placesPerSlot: 6 });
    const response = await app.inject({ method: 'GET', url: '/api/halls/demo/policies', headers: bearer(supervisor) });
    expect(response.statusCode).toBe(200);
    const policies = response.json<{ hours: { extendedMinutes: number }; screening: { feverThresholdC: number }; appointments: AppointmentSettings; crowd: { autoMode: string } }>();
    expect(policies).toMatchObject({ hours: { extendedMinutes: 30 }, screening: { feverThresholdC: 37.3 }, appointments: { placesPerSlot: 6, walkIns: 'on_site_if_free' }, crowd: { autoMode: 'manual' } });
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/policies', headers: bearer(door) })).statusCode).toBe(403);
  });
});
