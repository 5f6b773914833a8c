import type { FollowUpList, FollowUpView, TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login, staffToken } from './helper.ts';

async function setup() {
  const built = await build();
  const { app } = built;
  const clerk = await staffToken(app, 'clerk');
  const supA = await staffToken(app, 'supervisor', 'sup-a');
  const supB = await staffToken(app, 'supervisor', 'sup-b');
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  // The first start's demo supervisor (A23) would take the least-busy assignment; this hall's
  // supervisors are sup-a and sup-b only, so the admin disables it.
  const demoSupervisor = app.store.sqlite.prepare("select id from staff where username = 'demo-supervisor'").get() as { id: string };
  expect((await app.inject({ method: 'POST', url: `/api/staff/${demoSupervisor.id}/disable`, headers: bearer(admin) })).statusCode).toBe(200);
  const hall = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string, payload?: object) =>
    app.inject({ method, url: `/api/halls/demo${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  await hall('POST', '/windows/demo-w4/open', clerk);
  /** A served ticket rated by the visitor from the phone. */
  const servedAndRated = async (rating: object) => {
    const issued = (await hall('POST', '/tickets', clerk, { categoryId: 'demo-C' })).json<TicketResponse>();
    await hall('POST', '/windows/demo-w4/call-next', clerk);
    await hall('POST', `/tickets/${issued.ticket.id}/complete`, clerk);
    built.clock.advance(1);
    const rated = await app.inject({ method: 'POST', url: `/api/public/tickets/${issued.phoneToken}/rating`, payload: rating });
    expect(rated.statusCode).toBe(200);
    return issued.ticket;
  };
  const list = async (token: string, query = '') => (await hall('GET', `/follow-ups${query}`, token)).json<FollowUpList>();
  return { ...built, clerk, supA, supB, admin, hall, servedAndRated, list };
}

describe('差评整改: follow-up of low ratings', () => {
  it('[FU1] 不满意 and 非常不满意 open a case with the hall deadline, assigned to the least busy supervisor; satisfied ratings open none', async () => {
    const { app, servedAndRated, list, supA, hall, clock } = await setup();
    expect((await hall('PUT', '/follow-up-policy', supA, { deadlineHours: 48 })).statusCode).toBe(200);
    await servedAndRated({ level: 4 });
    await servedAndRated({ level: 3 });
    expect((await list(supA)).cases).toHaveLength(0);
    const first = await servedAndRated({ level: 2, reasons: ['slow'] });
    const second = await servedAndRated({ level: 1, reasons: ['attitude'], comment: '窗口人员态度不好' });
    const { cases } = await list(supA);
    expect(cases.map((c) => [c.ticketNumber, c.level, c.status, c.assignee?.name])).toEqual([
      [second.number, 1, 'open', 'supervisor sup-b'],
      [first.number, 2, 'open', 'supervisor sup-a'],
    ]);
    expect(Date.parse(cases[1]!.dueAt) - Date.parse(cases[1]!.openedAt)).toBe(48 * 3_600_000);
    expect(cases[0]).toMatchObject({ reasons: ['attitude'], comment: '窗口人员态度不好', windowNumber: 4, hasContact: false });
    // FU3: past its deadline and not closed, a case is overdue.
    clock.advance(49 * 60);
    const later = await login(app, 'sup-a', 'password-123'); // the morning's session has ended
    expect((await list(later, '?overdue=true')).cases).toHaveLength(2);
    expect((await list(later, '?overdue=true')).figures.overdue).toBe(2);
  });

  it('[FU2][FU3] the assigned supervisor records the contact, the finding and the rectification, then closes; the figures follow', async () => {
    const { app, servedAndRated, list, supA, supB, hall, clock } = await setup();
    const staffIdOf = (username: string) => (app.store.sqlite.prepare('select id from staff where username = ?').get(username) as { id: string }).id;
    await servedAndRated({ level: 1, reasons: ['repeat'] });
    const [entry] = (await list(supA)).cases;
    expect(entry!.assignee?.name).toBe('supervisor sup-a');
    const patch = (token: string, body: object) => hall('PATCH', `/follow-ups/${entry!.id}`, token, body);
    // Only the assignee records; closing needs contact, finding and (justified) rectification.
    expect((await patch(supB, { contactNote: '电话回访' })).statusCode).toBe(403);
    expect((await patch(supA, { close: true })).json<{ code: string }>().code).toBe('NOT_CONTACTED');
    clock.advance(2 * 60);
    expect((await patch(supA, { contactNote: '已电话回访，群众反映材料要求反复' })).json<FollowUpView>()).toMatchObject({ status: 'contacted' });
    expect((await patch(supA, { finding: '情况属实：窗口未一次性告知', justified: true, close: true })).json<{ code: string }>().code).toBe('NO_RECTIFICATION');
    clock.advance(4 * 60);
    const closed = (await patch(supA, { finding: '情况属实：窗口未一次性告知', justified: true, rectification: '实行一次性告知清单，全员培训', close: true })).json<FollowUpView>();
    expect(closed).toMatchObject({ status: 'closed', justified: true, overdue: false });
    expect((await patch(supA, { contactNote: '再次回访' })).statusCode).toBe(409);
    const { figures } = await list(supA);
    expect(figures).toMatchObject({ cases: 1, contacted: 1, closed: 1, justified: 1, rectified: 1, followUpRate: 1, rectificationRate: 1, averageHoursToClose: 6 });
    // A supervisor hands a case over; the audit keeps each step before and after.
    await servedAndRated({ level: 2, reasons: ['unclear'] });
    const open = (await list(supA, '?status=open')).cases[0]!;
    expect(open.assignee?.name).toBe('supervisor sup-a'); // sup-a has no open case left
    const supBId = staffIdOf('sup-b');
    expect((await hall('PATCH', `/follow-ups/${open.id}`, supA, { assigneeStaffId: supBId })).json<FollowUpView>().assignee?.name).toBe('supervisor sup-b');
    expect((await hall('PATCH', `/follow-ups/${open.id}`, supA, { assigneeStaffId: 'nobody' })).json<{ message: string }>().message).toContain('body/assigneeStaffId');
  });

  it('[FU4] only the supervisor handling the case sees the contact details, every read is audited, and no list carries them', async () => {
    const { app, servedAndRated, list, supA, supB, admin, hall } = await setup();
    await servedAndRated({ level: 1, reasons: ['slow'], contactPhone: '13912345678' });
    const [entry] = (await list(supA)).cases;
    expect(entry!.hasContact).toBe(true);
    expect(JSON.stringify(await list(supA))).not.toContain('13912345678');
    expect((await hall('POST', `/follow-ups/${entry!.id}/contact`, supB)).statusCode).toBe(403);
    expect((await hall('POST', `/follow-ups/${entry!.id}/contact`, admin)).statusCode).toBe(403);
    const contact = await hall('POST', `/follow-ups/${entry!.id}/contact`, supA);
    expect(contact.json()).toEqual({ name: null, phone: '13912345678' });
    const audit = app.store.sqlite.prepare("select staff_username, after from audit_log where action = 'revealFollowUpContact'").all() as { staff_username: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.staff_username).toBe('sup-a');
    expect(audit[0]!.after).not.toContain('13912345678');
    // The number is checked like any mobile (I2), and never reaches the hall's event log.
    const events = app.store.sqlite.prepare('select payload from events').all() as { payload: string }[];
    expect(events.some((e) => e.payload.includes('13912345678'))).toBe(false);
  });
});
