import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login } from './helper.ts';

/** How many entries an index of the tickets holds, read from its pages (dbstat), not through a query the planner could answer otherwise. */
function entries(sqlite: Database.Database, index: string): number {
  return (sqlite.prepare("select coalesce(sum(ncell), 0) as n from dbstat where name = ? and pagetype = 'leaf'").get(index) as { n: number }).n;
}

/** The SQL text of every statement compiled from now on (the statement cache compiles each once). */
function compiledFrom(sqlite: Database.Database): Set<string> {
  const seen = new Set<string>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    seen.add(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  return seen;
}

function plan(sqlite: Database.Database, source: string): string {
  const params = Array<null>((source.match(/\?/g) ?? []).length).fill(null);
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
}

describe('the indexes of the tickets hold only what their queries ask for', () => {
  it('[R10][E5] a walk-in ticket of no party enters none of the finished, slot, party and calls indexes until it is called or finished; E1 and DK4 still read from them', async () => {
    const { app } = await build();
    const sqlite = app.store.sqlite;
    const compiled = compiledFrom(sqlite);
    const headers = bearer(await login(app, 'admin', ADMIN_PASSWORD));
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers, payload: { categoryId: 'demo-A' } })).statusCode).toBe(201);
    expect(entries(sqlite, 'tickets_hall_category_state_finished')).toBe(0);
    expect(entries(sqlite, 'tickets_slot_order')).toBe(0);
    expect(entries(sqlite, 'tickets_party')).toBe(0);
    expect(entries(sqlite, 'tickets_calls')).toBe(0);
    expect(entries(sqlite, 'tickets_call_order_place')).toBe(3);

    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/open', headers });
    const called = (await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/call-next', headers })).json<{ ticket: { id: string } }>();
    expect((await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${called.ticket.id}/complete`, headers })).statusCode).toBe(200);
    expect(entries(sqlite, 'tickets_hall_category_state_finished')).toBe(1);
    expect(entries(sqlite, 'tickets_calls')).toBe(1);
    // A fourth issue, now with a finished service to learn the handling time from (E1).
    await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers, payload: { categoryId: 'demo-A' } });

    const handlingTimes = [...compiled].filter((source) => /"finished_at" is not null/i.test(source) && /^select/i.test(source));
    const notYetDue = [...compiled].filter((source) => /count\(\*\)/i.test(source) && /"slot_start" > \?/i.test(source));
    expect(handlingTimes.length).toBeGreaterThan(0);
    expect(notYetDue.length).toBeGreaterThan(0);
    for (const source of handlingTimes) expect(plan(sqlite, source)).toContain('tickets_hall_category_state_finished');
    for (const source of notYetDue) expect(plan(sqlite, source)).toContain('tickets_slot_order');
    expect(plan(sqlite, 'select id from tickets where party_id = ?')).toContain('tickets_party');
  });
});
