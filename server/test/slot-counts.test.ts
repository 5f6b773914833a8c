import type { AppointmentView, SlotView } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { bearer, build, greenPerson, seeded, staffToken } from './helper.ts';
import { booking, idFor } from './support/booking.ts';

/** What the triggers keep, beside what counting the bookings and walk-ins gives (A1, A12). */
function countsAgree(sqlite: import('better-sqlite3').Database) {
  const kept = sqlite.prepare('select hall_id, category_id, day, slot_start, taken from slot_counts where taken <> 0 order by 1, 2, 3, 4').all();
  const counted = sqlite
    .prepare(
      `select hall_id, category_id, day, slot_start, sum(n) as taken from (
         select hall_id, category_id, day, slot_start, count(*) as n from appointments where status in ('booked', 'arrived') group by 1, 2, 3, 4
         union all
         select hall_id, category_id, day, slot_start, count(*) as n from parties where appointment_code is null and state <> 'denied' and slot_start is not null group by 1, 2, 3, 4
       ) group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    )
    .all();
  expect(kept).toEqual(counted);
}

describe('the places taken per slot, kept by triggers', () => {
  it('[R10][A1][A12] after every booking, cancellation, reschedule, arrival, walk-in and denial, the kept counts equal the places counted, and the free places follow', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const random = seeded(5);
    const slots = ['10:30', '11:00', '14:00', '14:30'];
    const booked: AppointmentView[] = [];
    const kinds = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const roll = random();
      if (roll < 0.35 || booked.length === 0) {
        const answer = await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ idNumber: idFor(100 + i), slot: slots[Math.floor(random() * slots.length)] }) });
        if (answer.statusCode === 201) {
          booked.push(answer.json<AppointmentView>());
          kinds.add('booked');
        }
      } else if (roll < 0.5) {
        const appointment = booked.splice(Math.floor(random() * booked.length), 1)[0]!;
        const answer = await app.inject({ method: 'POST', url: `/api/appointments/${appointment.code}/cancel`, payload: { mobileLast4: '8000' } });
        if (answer.statusCode === 200) kinds.add('cancelled');
      } else if (roll < 0.6) {
        const appointment = booked[Math.floor(random() * booked.length)]!;
        const answer = await app.inject({ method: 'POST', url: `/api/appointments/${appointment.code}/reschedule`, payload: { mobileLast4: '8000', date: '2026-11-25', slot: slots[Math.floor(random() * slots.length)] } });
        if (answer.statusCode === 200) kinds.add('rescheduled');
      } else if (roll < 0.75) {
        const appointment = booked.splice(Math.floor(random() * booked.length), 1)[0]!;
        const answer = await app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '张小三', categoryId: 'demo-C', appointmentCode: appointment.code, people: [greenPerson] } });
        if (answer.statusCode === 200) kinds.add('arrived');
      } else {
        const fever = random() < 0.3;
        const answer = await app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '李四', categoryId: 'demo-C', people: [fever ? { ...greenPerson, temperature: 38.4 } : greenPerson] } });
        if (answer.statusCode === 200) kinds.add(fever ? 'denied' : 'walk-in');
      }
      countsAgree(app.store.sqlite);
    }
    expect([...kinds].sort()).toEqual(['arrived', 'booked', 'cancelled', 'denied', 'rescheduled', 'walk-in']);
    // The public slot list reads the kept counts: each future slot's free places are its places less those counted by hand.
    const places = (await app.inject({ method: 'GET', url: '/api/halls/demo/appointment-settings' })).json<{ placesPerSlot: number }>().placesPerSlot;
    const listed = (await app.inject({ method: 'GET', url: '/api/halls/demo/slots?categoryId=demo-C&date=2026-11-25' })).json<SlotView[]>();
    const takenAt = (startsAt: string) =>
      (app.store.sqlite
        .prepare(
          `select (select count(*) from appointments where category_id = 'demo-C' and status in ('booked', 'arrived') and slot_start = @at)
                + (select count(*) from parties where category_id = 'demo-C' and appointment_code is null and state <> 'denied' and slot_start = @at) as n`,
        )
        .get({ at: startsAt }) as { n: number }).n;
    const later = listed.filter((slot) => ['14:00', '14:30'].includes(slot.start));
    expect(later).toHaveLength(2);
    for (const slot of later) expect(slot.free, slot.start).toBe(Math.max(0, places - takenAt(slot.startsAt)));
    expect(later.some((slot) => slot.free < places)).toBe(true);
  });

  it('[R10] a booking or a walk-in changed or deleted by hand leaves the counts right', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    for (let i = 0; i < 4; i++) await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ idNumber: idFor(200 + i), slot: i % 2 ? '14:00' : '14:30' }) });
    for (let i = 0; i < 3; i++) await app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '李四', categoryId: 'demo-C', people: [greenPerson] } });
    const sqlite = app.store.sqlite;
    countsAgree(sqlite);
    sqlite.prepare("update appointments set slot_start = (select min(slot_start) from appointments) where rowid in (select rowid from appointments limit 1 offset 1)").run();
    countsAgree(sqlite);
    sqlite.prepare("update appointments set category_id = 'demo-A' where rowid in (select rowid from appointments limit 1)").run();
    countsAgree(sqlite);
    sqlite.prepare("update parties set state = 'denied' where rowid in (select rowid from parties where appointment_code is null limit 1)").run();
    countsAgree(sqlite);
    expect(sqlite.prepare("delete from appointments where rowid in (select rowid from appointments where status = 'booked' limit 1)").run().changes).toBe(1);
    const walkIn = sqlite.prepare("select id from parties where appointment_code is null and state = 'holding' limit 1").pluck().get() as string;
    sqlite.prepare('delete from screenings where party_id = ?').run(walkIn);
    expect(sqlite.prepare('delete from parties where id = ?').run(walkIn).changes).toBe(1);
    countsAgree(sqlite);
  });
});
