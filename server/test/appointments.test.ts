import type { AppointmentView, CheckInResponse, ScreenVisitorResponse, SlotView } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, greenPerson, login, staffToken, tableCounts } from './helper.ts';
import { booking, idFor } from './support/booking.ts';
import { eventsSince } from '../src/core/event-log.ts';


describe('appointments', () => {
  it('[A1] slots of 30 minutes inside the published hours, with free places; past slots have none', async () => {
    const { app } = await build();
    const slots = (await app.inject({ method: 'GET', url: '/api/halls/demo/slots?categoryId=demo-C&date=2026-11-25' })).json<SlotView[]>();
    expect(slots[0]).toMatchObject({ start: '08:30', end: '09:00', free: 0 }); // it is 10:00 now
    expect(slots.at(-1)).toMatchObject({ start: '17:00', end: '17:30', free: 10 });
    expect(slots).toHaveLength(18);
  });

  it('[P3][I3] a booking stores the ID only as a keyed hash and a masked form, and shows the name masked', async () => {
    const { app } = await build();
    const id = idFor(1);
    const response = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ idNumber: id }) });
    expect(response.statusCode).toBe(201);
    const appointment = response.json<AppointmentView>();
    expect(appointment).toMatchObject({ name: '张*三', idMasked: `410***********${id.slice(-4)}`, mobileMasked: '138****8000', status: 'booked' });
    expect(appointment.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const everything = JSON.stringify(app.store.sqlite.prepare('select * from appointments').all());
    expect(everything).not.toContain(id);
    expect(everything).not.toContain('13800138000');
    const fetched = await app.inject({ method: 'GET', url: `/api/appointments/${appointment.code}` });
    expect(fetched.body).not.toContain(id);
  });

  it('[I1][I2][A1] invalid ID, phone, slot in the past or off the grid: a 400 naming the field, and nothing is written', async () => {
    const { app } = await build();
    const before = tableCounts(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: '110105194912310021' }, 'body/idNumber'],
      [{ mobile: '12345' }, 'body/mobile'],
      [{ slot: '09:00' }, 'body/slot'],
      [{ slot: '14:10' }, 'body/slot'],
      [{ date: '2026-11-24' }, 'body/slot'],
      [{ partySize: 4 }, 'partySize'],
      [{ categoryId: 'demo-Z' }, 'body/categoryId'],
    ];
    for (const [change, field] of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking(change) });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json<{ message: string }>().message).toContain(field);
    }
    expect((await app.inject({ method: 'GET', url: '/api/appointments/ZZZZZZZZ' })).statusCode).toBe(404);
    expect(tableCounts(app)).toEqual(before);
  });

  it('[A2] 200 simultaneous bookings for one slot of 10 places: exactly 10 succeed; one ID books once a day', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '1000' });
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ idNumber: idFor(i + 10) }) })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    expect((app.store.sqlite.prepare("select count(*) as n from appointments where slot_local = '14:00'").get() as { n: number }).n).toBe(10);
    const again = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ idNumber: idFor(10), slot: '15:00' }) });
    expect(again.json<{ code: string }>().code).toBe('DAILY_LIMIT');
  });

  it('[A3] the door checks in by code within the window: too early is told when to come back; the party takes the slot', async () => {
    const { app, clock } = await build();
    const door = await staffToken(app, 'door');
    const appointment = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '11:00', partySize: 2 }) })).json<AppointmentView>();
    const early = (await app.inject({ method: 'POST', url: '/api/halls/demo/check-ins', headers: bearer(door), payload: { code: appointment.code } })).json<CheckInResponse>();
    expect(early).toMatchObject({ arrival: 'too_early', comeBackAt: '2026-11-25T02:30:00.000Z' });
    const screenEarly = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(door),
      payload: { name: '张小三', categoryId: 'demo-C', appointmentCode: appointment.code, people: [greenPerson, greenPerson] },
    });
    expect(screenEarly.json<{ code: string; message: string }>()).toMatchObject({ code: 'TOO_EARLY', message: expect.stringContaining('10:30') });
    clock.set('2026-11-25T02:50:00.000Z'); // 10:50
    const byPhone = (await app.inject({ method: 'POST', url: '/api/halls/demo/check-ins', headers: bearer(door), payload: { mobileLast4: '8000', name: '张小三' } })).json<CheckInResponse>();
    expect(byPhone).toMatchObject({ arrival: 'ok', appointment: { code: appointment.code, partySize: 2 } });
    const screened = (
      await app.inject({
        method: 'POST',
        url: '/api/halls/demo/screenings',
        headers: bearer(door),
        payload: { name: '张小三', categoryId: 'demo-C', appointmentCode: appointment.code, people: [greenPerson, greenPerson] },
      })
    ).json<ScreenVisitorResponse>();
    expect(screened.party).toMatchObject({ state: 'holding', slotStart: '2026-11-25T03:00:00.000Z', appointmentCode: appointment.code, size: 2 });
    // Checked in once: a second look-up is refused before any form is filled, saying when it was used.
    const twice = await app.inject({ method: 'POST', url: '/api/halls/demo/check-ins', headers: bearer(door), payload: { code: appointment.code } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ code: string; message: string }>()).toMatchObject({ code: 'ALREADY_CHECKED_IN', message: expect.stringContaining('该预约已于 10:50 签到入场') });
    const byPhoneTwice = await app.inject({ method: 'POST', url: '/api/halls/demo/check-ins', headers: bearer(door), payload: { mobileLast4: '8000', name: '张小三' } });
    expect(byPhoneTwice.json<{ code: string }>().code).toBe('ALREADY_CHECKED_IN');
    // A hall whose late visitors must book again (A13 'rebook'; the demo hall otherwise gives them an on-site place).
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const settings = (await app.inject({ method: 'GET', url: '/api/halls/demo/appointment-settings' })).json<object>();
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', headers: bearer(admin), payload: { ...settings, lateArrivals: 'rebook' } })).statusCode).toBe(200);
    clock.set('2026-11-25T03:16:00.000Z'); // 11:16: past the grace for anyone else
    const late = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '11:30', idNumber: idFor(2) }) })).json<AppointmentView>();
    clock.set('2026-11-25T03:46:00.000Z'); // 11:46
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/check-ins', headers: bearer(door), payload: { code: late.code } })).json<CheckInResponse>().arrival).toBe('too_late');
  });

  it('[A3][A10] an unknown code scanned or typed at the door is a 400 naming the field, and nothing is written', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const before = tableCounts(app);
    const checkIn = await app.inject({ method: 'POST', url: '/api/halls/demo/check-ins', headers: bearer(door), payload: { code: 'ZZZZZZZZ' } });
    expect(checkIn.statusCode).toBe(400);
    const refused = checkIn.json<{ message: string; params: Record<string, string> }>();
    expect(refused.message).toMatch(/^body\/code .*is not an appointment code/);
    // EM1: the apps say it in the reader's language, naming the field.
    expect(refused.params).toMatchObject({ field: 'code', rule: 'detail', detail_zh: '预约码 ZZZZZZZZ 不存在，请核对' });
    const screening = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(door),
      payload: { name: '张小三', categoryId: 'demo-C', appointmentCode: 'ZZZZZZZZ', people: [greenPerson] },
    });
    expect(screening.statusCode).toBe(400);
    expect(screening.json<{ message: string }>().message).toContain('body/appointmentCode');
    expect(tableCounts(app)).toEqual(before);
  });

  it('[R1][A2] bookings, cancellations and reschedules append an event with the places now free, and no personal data', async () => {
    const { app } = await build();
    const booked = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking() })).json<AppointmentView>();
    await app.inject({ method: 'POST', url: `/api/appointments/${booked.code}/reschedule`, payload: { mobileLast4: '8000', date: '2026-11-25', slot: '15:00' } });
    await app.inject({ method: 'POST', url: `/api/appointments/${booked.code}/cancel`, payload: { mobileLast4: '8000' } });
    const events = eventsSince(app.store.db, 'demo', 0, 100).filter((envelope) => envelope.event.type === 'appointments.changed');
    expect(events.map((envelope) => envelope.event)).toEqual([
      { type: 'appointments.changed', places: [{ categoryId: 'demo-C', date: '2026-11-25', start: '14:00', free: 9 }] },
      {
        type: 'appointments.changed',
        places: [
          { categoryId: 'demo-C', date: '2026-11-25', start: '14:00', free: 10 },
          { categoryId: 'demo-C', date: '2026-11-25', start: '15:00', free: 9 },
        ],
      },
      { type: 'appointments.changed', places: [{ categoryId: 'demo-C', date: '2026-11-25', start: '15:00', free: 10 }] },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/张|13800138000|8000|410102/);
  });

  it('[A4] a visitor cancels with the code and the last four digits of the mobile; the place is free again', async () => {
    const { app } = await build();
    const appointment = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking() })).json<AppointmentView>();
    expect((await app.inject({ method: 'POST', url: `/api/appointments/${appointment.code}/cancel`, payload: { mobileLast4: '1111' } })).statusCode).toBe(403);
    const cancelled = await app.inject({ method: 'POST', url: `/api/appointments/${appointment.code}/cancel`, payload: { mobileLast4: '8000' } });
    expect(cancelled.json<AppointmentView>().status).toBe('cancelled');
    const slots = (await app.inject({ method: 'GET', url: '/api/halls/demo/slots?categoryId=demo-C&date=2026-11-25' })).json<SlotView[]>();
    expect(slots.find((s) => s.start === '14:00')?.free).toBe(10);
    // and the same ID may book again that day
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '15:00' }) })).statusCode).toBe(201);
  });
});
