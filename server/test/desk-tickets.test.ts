import { byPolicyOrder, type TicketView } from '@hallflow/shared';
import type { TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tickets } from '../src/db/schema/index.ts';
import { ticketView } from '../src/modules/hall/views.ts';
import { aheadInOwnQueue, aheadOfWalkIn, EXACT_PLACE_LIMIT, placeInQueue } from '../src/modules/screens/ticket-status.repository.ts';
import { issueTicketTx } from '../src/modules/tickets/issue.service.ts';
import { bearer, build, seeded, staffToken, tableCounts } from './helper.ts';

/** The information desk (导办台): tickets issued by hand to visitors already inside. */
describe('the information desk', () => {
  async function desk() {
    const built = await build();
    const clerk = await staffToken(built.app, 'clerk');
    const supervisor = await staffToken(built.app, 'supervisor');
    const send = async (token: string, method: 'POST' | 'PUT', url: string, payload?: object) => {
      const response = await built.app.inject({ method, url: `/api/halls/demo${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
      return { status: response.statusCode, body: response.json<TicketResponse & { code?: string; message?: string; params?: Record<string, string> }>() };
    };
    return { ...built, clerk, issue: (payload: object) => send(clerk, 'POST', '/tickets', payload), asSupervisor: (method: 'PUT', url: string, payload: object) => send(supervisor, method, url, payload) };
  }

  it('[DK2] a priority ticket records its reason; without a reason, or a reason without priority, it is refused and nothing is written', async () => {
    const { app, issue } = await desk();
    const issued = await issue({ categoryId: 'demo-A', priority: true, priorityReason: 'age65' });
    expect(issued.status).toBe(201);
    expect(issued.body.ticket).toMatchObject({ priority: true, priorityReason: 'age65' });

    const before = tableCounts(app);
    const missing = await issue({ categoryId: 'demo-A', priority: true });
    expect(missing).toMatchObject({ status: 400, body: { code: 'PRIORITY_REASON_REQUIRED', params: { field: 'body/priorityReason' } } });
    const stray = await issue({ categoryId: 'demo-A', priorityReason: 'military' });
    expect(stray).toMatchObject({ status: 400, body: { code: 'PRIORITY_REASON_WITHOUT_PRIORITY' } });
    const unknown = await issue({ categoryId: 'demo-A', priority: true, priorityReason: 'vip' });
    expect(unknown.status).toBe(400);
    expect(tableCounts(app)).toEqual(before);

    const normal = await issue({ categoryId: 'demo-A' });
    expect(normal.body.ticket.priority).toBe(false);
    expect(normal.body.ticket).not.toHaveProperty('priorityReason');
  });

  it('[DK3] the desk offers only the reasons the hall chose; a hall may offer none', async () => {
    const { issue, asSupervisor } = await desk();
    const saved = await asSupervisor('PUT', '/calling-policy', { normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 30, priorityReasons: ['age65', 'pregnancy'] });
    expect(saved.status).toBe(200);
    expect((await issue({ categoryId: 'demo-A', priority: true, priorityReason: 'pregnancy' })).status).toBe(201);
    expect((await issue({ categoryId: 'demo-A', priority: true, priorityReason: 'military' })).body.code).toBe('PRIORITY_REASON_NOT_OFFERED');
    await asSupervisor('PUT', '/calling-policy', { normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 30, priorityReasons: [] });
    expect((await issue({ categoryId: 'demo-A', priority: true, priorityReason: 'age65' })).body.code).toBe('PRIORITY_REASON_NOT_OFFERED');
  });

  it('[DK4] the answer gives the people ahead and the estimated wait, as the phone counts them; a priority ticket goes ahead of normal ones', async () => {
    const { app, clerk, issue } = await desk();
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/open', headers: bearer(clerk) });
    const first = await issue({ categoryId: 'demo-A' });
    expect(first.body).toMatchObject({ ahead: 0 });
    expect(first.body.estimatedWaitMinutes).toBeGreaterThan(0);
    const second = await issue({ categoryId: 'demo-A' });
    expect(second.body.ahead).toBe(1);
    const phone = (await app.inject({ method: 'GET', url: `/api/public/tickets/${second.body.phoneToken}` })).json<{ ahead: number; estimatedWaitMinutes: number }>();
    expect({ ahead: phone.ahead, estimatedWaitMinutes: phone.estimatedWaitMinutes }).toEqual({ ahead: second.body.ahead, estimatedWaitMinutes: second.body.estimatedWaitMinutes });
    const elder = await issue({ categoryId: 'demo-A', priority: true, priorityReason: 'age65' });
    expect(elder.body.ahead).toBe(0);
  });

  it('[DK5][K2][K3] a bundle issued at the desk queues as a booked one: one window at its comprehensive queue, routed at its first item\'s', async () => {
    const { issue } = await desk();
    const oneWindow = await issue({ bundleId: 'demo-open-restaurant', priority: true, priorityReason: 'disability' });
    expect(oneWindow.body.ticket).toMatchObject({ categoryId: 'demo-G', number: 'G001', priority: true, priorityReason: 'disability' });
    const routed = await issue({ bundleId: 'demo-newborn' });
    expect(routed.body.ticket).toMatchObject({ categoryId: 'demo-F', number: 'F001' });
  });
});

describe('the people ahead in a long queue', () => {
  it('[DK4][Q2][Q4] past EXACT_PLACE_LIMIT waiting, the count is the ticket\'s own queue in the calling order: priority first, then slots that have come, walk-ins, later slots, then time queued', async () => {
    const { app, clock } = await build();
    const random = seeded(7);
    const slots = [null, null, '2026-11-25T01:30:00.000Z', '2026-11-25T02:30:00.000Z', '2026-11-25T03:30:00.000Z'];
    const issued: TicketView[] = [];
    for (let i = 0; i < EXACT_PLACE_LIMIT + 60; i++) {
      if (i % 7 === 0) clock.advance(1);
      const input = { categoryId: random() < 0.8 ? 'demo-A' : 'demo-B', priority: random() < 0.1, partyId: null, partySize: 1, slotStart: slots[Math.floor(random() * slots.length)] };
      issued.push(app.commands.run('demo', (ctx) => issueTicketTx(ctx, 'demo', input)));
    }
    const now = clock.now();
    const order = byPolicyOrder(now.toISOString());
    for (const target of issued.filter((_, i) => i % 13 === 0)) {
      const expected = issued.filter((t) => t.id !== target.id && t.categoryId === target.categoryId && (t.priority === target.priority ? order(t, target) < 0 : t.priority)).length;
      expect(placeInQueue(app.store.db, target.id, now).ahead, target.number).toBe(expected);
    }
  });
});

describe('the people ahead of a walk-in, from short index ranges', () => {
  it('[DK4][R10] for every walk-in of a long queue, the count from the kept queue count and short ranges equals the calling order\'s, with tickets queued in the same instant and tickets moved in from another queue', async () => {
    const { app, clock } = await build();
    const random = seeded(23);
    const slots = [null, null, null, '2026-11-25T01:30:00.000Z', '2026-11-25T02:30:00.000Z'];
    const issued: TicketView[] = [];
    for (let i = 0; i < EXACT_PLACE_LIMIT + 40; i++) {
      if (i % 9 === 0) clock.advance(1);
      const input = { categoryId: random() < 0.85 ? 'demo-A' : 'demo-B', priority: random() < 0.15, partyId: null, partySize: 1, slotStart: slots[Math.floor(random() * slots.length)] };
      issued.push(app.commands.run('demo', (ctx) => issueTicketTx(ctx, 'demo', input)));
    }
    // Tickets of queue B moved into A keep their queue time and their B number (Q2, T6).
    app.store.sqlite.prepare("update tickets set category_id = 'demo-A' where category_id = 'demo-B' and rowid % 2 = 0").run();
    const now = clock.now();
    const order = byPolicyOrder(now.toISOString());
    const rows = app.store.db.select().from(tickets).where(eq(tickets.state, 'waiting')).all();
    const views = rows.map(ticketView);
    let checked = 0;
    for (const row of rows.filter((r) => r.slotStart === null)) {
      const target = ticketView(row);
      const expected = views.filter((t) => t.id !== target.id && t.categoryId === target.categoryId && (t.priority === target.priority ? order(t, target) < 0 : t.priority)).length;
      expect(aheadOfWalkIn(app.store.db, row, now), row.number).toBe(expected);
      expect(aheadInOwnQueue(app.store.db, row, now), row.number).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

