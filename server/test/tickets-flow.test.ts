import type { CallResponse, TicketMoveResponse, TicketResponse, WindowResponse } from '@hallflow/shared/api';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { bearer, build, staffToken, tableCounts } from './helper.ts';

async function desk(app: FastifyInstance) {
  const clerk = await staffToken(app, 'clerk');
  const post = async <T>(url: string, payload?: object) => {
    const response = await app.inject({ method: 'POST', url: `/api/halls/demo${url}`, headers: bearer(clerk), ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.json<T & { message?: string; code?: string }>() };
  };
  const issue = async (categoryId = 'demo-A', priority = false) =>
    (await post<TicketResponse>('/tickets', priority ? { categoryId, priority, priorityReason: 'disability' } : { categoryId })).body.ticket;
  await post('/windows/demo-w2/open');
  await post('/windows/demo-w1/open');
  return { post, issue };
}

describe('a ticket at the window', () => {
  it('[T1] call → start → complete, with times recorded', async () => {
    const { app, clock } = await build();
    const { post, issue } = await desk(app);
    const ticket = await issue();
    await post('/windows/demo-w2/call-next');
    clock.advance(1);
    const started = await post<TicketMoveResponse>(`/tickets/${ticket.id}/start`);
    expect(started.body.ticket.state).toBe('serving');
    clock.advance(7);
    const done = await post<TicketMoveResponse>(`/tickets/${ticket.id}/complete`);
    expect(done.body.ticket).toMatchObject({ state: 'done', serviceStartedAt: '2026-11-25T02:01:00.000Z', finishedAt: '2026-11-25T02:08:00.000Z' });
  });

  it('[T4] a called ticket can be recalled three times, then the clerk must mark a no-show', async () => {
    const { app } = await build();
    const { post, issue } = await desk(app);
    const ticket = await issue();
    await post('/windows/demo-w2/call-next');
    for (let i = 2; i <= 4; i++) {
      const recalled = await post<TicketMoveResponse>(`/tickets/${ticket.id}/recall`);
      expect(recalled.body.ticket.callCount).toBe(i);
    }
    const tooMany = await post(`/tickets/${ticket.id}/recall`);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.code).toBe('RECALL_LIMIT');
  });

  it('[T5][Q2] a no-show frees the window; the visitor returning within 30 minutes gets the original place back', async () => {
    const { app, clock } = await build();
    const { post, issue } = await desk(app);
    const first = await issue();
    clock.advance(1);
    const second = await issue();
    await post('/windows/demo-w2/call-next');
    const absent = await post<TicketMoveResponse>(`/tickets/${first.id}/no-show`);
    expect(absent.body.ticket.state).toBe('no_show');
    expect(absent.body.window?.currentTicketId).toBeNull();
    clock.advance(20);
    const back = await post<TicketMoveResponse>(`/tickets/${first.id}/requeue`);
    expect(back.body.ticket).toMatchObject({ state: 'waiting', queuedAt: first.queuedAt, callCount: 0 });
    const next = await post<CallResponse>('/windows/demo-w2/call-next');
    expect(next.body.ticket?.id).toBe(first.id); // ahead of the later ticket
    expect(second.queuedAt > first.queuedAt).toBe(true);
  });

  it('[T5] a return after the requeue time is refused, and nothing changes', async () => {
    const { app, clock } = await build();
    const { post, issue } = await desk(app);
    const ticket = await issue();
    await post('/windows/demo-w2/call-next');
    await post(`/tickets/${ticket.id}/no-show`);
    clock.advance(31);
    const before = tableCounts(app);
    const late = await post(`/tickets/${ticket.id}/requeue`);
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('30 minutes');
    expect(tableCounts(app)).toEqual(before);
  });

  it('[T6][Q2] a transfer to another category keeps the original queue time and frees the window', async () => {
    const { app, clock } = await build();
    const { post, issue } = await desk(app);
    const ticket = await issue('demo-A');
    clock.advance(5);
    const newer = await issue('demo-B');
    await post('/windows/demo-w2/call-next');
    const moved = await post<TicketMoveResponse>(`/tickets/${ticket.id}/transfer`, { categoryId: 'demo-B' });
    expect(moved.body.ticket).toMatchObject({ state: 'waiting', categoryId: 'demo-B', queuedAt: ticket.queuedAt, windowId: null });
    expect(moved.body.window?.currentTicketId).toBeNull();
    // Window 8 serves B first: the transferred ticket goes before the newer B ticket.
    await post('/windows/demo-w8/open');
    const next = await post<CallResponse>('/windows/demo-w8/call-next');
    expect(next.body.ticket?.id).toBe(ticket.id);
    expect(newer.number).toBe('B001');
  });

  it('[T6][Q6] a transfer to one window: only that window calls it', async () => {
    const { app } = await build();
    const { post, issue } = await desk(app);
    const ticket = await issue('demo-A');
    await post('/windows/demo-w2/call-next');
    const moved = await post<TicketMoveResponse>(`/tickets/${ticket.id}/transfer`, { windowId: 'demo-w1' });
    expect(moved.body.ticket.targetWindowId).toBe('demo-w1');
    const elsewhere = await post<CallResponse>('/windows/demo-w2/call-next');
    expect(elsewhere.body.ticket).toBeNull();
    const there = await post<CallResponse>('/windows/demo-w1/call-next');
    expect(there.body.ticket?.id).toBe(ticket.id);
    expect(there.body.ticket?.targetWindowId).toBeNull();
  });

  it('[T6] a transfer needs a target, and to an unknown category is a 400', async () => {
    const { app } = await build();
    const { post, issue } = await desk(app);
    const ticket = await issue('demo-A');
    await post('/windows/demo-w2/call-next');
    expect((await post(`/tickets/${ticket.id}/transfer`, {})).status).toBe(400);
    const unknown = await post(`/tickets/${ticket.id}/transfer`, { categoryId: 'demo-Z' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('demo-Z');
  });

  it('[T7] a held case frees the window for others and resumes at the same window once it is free', async () => {
    const { app } = await build();
    const { post, issue } = await desk(app);
    const held = await issue();
    const other = await issue();
    await post('/windows/demo-w2/call-next');
    await post(`/tickets/${held.id}/start`);
    const onHold = await post<TicketMoveResponse>(`/tickets/${held.id}/hold`);
    expect(onHold.body.ticket.state).toBe('held');
    const next = await post<CallResponse>('/windows/demo-w2/call-next');
    expect(next.body.ticket?.id).toBe(other.id);
    expect((await post(`/tickets/${held.id}/resume`)).status).toBe(409); // window busy with the other ticket
    await post(`/tickets/${other.id}/complete`);
    const resumed = await post<TicketMoveResponse>(`/tickets/${held.id}/resume`);
    expect(resumed.body.ticket.state).toBe('serving');
    expect(resumed.body.window?.currentTicketId).toBe(held.id);
  });

  it('[W2] a paused window cannot call and shows paused; it pauses only when free', async () => {
    const { app } = await build();
    const { post, issue } = await desk(app);
    const ticket = await issue();
    await post('/windows/demo-w2/call-next');
    expect((await post('/windows/demo-w2/pause')).status).toBe(409);
    await post(`/tickets/${ticket.id}/complete`);
    const paused = await post<WindowResponse>('/windows/demo-w2/pause');
    expect(paused.body.window.state).toBe('paused');
    await issue();
    const refused = await post('/windows/demo-w2/call-next');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('WINDOW_NOT_OPEN');
    expect((await post<WindowResponse>('/windows/demo-w2/resume')).body.window.state).toBe('open');
  });

  it('[Q7] calling a specific ticket, and refusing one that is not waiting', async () => {
    const { app } = await build();
    const { post, issue } = await desk(app);
    await issue();
    const chosen = await issue();
    const called = await post<CallResponse>('/windows/demo-w2/call', { ticketId: chosen.id });
    expect(called.body.ticket?.id).toBe(chosen.id);
    await post(`/tickets/${chosen.id}/complete`);
    const again = await post('/windows/demo-w2/call', { ticketId: chosen.id });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('done');
  });

  it('[Q3] priority tickets at a window follow the ratio: P N N P', async () => {
    const { app } = await build();
    const { post, issue } = await desk(app);
    for (let i = 0; i < 3; i++) await issue('demo-A');
    for (let i = 0; i < 2; i++) await issue('demo-A', true);
    const kinds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const call = await post<CallResponse>('/windows/demo-w2/call-next');
      kinds.push(call.body.ticket!.priority ? 'P' : 'N');
      await post(`/tickets/${call.body.ticket!.id}/complete`);
    }
    expect(kinds.join('')).toBe('PNNP');
  });
});
