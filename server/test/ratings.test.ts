import type { TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login, staffToken, tableCounts } from './helper.ts';

async function servedTicket() {
  const test = await build();
  const { app } = test;
  const clerk = await staffToken(app, 'clerk');
  const issued = (await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-A' } })).json<TicketResponse>();
  await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/open', headers: bearer(clerk) });
  await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/call-next', headers: bearer(clerk) });
  const rate = (payload: object) => app.inject({ method: 'POST', url: `/api/public/tickets/${issued.phoneToken}/rating`, payload });
  return { ...test, clerk, issued, rate };
}

describe('好差评 satisfaction ratings', () => {
  it('[F1] only a finished service can be rated', async () => {
    const { rate } = await servedTicket();
    const early = await rate({ level: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ code: string }>().code).toBe('NOT_DONE');
  });

  it('[F2] one rating per ticket, tied to window, clerk and category; the ticket shows it', async () => {
    const { app, clerk, issued, rate } = await servedTicket();
    await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${issued.ticket.id}/complete`, headers: bearer(clerk) });
    const first = await rate({ level: 5 });
    expect(first.statusCode).toBe(200);
    expect(first.json<{ ticket: { rating: number } }>().ticket.rating).toBe(5);
    const row = app.store.sqlite.prepare('select window_id as w, clerk_staff_id as c, category_id as k, source from ratings').get() as Record<string, string>;
    const servingClerk = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(clerk) })).json<{ id: string }>().id;
    expect(row).toEqual({ w: 'demo-w2', c: servingClerk, k: 'demo-A', source: 'phone' });
    const before = tableCounts(app);
    expect((await rate({ level: 1, reasons: ['slow'] })).json<{ code: string }>().code).toBe('ALREADY_RATED');
    expect(tableCounts(app)).toEqual(before);
  });

  it('[F3] the two lowest levels need a reason from the list', async () => {
    const { app, clerk, issued, rate } = await servedTicket();
    await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${issued.ticket.id}/complete`, headers: bearer(clerk) });
    expect((await rate({ level: 2 })).json<{ code: string }>().code).toBe('REASONS_REQUIRED');
    const unknown = await rate({ level: 2, reasons: ['weather'] });
    expect(unknown.statusCode).toBe(400);
    expect((await rate({ level: 6 })).statusCode).toBe(400);
    expect((await rate({ level: 2, reasons: ['slow', 'unclear'], comment: '等了很久' })).statusCode).toBe(200);
  });

  it('[F4] a rating is accepted within 24 hours of the service', async () => {
    const { app, clock, clerk, issued, rate } = await servedTicket();
    await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${issued.ticket.id}/complete`, headers: bearer(clerk) });
    clock.advance(24 * 60 + 1);
    expect((await rate({ level: 4 })).json<{ code: string }>().code).toBe('TOO_LATE');
  });

  it('[F2] the rating pad at the window rates what that window just finished, and feeds the window and daily figures', async () => {
    const { app, clock, clerk, issued } = await servedTicket();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const pad = (await app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: '2号窗口评价器', kind: 'rating', windowId: 'demo-w2' } })).json<{ token: string }>();
    clock.advance(6);
    await app.inject({ method: 'POST', url: `/api/halls/demo/tickets/${issued.ticket.id}/complete`, headers: bearer(clerk) });
    // AC4: the pad of window 2 may rate only at window 2.
    const elsewhere = await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/rating', headers: bearer(pad.token), payload: { ticketId: issued.ticket.id, level: 5 } });
    expect(elsewhere.statusCode).toBe(403);
    const rated = await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w2/rating', headers: bearer(pad.token), payload: { ticketId: issued.ticket.id, level: 4 } });
    expect(rated.statusCode).toBe(200);
    const stats = (await app.inject({ method: 'GET', url: '/api/halls/demo/windows/demo-w2/stats', headers: bearer(clerk) })).json();
    expect(stats).toEqual({ day: '2026-11-25', served: 1, averageHandlingMinutes: 6, averageRating: 4, rated: 1 });
    const report = (await app.inject({ method: 'GET', url: '/api/halls/demo/reports/daily', headers: bearer(admin) })).json<{
      categories: { prefix: string; served: number; averageWaitMinutes: number }[];
      ratings: { level: number; count: number }[];
    }>();
    expect(report.categories.find((c) => c.prefix === 'A')).toMatchObject({ served: 1, averageWaitMinutes: 0 });
    expect(report.ratings).toEqual([
      { level: 5, count: 0 },
      { level: 4, count: 1 },
      { level: 3, count: 0 },
      { level: 2, count: 0 },
      { level: 1, count: 0 },
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/reports/daily', headers: bearer(clerk) })).statusCode).toBe(403);
  });
});
