import type { TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { bearer, build, staffToken, tableCounts } from './helper.ts';

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
