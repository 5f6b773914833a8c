import type { AppointmentView, FindAppointmentResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { build, tableCounts } from './helper.ts';
import { booking, idFor } from './support/booking.ts';

const find = (app: Awaited<ReturnType<typeof build>>['app'], payload: object) => app.inject({ method: 'POST', url: '/api/appointments/find', payload });

describe('find my booking', () => {
  it('[A22] the full ID number and the full mobile find that visitor\'s coming bookings, masked; a wrong digit of either finds nothing', async () => {
    const { app, clock } = await build();
    const book = async (over: Record<string, unknown>) => (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking(over) })).json<AppointmentView>();
    const mine = await book({ date: '2026-11-26', slot: '09:00', idNumber: idFor(1), mobile: '13800138000' });
    const later = await book({ date: '2026-11-27', slot: '10:00', idNumber: idFor(1), mobile: '13800138000' });
    const cancelled = await book({ date: '2026-11-30', slot: '10:00', idNumber: idFor(1), mobile: '13800138000' });
    await app.inject({ method: 'POST', url: `/api/appointments/${cancelled.code}/cancel`, payload: { mobileLast4: '8000' } });
    await book({ date: '2026-11-26', slot: '09:00', idNumber: idFor(2), mobile: '13800138000' }); // another person, same phone
    await book({ date: '2026-11-26', slot: '09:30', idNumber: idFor(3), mobile: '13911112222' });

    const response = await find(app, { idNumber: idFor(1), mobile: '13800138000' });
    expect(response.statusCode, response.body).toBe(200);
    const found = response.json<FindAppointmentResponse>().appointments;
    expect(found.map((a) => a.code)).toEqual([mine.code, later.code]);
    expect(found[0]).toMatchObject({ name: '张*三', mobileMasked: '138****8000', status: 'booked', date: '2026-11-26', slot: '09:00' });
    expect(response.body).not.toContain(idFor(1));
    expect(response.body).not.toContain('13800138000');

    // Not enumerable: the middle digits of the mobile count, and the other person's bookings never show.
    for (const wrong of [{ idNumber: idFor(1), mobile: '13800000000' }, { idNumber: idFor(1), mobile: '13811118000' }, { idNumber: idFor(4), mobile: '13800138000' }]) {
      const answer = await find(app, wrong);
      expect(answer.statusCode).toBe(200);
      expect(answer.json<FindAppointmentResponse>().appointments).toEqual([]);
    }
    // A booking made before the whole mobile was kept (no hash) is found by the digits it has.
    app.store.sqlite.prepare('update appointments set mobile_hash = null where code = ?').run(later.code);
    expect((await find(app, { idNumber: idFor(1), mobile: '13800138000' })).json<FindAppointmentResponse>().appointments).toHaveLength(2);
    // Days gone by are not "coming" any more.
    clock.set('2026-11-26T17:00:00.000Z'); // 01:00 on the 27th in Shanghai
    expect((await find(app, { idNumber: idFor(1), mobile: '13800138000' })).json<FindAppointmentResponse>().appointments.map((a) => a.code)).toEqual([later.code]);
  });

  it('[A22][A10] a partial ID or mobile is refused naming the field, and nothing is written', async () => {
    const { app } = await build();
    const before = tableCounts(app);
    for (const [payload, field] of [
      [{ idNumber: idFor(1).slice(0, 17), mobile: '13800138000' }, 'body/idNumber'],
      [{ idNumber: idFor(1), mobile: '8000' }, 'body/mobile'],
      [{ idNumber: idFor(1), mobile: '12345678901' }, 'body/mobile'],
      [{ mobile: '13800138000' }, 'idNumber'],
    ] as const) {
      const response = await find(app, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.body).toContain(field);
    }
    expect(tableCounts(app)).toEqual(before);
  });

  it('[A22] it is rate-limited per address like the other public routes', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await find(app, { idNumber: idFor(1), mobile: '13800138000' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
