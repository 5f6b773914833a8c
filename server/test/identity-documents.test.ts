import type { AppointmentView, FindAppointmentResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { build } from './helper.ts';
import { booking } from './support/booking.ts';

/** Visitors book with the identity document they carry; the rules about numbers apply to each. */
describe('identity documents', () => {
  it('[DC1][DC3][A2][P3] a passport books like a resident ID: its format is checked, one a day, kept only masked and as a keyed hash', async () => {
    const { app } = await build();
    const book = (over: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking(over) });

    const passport = await book({ idType: 'passport', idNumber: 'E12345678', slot: '10:30' });
    expect(passport.statusCode, passport.body).toBe(201);
    expect(passport.json<AppointmentView>()).toMatchObject({ idType: 'passport', idMasked: 'E*****678' });
    // A2: the same passport the same day is the same person.
    const again = await book({ idType: 'passport', idNumber: 'e1234 5678', slot: '11:00' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DAILY_LIMIT' });
    // The same digits on another kind of document are somebody else.
    expect((await book({ idType: 'taiwan_permit', idNumber: '12345678', slot: '11:00' })).statusCode).toBe(201);
    expect((await book({ idType: 'passport', idNumber: '12345678', slot: '11:00' })).statusCode).toBe(201);

    // P3: no number in clear anywhere in the appointments table.
    const stored = JSON.stringify(app.store.sqlite.prepare('select * from appointments').all());
    expect(stored).not.toContain('E12345678');
    expect(stored).not.toContain('12345678"');

    // A22: find my booking with the same document and mobile.
    const found = await app.inject({ method: 'POST', url: '/api/appointments/find', payload: { idType: 'passport', idNumber: 'E12345678', mobile: '13800138000' } });
    expect(found.json<FindAppointmentResponse>().appointments.map((a) => a.code)).toEqual([passport.json<AppointmentView>().code]);
  });

  it('[DC2] a number not of its document\'s format is refused naming the field and what is wrong; nothing is booked', async () => {
    const { app } = await build();
    const refused = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ idType: 'hk_macau_permit', idNumber: 'A12345678' }) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain('body/idNumber');
    expect(refused.json<{ message: string }>().message).toContain('港澳居民来往内地通行证号码应为H或M加8位数字');
    expect(app.store.sqlite.prepare('select count(*) as n from appointments').get()).toEqual({ n: 0 });
    const unknownKind = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ idType: 'library_card', idNumber: '12345' }) });
    expect(unknownKind.statusCode).toBe(400);
  });
});
