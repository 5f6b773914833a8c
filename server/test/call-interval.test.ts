import type { QueueView } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { eventsSince } from '../src/core/event-log.ts';
import { ADMIN_PASSWORD, bearer, build, login } from './helper.ts';

describe('a queue served by an overflow window (E5)', () => {
  it('[E5][E3] its calls while someone waited give its call interval, carried in the queue figures, and the desk and the phone estimate from it where E3 counts no window', async () => {
    const { app, clock } = await build();
    const headers = bearer(await login(app, 'admin', ADMIN_PASSWORD));
    const issue = async (categoryId: string) => (await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers, payload: { categoryId } })).json<{ ticket: { id: string }; phoneToken: string; estimatedWaitMinutes: number | null }>();
    // Window 2 lists A first and B as overflow; no other window serving B is open.
    for (let i = 0; i < 4; i++) await issue('demo-B');
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers });
    // B is called every 2 minutes while it has people (A is empty, so the window helps), each service 2 minutes.
    for (let i = 0; i < 4; i++) {
      const called = (await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers })).json<{ ticket: { id: string; categoryId: string } }>();
      expect(called.ticket.categoryId).toBe('demo-B');
      if (i === 3) break;
      clock.advance(2);
      await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${called.ticket.id}/complete`, headers });
    }
    // Someone now waits in A, which the window calls first: at this instant E3 counts no window for B.
    await issue('demo-A');
    const newcomer = await issue('demo-B');

    const issued = eventsSince(app.store.db, 'demo', 0, 1_000).filter((envelope) => envelope.event.type === 'ticket.issued').at(-1)!;
    const figures = (issued.event as { queues: QueueView[] }).queues.find((queue) => queue.categoryId === 'demo-B')!;
    expect(figures.callIntervalMinutes).toBeCloseTo(2);
    // E1 over three 2-minute services from the 10-minute prior: 6.1 minutes; 6.1 ÷ 2 = 3 windows' worth, at most the 1 open window
    // listing B: (0 + 1) × 6.1 ÷ 1 ≈ 6 minutes. Without E5 the desk said nothing (no window counted).
    expect(newcomer.estimatedWaitMinutes).toBe(6);
    const phone = (await app.inject({ method: 'GET', url: `/api/public/tickets/${newcomer.phoneToken}` })).json<{ estimatedWaitMinutes: number | null }>();
    expect(phone.estimatedWaitMinutes).toBe(6);
  });

  it('[E5] a queue seen called fewer than three times with someone waiting carries no call interval', async () => {
    const { app } = await build();
    const headers = bearer(await login(app, 'admin', ADMIN_PASSWORD));
    await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers, payload: { categoryId: 'demo-A' } });
    const issued = eventsSince(app.store.db, 'demo', 0, 1_000).filter((envelope) => envelope.event.type === 'ticket.issued').at(-1)!;
    const figures = (issued.event as { queues: QueueView[] }).queues.find((queue) => queue.categoryId === 'demo-A')!;
    expect(figures).toEqual({ categoryId: 'demo-A', waiting: 1, handlingMinutes: 10 });
  });
});
