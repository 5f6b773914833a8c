import type { AuditLogResponse, StaffView, TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema/index.ts';
import { ADMIN_PASSWORD, EAST_HALL, bearer, build, login, staffToken } from './helper.ts';
import { booking } from './support/booking.ts';

type App = Awaited<ReturnType<typeof build>>['app'];

async function post(app: App, token: string | null, url: string, payload?: object) {
  return app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
}

/** A served (completed) ticket at window 2, with its phone token. */
async function servedTicket(app: App) {
  const clerk = await staffToken(app, 'clerk', 'served-clerk');
  const issued = (await post(app, clerk, '/api/halls/demo/tickets', { categoryId: 'demo-A' })).json<TicketResponse>();
  await post(app, clerk, '/api/halls/demo/windows/demo-w2/open');
  await post(app, clerk, '/api/halls/demo/windows/demo-w2/call-next');
  await post(app, clerk, `/api/halls/demo/tickets/${issued.ticket.id}/complete`);
  return { clerk, issued };
}

describe('each role does only what it should, in its own hall', () => {
  it('[AC3] a hall admin manages only their own hall\'s non-admin staff; only city-wide admins make halls, admins or city-wide accounts', async () => {
    const { app } = await build();
    const city = await login(app, 'admin', ADMIN_PASSWORD);
    expect((await post(app, city, '/api/halls', EAST_HALL)).statusCode).toBe(201);
    const account = async (username: string, role: string, hallId: string | null) =>
      (await post(app, city, '/api/staff', { username, displayName: username, role, hallId, password: 'password-123' })).json<StaffView>();
    await account('hall-admin', 'admin', 'demo');
    const hallAdmin = await login(app, 'hall-admin', 'password-123');
    const cityAdmin = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(city) })).json<StaffView>();
    const eastClerk = await account('east-clerk', 'clerk', 'east');
    const otherAdmin = await account('demo-admin-2', 'admin', 'demo');
    const citySupervisor = await account('city-sup', 'supervisor', null);

    const refused = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const response = await app.inject({ method, url, headers: bearer(hallAdmin), ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    };
    // The takeover found before: create a city-wide admin, reset the city admin's password, sign in as them.
    await refused('POST', '/api/staff', { username: 'sneaky', displayName: 'x', role: 'admin', hallId: null, password: 'password-123' });
    await refused('POST', '/api/staff', { username: 'sneaky2', displayName: 'x', role: 'supervisor', hallId: null, password: 'password-123' });
    await refused('POST', '/api/staff', { username: 'sneaky3', displayName: 'x', role: 'admin', hallId: 'demo', password: 'password-123' });
    await refused('POST', '/api/staff', { username: 'sneaky4', displayName: 'x', role: 'clerk', hallId: 'east', password: 'password-123' });
    await refused('POST', `/api/staff/${cityAdmin.id}/password`, { password: 'taken-over-1' });
    await refused('POST', `/api/staff/${cityAdmin.id}/disable`);
    await refused('POST', `/api/staff/${otherAdmin.id}/password`, { password: 'taken-over-1' });
    await refused('POST', `/api/staff/${citySupervisor.id}/disable`);
    await refused('POST', `/api/staff/${eastClerk.id}/disable`);
    await refused('POST', `/api/staff/${eastClerk.id}/password`, { password: 'taken-over-1' });
    await refused('GET', '/api/staff?hallId=east');
    await refused('POST', '/api/halls', { ...EAST_HALL, id: 'west' });
    expect((await post(app, null, '/api/auth/login', { username: 'admin', password: 'taken-over-1' })).statusCode).toBe(401);

    // What a hall admin may do: their own hall's clerks, and nothing of anyone else's in the list.
    const made = await post(app, hallAdmin, '/api/staff', { username: 'demo-clerk-9', displayName: '新', role: 'clerk', hallId: 'demo', password: 'password-123' });
    expect(made.statusCode).toBe(201);
    expect((await post(app, hallAdmin, `/api/staff/${made.json<StaffView>().id}/password`, { password: 'fresh-password-1' })).statusCode).toBe(200);
    const listed = (await app.inject({ method: 'GET', url: '/api/staff', headers: bearer(hallAdmin) })).json<StaffView[]>();
    expect(listed.every((member) => member.hallId === 'demo')).toBe(true);
    // The city-wide admin reaches everyone.
    expect((await post(app, city, `/api/staff/${eastClerk.id}/disable`)).statusCode).toBe(200);
  });

  it('[AC4][F2] a rating is taken once, from the ticket\'s own phone or the pad of the window that served it; never from a lobby screen, the door or the clerk', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const { clerk, issued } = await servedTicket(app);
    const door = await staffToken(app, 'door');
    const device = async (kind: string, windowId?: string) =>
      (await post(app, admin, '/api/halls/demo/devices', { name: kind, kind, ...(windowId ? { windowId } : {}) })).json<{ token: string }>().token;
    const lobby = await device('lobby');
    const otherPad = await device('rating', 'demo-w1');
    const ownPad = await device('rating', 'demo-w2');
    const body = { ticketId: issued.ticket.id, level: 5 };
    for (const token of [lobby, door, clerk, admin, otherPad]) {
      const response = await post(app, token, '/api/halls/demo/windows/demo-w2/rating', body);
      expect(response.statusCode).toBe(403);
    }
    expect((await post(app, otherPad, '/api/halls/demo/windows/demo-w1/rating', body)).statusCode).toBe(404); // window 1 did not serve it
    expect((await post(app, null, '/api/public/tickets/AAAAAAAAAAAAAAAAAAAAAA/rating', { level: 5 })).statusCode).toBe(404);
    expect((await post(app, ownPad, '/api/halls/demo/windows/demo-w2/rating', { ...body, level: 4 })).statusCode).toBe(200);
    const again = await post(app, null, `/api/public/tickets/${issued.phoneToken}/rating`, { level: 1, reasons: ['slow'] });
    expect(again.statusCode).toBe(409);
  });

  it('[AC5] sign-in backs off after failed attempts, per account and per address; a success clears the account', async () => {
    const { app, clock } = await build({ LOGIN_RATE_LIMIT: '1000' });
    await staffToken(app, 'door', 'door-x');
    await staffToken(app, 'clerk', 'clerk-y');
    const attempt = (username: string, password: string, ip: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
    for (let i = 0; i < 5; i++) expect((await attempt('door-x', 'guess', `10.0.1.${i}`)).statusCode).toBe(401);
    // The sixth try at the account waits, from any address, even with the right password.
    const locked = await attempt('door-x', 'password-123', '10.0.2.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json<{ code: string }>().code).toBe('LOGIN_BACKOFF');
    expect(Number(locked.headers['retry-after'])).toBe(30);
    // Another account from another address is not slowed; after the wait the right password works and clears the count.
    expect((await attempt('clerk-y', 'password-123', '10.0.3.1')).statusCode).toBe(200);
    clock.advance(0.5);
    expect((await attempt('door-x', 'password-123', '10.0.2.1')).statusCode).toBe(200);
    expect((await attempt('door-x', 'guess', '10.0.2.2')).statusCode).toBe(401);
    // One address guessing many accounts is slowed after 20 failures, whichever account it tries next.
    clock.advance(61);
    for (let i = 0; i < 20; i++) expect((await attempt(`nobody-${i}`, 'guess', '10.9.9.9')).statusCode, `try ${i}`).toBeLessThan(429);
    expect((await attempt('clerk-y', 'password-123', '10.9.9.9')).statusCode).toBe(429);
  });

  it('[AC5] a ticket link\'s routes are limited per link: visitors on one hall Wi-Fi do not use up each other\'s budget', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '3' });
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const issue = async () => (await post(app, admin, '/api/halls/demo/tickets', { categoryId: 'demo-A' })).json<TicketResponse>().phoneToken;
    const [first, second] = [await issue(), await issue()];
    const status = (token: string) => app.inject({ method: 'GET', url: `/api/public/tickets/${token}`, remoteAddress: '192.168.1.20' }).then((r) => r.statusCode);
    expect([await status(first), await status(first), await status(first), await status(first)]).toEqual([200, 200, 200, 429]);
    expect(await status(second)).toBe(200);
  });

  it('[AC5] sessions expire after SESSION_HOURS', async () => {
    const { app, clock } = await build({ SESSION_HOURS: '1' });
    const token = await login(app, 'admin', ADMIN_PASSWORD);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    clock.advance(61);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('[AC6] every answer carries security headers and a content security policy allowing only the apps\' own scripts', async () => {
    const { app } = await build();
    for (const url of ['/', '/api/health', '/api/halls', '/nope', '/api/docs', '/api/docs/static/index.html', '/favicon.ico']) {
      const response = await app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('[AC6][PR4] a slip\'s print page may be framed by the hall\'s own pages only, for the terminal\'s silent printing; no other page may be framed', async () => {
    const { app } = await build();
    for (const url of ['/t/abcdefghijklmnopqrstuv/print', '/checkin/book/AB12CD34/print?paper=58']) {
      const response = await app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'self'");
      expect(csp, url).not.toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
    for (const url of ['/t/abcdefghijklmnopqrstuv', '/checkin/kiosk', '/checkin/book/AB12CD34', '/t/abcdefghijklmnopqrstuv/print/more', '/api/public/tickets/abcdefghijklmnopqrstuv/printout']) {
      expect(String((await app.inject({ method: 'GET', url })).headers['content-security-policy']), url).toContain("frame-ancestors 'none'");
    }
  });
});

describe('a record of every staff action', () => {
  it('[AU1] a settings change, a call and an account change are recorded with who, when, which hall, before and after; secrets are not', async () => {
    const { app, clock } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const supervisor = await staffToken(app, 'supervisor');
    const clerk = await staffToken(app, 'clerk');
    const policy = (await app.inject({ method: 'GET', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor) })).json<Record<string, unknown>>();
    clock.advance(5);
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/screening-policy', headers: bearer(supervisor), payload: { ...policy, feverThresholdC: 37.5 } })).statusCode).toBe(200);
    await post(app, clerk, '/api/halls/demo/tickets', { categoryId: 'demo-A' });
    await post(app, clerk, '/api/halls/demo/windows/demo-w1/open');
    await post(app, clerk, '/api/halls/demo/windows/demo-w1/call-next');
    const log = (await app.inject({ method: 'GET', url: '/api/audit-log', headers: bearer(admin) })).json<AuditLogResponse>();
    const change = log.entries.find((entry) => entry.action === 'updateScreeningPolicy')!;
    expect(change).toMatchObject({ hallId: 'demo', staffUsername: 'supervisor', staffRole: 'supervisor', at: '2026-11-25T02:05:00.000Z' });
    expect((change.before as { screening: { feverThresholdC?: number } | null }).screening?.feverThresholdC ?? 37.3).toBe(37.3);
    expect((change.after as { screening: { feverThresholdC: number } }).screening.feverThresholdC).toBe(37.5);
    expect(log.entries.find((entry) => entry.action === 'callNext')).toMatchObject({ staffUsername: 'clerk', target: { hallId: 'demo', windowId: 'demo-w1' } });
    const reset = log.entries.find((entry) => entry.action === 'createStaff')!;
    expect(JSON.stringify(reset.after)).not.toContain('password-123');
    expect(JSON.stringify(log)).not.toContain('password-123');

    // Filters: by action, by staff, by time; a hall's admin reads their own hall only.
    const calls = (await app.inject({ method: 'GET', url: '/api/audit-log?action=callNext', headers: bearer(admin) })).json<AuditLogResponse>();
    expect(calls.entries.map((entry) => entry.action)).toEqual(['callNext']);
    const early = (await app.inject({ method: 'GET', url: '/api/audit-log?to=2026-11-25T02:01:00.000Z', headers: bearer(admin) })).json<AuditLogResponse>();
    expect(early.entries.every((entry) => entry.at <= '2026-11-25T02:01:00.000Z')).toBe(true);
    const paged = (await app.inject({ method: 'GET', url: '/api/audit-log?limit=2', headers: bearer(admin) })).json<AuditLogResponse>();
    expect(paged.entries).toHaveLength(2);
    const next = (await app.inject({ method: 'GET', url: `/api/audit-log?limit=2&before=${paged.nextBefore}`, headers: bearer(admin) })).json<AuditLogResponse>();
    expect(next.entries[0]!.id).toBeLessThan(paged.entries[1]!.id);
    expect((await app.inject({ method: 'GET', url: '/api/audit-log', headers: bearer(supervisor) })).statusCode).toBe(403);
  });

  it('[AU1] the log is append-only: the database refuses to change an entry or delete a recent one', async () => {
    const { app } = await build();
    await login(app, 'admin', ADMIN_PASSWORD);
    expect(app.store.db.select().from(auditLog).all().length).toBeGreaterThan(0);
    expect(() => app.store.sqlite.prepare("update audit_log set action = 'nothing'").run()).toThrow(/append-only/);
    expect(() => app.store.sqlite.prepare('delete from audit_log').run()).toThrow(/180 days/);
  });
});

describe('personal data is kept only as long as it is needed', () => {
  it('[RT1][RT2][RT3] door records, appointments\' personal data and the audit log are purged or anonymised after their periods, per hall', async () => {
    const { app, clock } = await build({ PUBLIC_RATE_LIMIT: '1000' });
    const door = await staffToken(app, 'door');
    const supervisor = await staffToken(app, 'supervisor');
    const one = (sql: string) => app.store.sqlite.prepare(sql).get() as Record<string, unknown>;
    // This hall keeps door records 10 days and appointments' personal data 30 days after their date.
    const policies = (await app.inject({ method: 'GET', url: '/api/halls/demo/policies', headers: bearer(supervisor) })).json<{ crowd: Record<string, unknown>; appointments: Record<string, unknown> }>();
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/appointment-settings', headers: bearer(supervisor), payload: { ...policies.appointments, personalDataDays: 30 } })).statusCode).toBe(200);
    const crowdConfig = { crowd: { retentionDays: 10 } };
    expect((await app.inject({ method: 'PUT', url: '/api/halls/demo/crowd-config', headers: bearer(supervisor), payload: crowdConfig })).statusCode).toBe(200);

    expect((await post(app, null, '/api/halls/demo/appointments', booking({ categoryId: 'demo-A', slot: '10:30', name: '林小红' }))).statusCode).toBe(201);
    await post(app, door, '/api/halls/demo/screenings', { name: '林小红', categoryId: 'demo-A', people: [{ healthCode: 'red', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } }] });
    await post(app, door, '/api/halls/demo/screenings', { name: '王绿绿', categoryId: 'demo-A', people: [{ healthCode: 'green', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } }] });
    const { runHousekeeping } = await import('../src/modules/crowd/housekeeping.service.ts');
    const purge = () => runHousekeeping(app.store.db, app.commands, clock.now(), 180);

    clock.advance(9 * 24 * 60);
    purge();
    expect(one("select count(*) as n from parties where lead_name <> ''").n).toBe(2);
    clock.advance(2 * 24 * 60); // 11 days: past the hall's 10-day door period
    const door10 = purge();
    expect(door10.partiesAnonymised).toBe(2);
    expect(one("select count(*) as n from parties where lead_name <> '' or display_name <> '*' or denial_reasons <> '[]' or appointment_code is not null").n).toBe(0);
    expect(one("select count(*) as n from screenings where readings is not null or reasons <> '[]'").n).toBe(0);
    expect(one('select count(*) as n from screenings').n).toBe(2); // still counted, naming nobody
    expect(one('select count(*) as n from entry_log').n).toBe(0);

    const appointmentsNamed = () => one("select count(*) as n from appointments where name <> '' or id_hash <> '' or mobile_last4 <> ''").n;
    const anyAppointment = one('select count(*) as n from appointments').n as number;
    clock.advance(20 * 24 * 60); // 31 days after the appointment's date
    const after30 = purge();
    expect(after30.appointmentsAnonymised).toBe(anyAppointment);
    expect(appointmentsNamed()).toBe(0);

    // The audit log: kept 180 days, then deleted.
    const auditRows = () => one('select count(*) as n from audit_log').n as number;
    expect(auditRows()).toBeGreaterThan(0);
    clock.advance(150 * 24 * 60); // 181 days after the first entries
    await login(app, 'admin', ADMIN_PASSWORD); // a fresh entry: the log is never emptied by age alone
    expect(purge().auditPurged).toBeGreaterThan(0);
    expect(auditRows()).toBe(1);
  });
});
