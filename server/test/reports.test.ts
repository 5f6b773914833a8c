import type { FourReductionsReport, HallReport } from '@hallflow/shared/api';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, EAST_HALL, login, staffToken, type TestApp } from './helper.ts';
import { buildReportDay, REPORT_DAY_COUNTS, REPORT_DAY_REDUCTIONS } from './support/report-day.ts';

async function driverFor({ app, clock }: TestApp) {
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string, body?: unknown): Promise<T> => {
    const response = await app.inject({ method, url, headers: bearer(token), ...(body === undefined ? {} : { payload: body as object }) });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  const member = async (role: string, username: string) => {
    await call('POST', '/api/staff', admin, { username, displayName: `${role} ${username}`, role, hallId: 'demo', password: 'password-123' });
    return login(app, username, 'password-123');
  };
  const clerks = [] as string[];
  for (const name of ['c1', 'c2', 'c3', 'c4', 'c5']) clerks.push(await member('clerk', name));
  return {
    call,
    rate: async (token: string, body: object) => {
      await call('POST', `/api/public/tickets/${token}/rating`, '', body);
    },
    wait: (minutes: number) => clock.advance(minutes),
    admin,
    supervisor: await member('supervisor', 'sup'),
    tokens: { door: await member('door', 'door'), clerks: clerks as [string, string, string, string, string] },
  };
}

const report = async (app: FastifyInstance, token: string, query: string) => app.inject({ method: 'GET', url: `/api/reports${query}`, headers: bearer(token) });

describe('reports of a fixture day with known answers', () => {
  it('[RP1][RP2][RP3][RP4][RP5] the door, waits, handling, throughput, occupancy, no-shows and satisfaction of the day', async () => {
    const built = await build();
    const driver = await driverFor(built);
    await buildReportDay(driver);
    const { supervisor } = driver;
    const day = (await report(built.app, supervisor, '?hallId=demo&from=2026-11-25&to=2026-11-25')).json<HallReport>();
    expect(day.door).toEqual(REPORT_DAY_COUNTS.door);
    expect(day.tickets).toEqual(REPORT_DAY_COUNTS.tickets);
    // Arrival 10:00 → admission 10:06; issue 10:06 → first call: A001 4, G001 4, F001 14, D001 30, E001 34 minutes.
    expect(day.waits.arrivalToAdmission).toMatchObject({ count: 1, median: 6, p90: 6 });
    expect(day.waits.admissionToCall).toMatchObject({ count: 5, mean: 17.2, median: 14, p90: 34 });
    expect(day.waits.admissionToCall.histogram.filter((b) => b.count > 0)).toEqual([
      { from: 0, to: 5, count: 2 },
      { from: 10, to: 15, count: 1 },
      { from: 30, to: 45, count: 2 },
    ]);
    const minutes = (rows: { label: string; count: number; mean: number | null }[]) => rows.map((r) => [r.label, r.count, r.mean]);
    expect(minutes(day.handling.byWindow)).toEqual([
      ['1号窗口', 1, 20],
      ['2号窗口', 1, 8],
      ['4号窗口', 1, 10],
      ['5号窗口', 1, 15],
      ['7号窗口', 1, 5],
    ]);
    expect(minutes(day.handling.byItem).sort()).toEqual([
      ['一件事 · 开饭店一件事', 1, 20],
      ['一件事 · 新生儿出生一件事', 2, 7.5],
      ['不动产转移登记', 1, 15],
    ].sort());
    expect(minutes(day.handling.byClerk)).toEqual([
      ['clerk c1', 1, 8],
      ['clerk c2', 1, 20],
      ['clerk c3', 1, 5],
      ['clerk c4', 1, 10],
      ['clerk c5', 1, 15],
    ]);
    expect(day.throughput[10]).toEqual({ hour: 10, issued: 5, finished: 4 });
    expect(day.throughput.reduce((n, h) => n + h.issued, 0)).toBe(5);
    expect(day.occupancy[10]).toEqual({ hour: 10, peak: 2, limit: 54 });
    const satisfaction = (rows: { label: string; ratings: number; average: number | null; satisfied: number | null; low: number }[]) => rows.map((r) => [r.label, r.ratings, r.average, r.satisfied, r.low]);
    expect(satisfaction(day.satisfaction.byWindow)).toEqual([
      ['1号窗口', 1, 2, 0, 1],
      ['2号窗口', 1, 5, 1, 0],
      ['4号窗口', 1, 4, 1, 0],
      ['5号窗口', 1, 3, 1, 0],
    ]);
    expect(satisfaction(day.satisfaction.byBundle).sort()).toEqual([
      ['一件事 · 开饭店一件事', 1, 2, 0, 1],
      ['一件事 · 新生儿出生一件事', 1, 4, 1, 0],
    ].sort());
    expect(satisfaction(day.satisfaction.byItem)).toEqual([['不动产转移登记', 1, 3, 1, 0]]);
    expect(satisfaction(day.satisfaction.byClerk).map((r) => r[0])).toEqual(['clerk c1', 'clerk c2', 'clerk c4', 'clerk c5']);
    // A day before holds nothing.
    const before = (await report(built.app, supervisor, '?hallId=demo&from=2026-11-24&to=2026-11-24')).json<HallReport>();
    expect(before.tickets).toEqual({ issued: 0, served: 0, noShows: 0, transfers: 0 });
  });

  it('[FR1][FR2][FR3] the four reductions of the day, and a case of two visits on two days linked by its case number', async () => {
    const built = await build();
    const driver = await driverFor(built);
    await buildReportDay(driver);
    const { app, clock } = built;
    const { admin } = driver;
    const reductions = (await app.inject({ method: 'GET', url: '/api/reports/four-reductions?hallId=demo&from=2026-11-25&to=2026-11-25', headers: bearer(admin) })).json<FourReductionsReport>();
    expect(reductions.rows.map(({ label: _label, ...row }) => row)).toEqual(REPORT_DAY_REDUCTIONS);

    // 营业执照变更登记: before 5 materials, 3 steps, 10 days, 3 trips. Wednesday a first visit, Thursday the second; one case number.
    await driver.call('PATCH', '/api/halls/demo/services/items/demo-business-change', admin, { before: { materials: 5, steps: 3, days: 10, trips: 3 } });
    const visit = async (caseNumber: string, c1 = driver.tokens.clerks[0]) => {
      const { ticket } = await driver.call<{ ticket: { id: string } }>('POST', '/api/halls/demo/tickets', c1, { categoryId: 'demo-A', itemIds: ['demo-business-change'] });
      await driver.call('POST', '/api/halls/demo/windows/demo-w2/call-next', c1);
      await driver.call('PUT', `/api/halls/demo/tickets/${ticket.id}/case-number`, c1, { caseNumber });
      await driver.call('POST', `/api/halls/demo/tickets/${ticket.id}/complete`, c1);
    };
    await visit('BG-2026-0001');
    clock.set('2026-11-26T02:00:00.000Z'); // Thursday 10:00
    const thursday = await login(app, 'c1', 'password-123');
    await driver.call('POST', '/api/halls/demo/windows/demo-w2/open', thursday);
    await visit('BG-2026-0001', thursday);
    const admin2 = await login(app, 'admin', ADMIN_PASSWORD);
    const range = (await app.inject({ method: 'GET', url: '/api/reports/four-reductions?hallId=demo&from=2026-11-25&to=2026-11-26', headers: bearer(admin2) })).json<FourReductionsReport>();
    const change = range.rows.find((row) => row.id === 'demo-business-change')!;
    expect(change).toMatchObject({ cases: 1, now: { materials: 3, steps: 1, days: 2, trips: 2 }, reduction: { materials: 0.4, steps: 0.667, days: 0.8, trips: 0.333 } });
    // The total weighs the two subjects with before figures by their cases.
    expect(range.rows.at(-1)).toMatchObject({ kind: 'total', cases: 2, now: { materials: 5, steps: 1, days: 1.5, trips: 1.5 }, before: { materials: 15, steps: 3.5, days: 13, trips: 4.5 } });
    // Thursday alone: the case completed then, its first visit still counted.
    const thursdayOnly = (await app.inject({ method: 'GET', url: '/api/reports/four-reductions?hallId=demo&from=2026-11-26&to=2026-11-26', headers: bearer(admin2) })).json<FourReductionsReport>();
    expect(thursdayOnly.rows.map((r) => [r.id, r.cases])).toEqual([['demo-business-change', 1], ['total', 1]]);
  });

  it('[RP6] a range is checked, a hall supervisor reads only their hall, and the city report adds the halls up', async () => {
    const { app } = await build();
    const supervisor = await staffToken(app, 'supervisor');
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const backwards = await report(app, supervisor, '?hallId=demo&from=2026-11-25&to=2026-11-24');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ message: string }>().message).toContain('querystring/to');
    const tooLong = await report(app, supervisor, '?hallId=demo&from=2025-01-01&to=2026-11-24');
    expect(tooLong.json<{ message: string }>().message).toContain('querystring/to');
    expect((await report(app, supervisor, '?hallId=demo&from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
    expect((await report(app, supervisor, '?hallId=demo&from=2026-11-25')).json<{ message: string }>().message).toContain('to');
    expect((await report(app, supervisor, '?from=2026-11-25&to=2026-11-25')).statusCode).toBe(403);
    await app.inject({ method: 'POST', url: '/api/halls', headers: bearer(admin), payload: EAST_HALL });
    expect((await report(app, supervisor, '?hallId=east&from=2026-11-25&to=2026-11-25')).statusCode).toBe(403);
    expect((await report(app, await staffToken(app, 'clerk'), '?hallId=demo&from=2026-11-25&to=2026-11-25')).statusCode).toBe(403);
    const city = (await report(app, admin, '?from=2026-11-25&to=2026-11-25')).json<HallReport>();
    expect(city.halls.map((h) => h.id).sort()).toEqual(['demo', 'east']);
    expect((await report(app, admin, '?hallId=nowhere&from=2026-11-25&to=2026-11-25')).statusCode).toBe(404);
  });
});

describe('好差评 of a routed 一件事', () => {
  it('[F6] each window that served a routed bundle is rated on its own, once; other tickets once, at their window', async () => {
    const built = await build();
    const driver = await driverFor(built);
    const { tickets, phone } = await buildReportDay(driver);
    const rate = (ticket: string, body: object) => built.app.inject({ method: 'POST', url: `/api/public/tickets/${phone[tickets[ticket]!.id]}/rating`, payload: body });
    // F001 was rated 4 for its last window (4); window 7 served its first part.
    expect((await rate('F001', { level: 4 })).json<{ code: string }>().code).toBe('ALREADY_RATED');
    expect((await rate('F001', { level: 5, windowId: 'demo-w7' })).statusCode).toBe(200);
    expect((await rate('F001', { level: 5, windowId: 'demo-w7' })).statusCode).toBe(409);
    const elsewhere = await rate('F001', { level: 5, windowId: 'demo-w1' });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json<{ message: string }>().message).toContain('body/windowId');
    expect((await rate('A001', { level: 5, windowId: 'demo-w1' })).statusCode).toBe(400);
    const day = (await built.app.inject({ method: 'GET', url: '/api/reports?hallId=demo&from=2026-11-25&to=2026-11-25', headers: bearer(driver.supervisor) })).json<HallReport>();
    expect(day.satisfaction.byWindow.find((r) => r.label === '7号窗口')).toMatchObject({ ratings: 1, average: 5 });
    expect(day.satisfaction.byWindow.find((r) => r.label === '4号窗口')).toMatchObject({ ratings: 1, average: 4 });
    expect(day.satisfaction.byClerk.map((r) => [r.label, r.ratings])).toContainEqual(['clerk c3', 1]);
    expect(day.satisfaction.byBundle.find((r) => r.label === '一件事 · 新生儿出生一件事')).toMatchObject({ ratings: 2, average: 4.5 });
  });
});
