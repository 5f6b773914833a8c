import type { AppointmentView, ScreenVisitorResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { eventsSince } from '../src/core/event-log.ts';
import { bearer, build, greenPerson, staffToken, tableCounts } from './helper.ts';
import { booking } from './support/booking.ts';

/** Visitors without a smartphone or a health code: the door checks them by hand, as the hall allows. */
describe('manual verification at the door', () => {
  async function door(policy: Record<string, unknown> = {}) {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const doorToken = await staffToken(app, 'door');
    const current = (await app.inject({ method: 'GET', url: '/api/halls/demo/screening-policy', headers: bearer(doorToken) })).json<{ manualVerification: string[] }>();
    if (Object.keys(policy).length > 0) {
      const saved = await app.inject({ method: 'PUT', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor), payload: { ...current, ...policy } });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const screen = (payload: object) => app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(doorToken), payload });
    const doorId = (app.store.sqlite.prepare("select id from staff where username = 'door'").get() as { id: string }).id;
    return { app, screen, current, doorId };
  }

  it('[MV1][MV3] a visitor checked by hand goes on; the record says the method and who checked, and no event or screen carries it', async () => {
    const { app, screen, current, doorId } = await door();
    expect(current.manualVerification).toEqual(['id_card_paper_pass', 'staff_lookup']);
    const appointment = (await app.inject({ method: 'POST', url: '/api/halls/demo/appointments', payload: booking({ slot: '10:30', partySize: 2 }) })).json<AppointmentView>();
    const before = eventsSince(app.store.db, 'demo', 0, 1000).at(-1)?.seq ?? 0;
    const response = await screen({
      name: '张老伯',
      categoryId: 'demo-C',
      appointmentCode: appointment.code,
      people: [{ ...greenPerson, manualVerification: { method: 'id_card_paper_pass' } }, { ...greenPerson, manualVerification: { method: 'staff_lookup' } }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ScreenVisitorResponse>()).toMatchObject({ admitted: true, party: { state: 'holding', size: 2 } });

    const record = app.store.sqlite.prepare('select staff_id as staffId, readings from screenings').get() as { staffId: string; readings: string };
    const readings = JSON.parse(record.readings) as Record<string, unknown>[];
    expect(record.staffId).toBe(doorId);
    expect(readings.map((r) => [r.healthCodeSource, r.manualCheck])).toEqual([
      ['manual_check', { method: 'id_card_paper_pass', checkedBy: doorId }],
      ['manual_check', { method: 'staff_lookup', checkedBy: doorId }],
    ]);
    const events = JSON.stringify(eventsSince(app.store.db, 'demo', before, 100));
    expect(events).not.toContain('manual');
    expect(events).not.toContain('id_card_paper_pass');
  });

  it('[MV2] a method the hall does not accept is refused naming the person, and nothing is written', async () => {
    const { app, screen } = await door({ manualVerification: ['staff_lookup'] });
    const counts = tableCounts(app);
    const refused = await screen({ name: '李阿婆', categoryId: 'demo-C', people: [greenPerson, { ...greenPerson, manualVerification: { method: 'id_card_paper_pass' } }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'MANUAL_VERIFICATION_NOT_ACCEPTED', params: { field: 'body/people/1/manualVerification/method' } });
    expect(tableCounts(app)).toEqual(counts);
    const unknown = await screen({ name: '李阿婆', categoryId: 'demo-C', people: [{ ...greenPerson, manualVerification: { method: 'neighbour_said_so' } }] });
    expect(unknown.statusCode).toBe(400);
  });
});
