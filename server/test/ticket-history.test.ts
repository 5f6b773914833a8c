import { applyHallEvent, STAFF_RECENT_FINISHED_TICKETS, type HallSnapshot } from '@hallflow/shared';
import type { FinishedTicketsPage, TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { eventsSince } from '../src/core/event-log.ts';
import { bearer, build, staffToken } from './helper.ts';

/** A hall that has served `count` tickets at window 4 (and 5 at window 3), one minute apart. */
async function servedDay(count: number) {
  const built = await build();
  const { app, clock } = built;
  const clerk = await staffToken(app, 'clerk');
  const clerk3 = await staffToken(app, 'clerk', 'clerk-3');
  const post = (url: string, token = clerk, payload?: object) =>
    app.inject({ method: 'POST', url: `/api/halls/demo${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const start = (await app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(clerk) })).json<HallSnapshot>();
  await post('/windows/demo-w4/open');
  await post('/windows/demo-w3/open', clerk3);
  const serve = async (window: string, token: string) => {
    const issued = (await post('/tickets', token, { categoryId: 'demo-C' })).json<TicketResponse>();
    await post(`/windows/${window}/call-next`, token);
    await post(`/tickets/${issued.ticket.id}/complete`, token);
    clock.advance(1);
  };
  for (let n = 0; n < count; n++) await serve('demo-w4', clerk);
  for (let n = 0; n < 5; n++) await serve('demo-w3', clerk3);
  // One visitor still waiting: live work is always in the snapshot.
  await post('/tickets', clerk, { categoryId: 'demo-C' });
  const page = async (query: string, token = clerk) => app.inject({ method: 'GET', url: `/api/halls/demo/tickets/finished${query}`, headers: bearer(token) });
  return { ...built, clerk, start, page };
}

describe('R9: staff snapshots carry recent history; older history is paged', () => {
  it('[R9][R3] late in a day the staff snapshot holds the live tickets and the latest finished ones, and replaying the log gives it exactly', async () => {
    const { app, clerk, start } = await servedDay(STAFF_RECENT_FINISHED_TICKETS + 20);
    const snapshot = (await app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(clerk) })).json<HallSnapshot>();
    const finished = snapshot.tickets.filter((t) => t.state === 'done');
    expect(finished).toHaveLength(STAFF_RECENT_FINISHED_TICKETS);
    expect(snapshot.tickets.filter((t) => t.state === 'waiting')).toHaveLength(1);
    // The oldest finished tickets are the ones left out.
    const allDone = app.store.sqlite.prepare("select id from tickets where state = 'done' order by finished_at desc, id desc").all() as { id: string }[];
    expect(new Set(finished.map((t) => t.id))).toEqual(new Set(allDone.slice(0, STAFF_RECENT_FINISHED_TICKETS).map((row) => row.id)));
    const replayed = eventsSince(app.store.db, 'demo', start.seq, 10_000).reduce(applyHallEvent, start);
    expect(replayed).toEqual(snapshot);
  });

  it('[R9] listFinishedTickets pages the rest, latest first, never repeating or skipping, for the hall or one window', async () => {
    const { app, page } = await servedDay(60);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await page(`?limit=25${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`);
      expect(answer.statusCode).toBe(200);
      const body: FinishedTicketsPage = answer.json();
      seen.push(...body.tickets.map((t) => t.id));
      cursor = body.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const expected = app.store.sqlite.prepare("select id from tickets where state = 'done' order by finished_at desc, id desc").all() as { id: string }[];
    expect(seen).toEqual(expected.map((row) => row.id));
    const window3 = (await page('?windowId=demo-w3')).json<FinishedTicketsPage>();
    expect(window3.tickets).toHaveLength(5);
    expect(window3.tickets.every((t) => t.windowId === 'demo-w3')).toBe(true);
    expect(window3.next).toBeNull();
    // A cursor that is not one is refused, naming the field.
    const bad = await page('?before=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ params: { field: string } }>().params.field).toBe('before');
  });
});
