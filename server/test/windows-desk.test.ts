import type { HallEvent } from '@hallflow/shared';
import type { CloseWindowResponse, DeviceTokenResponse, HallPolicies, TicketResponse, WindowsOverview } from '@hallflow/shared/api';
import { connectHall, type HallSocket } from '@hallflow/shared/realtime';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { eventsSince, headSeq } from '../src/core/event-log.ts';
import { ADMIN_PASSWORD, bearer, build, login, staffToken } from './helper.ts';

const sockets: HallSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A staff member's requests to the demo hall, answering status and body. */
function as(app: FastifyInstance, token: string) {
  return async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await app.inject({ method, url: `/api/halls/demo${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.json<T & { code?: string; message?: string }>() };
  };
}

const eventsAfter = (app: FastifyInstance, seq: number): HallEvent[] => eventsSince(app.store.db, 'demo', seq, 100).map((e) => e.event);

describe('closing a window', () => {
  it('[W3][Q2] the called ticket goes back to its queue with its queue time, the window shows closed with no clerk; a clerk closes only their own window', async () => {
    const { app, clock } = await build();
    const clerk = as(app, await staffToken(app, 'clerk', 'clerk-a'));
    const other = as(app, await staffToken(app, 'clerk', 'clerk-b'));
    const supervisor = as(app, await staffToken(app, 'supervisor'));
    const first = (await clerk<TicketResponse>('POST', '/tickets', { categoryId: 'demo-E' })).body.ticket;
    clock.advance(2);
    const second = (await clerk<TicketResponse>('POST', '/tickets', { categoryId: 'demo-E' })).body.ticket;
    await clerk('POST', '/windows/demo-w5/open');
    await clerk('POST', '/windows/demo-w5/call-next');

    expect((await other('POST', '/windows/demo-w5/close')).body.code).toBe('NOT_YOUR_WINDOW');
    const seq = headSeq(app.store.db, 'demo')!;
    clock.advance(3);
    const closed = await clerk<CloseWindowResponse>('POST', '/windows/demo-w5/close');
    expect(closed.status).toBe(200);
    expect(closed.body.window).toMatchObject({ state: 'closed', clerkName: null, currentTicketId: null });
    expect(closed.body.ticket).toMatchObject({ id: first.id, state: 'waiting', windowId: null, calledAt: null, callCount: 0, queuedAt: first.queuedAt });
    expect(eventsAfter(app, seq).map((e) => e.type)).toEqual(['window.updated', 'ticket.requeued']);
    expect((await clerk('POST', '/windows/demo-w5/close')).body.code).toBe('WINDOW_STATE');

    // Reopened, the window calls the returned ticket first: it kept its place.
    await other('POST', '/windows/demo-w5/open');
    expect((await other<{ ticket: { id: string } }>('POST', '/windows/demo-w5/call-next')).body.ticket.id).toBe(first.id);
    expect(second.id).not.toBe(first.id);

    // A supervisor closes a window its clerk left (the case being served goes back as well).
    await other('POST', `/tickets/${first.id}/start`);
    const abandoned = await supervisor<CloseWindowResponse>('POST', '/windows/demo-w5/close');
    expect(abandoned.body).toMatchObject({ window: { state: 'closed', clerkName: null }, ticket: { id: first.id, state: 'waiting', serviceStartedAt: null } });
  });
});

describe('the windows overview', () => {
  it('[W4] every window with its clerk, current ticket and since when, what it may call per category, and which paired screens are connected now', async () => {
    const test = await build();
    const { app, clock } = test;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const admin = as(app, await login(app, 'admin', ADMIN_PASSWORD));
    const supervisor = as(app, await staffToken(app, 'supervisor'));
    const clerk = as(app, await staffToken(app, 'clerk'));

    const pairedScreen = (await admin<DeviceTokenResponse>('POST', '/devices', { name: '3号窗口屏', kind: 'window', windowId: 'demo-w3' })).body;
    await admin<DeviceTokenResponse>('POST', '/devices', { name: '3号评价器', kind: 'rating', windowId: 'demo-w3' });
    expect((await admin('POST', '/devices', { name: '大厅屏', kind: 'lobby', windowId: 'demo-w3' })).body.message).toContain('body/windowId');
    expect((await admin('POST', '/devices', { name: '99', kind: 'window', windowId: 'demo-w99' })).body.code).toBe('UNKNOWN_WINDOW');
    const socket = connectHall({ url, credential: 'device', token: pairedScreen.token });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });

    for (const categoryId of ['demo-C', 'demo-C', 'demo-D', 'demo-A']) await clerk('POST', '/tickets', { categoryId });
    await clerk('POST', '/windows/demo-w3/open');
    const called = (await clerk<{ ticket: { id: string; number: string } }>('POST', '/windows/demo-w3/call-next')).body.ticket;
    clock.advance(4);
    await clerk('POST', `/tickets/${called.id}/start`);

    const overview = await supervisor<WindowsOverview>('GET', '/windows-overview');
    expect(overview.status).toBe(200);
    expect(overview.body.windows.map((w) => w.window.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const three = overview.body.windows.find((w) => w.window.number === 3)!;
    expect(three.window).toMatchObject({ state: 'open', clerkName: 'clerk clerk' });
    expect(three.current).toEqual({ ticket: expect.objectContaining({ number: called.number, state: 'serving' }), since: '2026-11-25T02:04:00.000Z' });
    expect(three.waiting.map((q) => `${q.prefix}${q.waiting}`)).toEqual(['C1', 'D1', 'A1']);
    // The demo's own screens of window 3 (A23), then the two paired here.
    expect(three.screens.map((s) => [s.name, s.kind, s.online])).toEqual([
      ['演示3号窗口屏', 'window', false],
      ['演示3号评价器', 'rating', false],
      ['3号窗口屏', 'window', true],
      ['3号评价器', 'rating', false],
    ]);
    expect(overview.body.windows.find((w) => w.window.number === 5)).toMatchObject({ window: { state: 'closed', clerkName: null }, current: null });
    expect(overview.body.windows.find((w) => w.window.number === 5)?.screens.map((s) => s.kind)).toEqual(['window', 'rating']);
    expect(overview.body.categories.find((c) => c.prefix === 'C')?.waiting).toBe(1);
    expect(overview.body.screens.map((s) => s.kind)).toEqual(['lobby', 'outdoor']); // the demo's own screens, not connected
    expect(overview.body.screens.every((s) => !s.online)).toBe(true);

    expect((await clerk('GET', '/windows-overview')).status).toBe(403);
  });
});

describe('the hall policies a supervisor edits', () => {
  it('[Q3][C5] the priority ratio and every capacity input are read and changed for an existing hall; screens get the new capacity at once', async () => {
    const { app } = await build();
    const supervisor = as(app, await staffToken(app, 'supervisor'));
    const clerk = as(app, await staffToken(app, 'clerk'));
    const policies = (await supervisor<HallPolicies>('GET', '/policies')).body;
    expect(policies.calling).toEqual({ normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 30 });
    expect(policies.capacity).toEqual({ floorAreaM2: 600, areaPerPersonM2: 10, maxOccupancy: null, staffOnFloor: 6, holdingCapacity: 30, batchSize: 10 });

    // One normal ticket per priority one: P N P N.
    const seq = headSeq(app.store.db, 'demo')!;
    expect((await supervisor('PUT', '/calling-policy', { normalPerPriority: 1, maxRecalls: 2, requeueMinutes: 15 })).status).toBe(200);
    expect(eventsAfter(app, seq)).toEqual([expect.objectContaining({ type: 'hall.configured', hall: expect.objectContaining({ calling: { normalPerPriority: 1, maxRecalls: 2, requeueMinutes: 15 } }) })]);
    expect((await supervisor('PUT', '/calling-policy', { normalPerPriority: 21, maxRecalls: 2, requeueMinutes: 15 })).body.message).toContain('body/normalPerPriority');
    expect((await clerk('PUT', '/calling-policy', { normalPerPriority: 1, maxRecalls: 2, requeueMinutes: 15 })).status).toBe(403);
    for (const priority of [false, false, true, true]) await clerk('POST', '/tickets', priority ? { categoryId: 'demo-B', priority, priorityReason: 'pregnancy' } : { categoryId: 'demo-B' });
    await clerk('POST', '/windows/demo-w8/open');
    const kinds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const call = (await clerk<{ ticket: { id: string; priority: boolean } }>('POST', '/windows/demo-w8/call-next')).body.ticket;
      kinds.push(call.priority ? 'P' : 'N');
      await clerk('POST', `/tickets/${call.id}/complete`);
    }
    expect(kinds.join(' ')).toBe('P N P N');

    // C1 from the new inputs: floor(400 ÷ 8) − 4 = 46; the occupancy event carries it.
    const before = headSeq(app.store.db, 'demo')!;
    const changed = await supervisor('PUT', '/crowd-config', { floorAreaM2: 400, areaPerPersonM2: 8, staffOnFloor: 4, holdingCapacity: 12, batchSize: 6, crowd: { autoMode: 'propose' } });
    expect(changed.status).toBe(200);
    expect(eventsAfter(app, before).map((e) => e.type)).toEqual(['hall.configured', 'occupancy.corrected']);
    expect(eventsAfter(app, before)[1]).toMatchObject({ occupancy: { capacity: 46 } });
    const after = (await supervisor<HallPolicies>('GET', '/policies')).body;
    expect(after.capacity).toEqual({ floorAreaM2: 400, areaPerPersonM2: 8, maxOccupancy: null, staffOnFloor: 4, holdingCapacity: 12, batchSize: 6 });
    expect(after.crowd.autoMode).toBe('propose');
    // An explicit maximum wins, and clearing it goes back to the area.
    await supervisor('PUT', '/crowd-config', { maxOccupancy: 30 });
    expect((await supervisor<{ hall: { capacity: number } }>('GET', '/configuration')).body.hall.capacity).toBe(26);
    await supervisor('PUT', '/crowd-config', { maxOccupancy: null });
    expect((await supervisor<{ hall: { capacity: number } }>('GET', '/configuration')).body.hall.capacity).toBe(46);
    // A maximum of 0 is a closed hall, not "no maximum" (a null and a 0 are told apart).
    await supervisor('PUT', '/crowd-config', { maxOccupancy: 0 });
    expect((await supervisor<HallPolicies>('GET', '/policies')).body.capacity.maxOccupancy).toBe(0);
  });
});

describe('the phone counts the people really ahead', () => {
  it('[Q9][L7] later tickets of the window\'s first category are ahead, as the window then calls them; the phone learns where a transfer sends it', async () => {
    const { app, clock } = await build();
    const clerk = as(app, await staffToken(app, 'clerk'));
    const status = async (token: string) =>
      (await app.inject({ method: 'GET', url: `/api/public/tickets/${token}` })).json<{ ahead: number | null; targetWindowNumber: number | null; category: { prefix: string } }>();
    // Window 4 serves C, then D. D001 came first; three C tickets after it.
    const mine = (await clerk<TicketResponse>('POST', '/tickets', { categoryId: 'demo-D' })).body;
    for (let i = 0; i < 3; i++) {
      clock.advance(1);
      await clerk('POST', '/tickets', { categoryId: 'demo-C' });
    }
    await clerk('POST', '/windows/demo-w4/open');
    expect((await status(mine.phoneToken)).ahead).toBe(3);
    // The window really calls the three C tickets first.
    const calls: string[] = [];
    for (let i = 0; i < 3; i++) {
      const call = (await clerk<{ ticket: { id: string; number: string } }>('POST', '/windows/demo-w4/call-next')).body.ticket;
      calls.push(call.number);
      await clerk('POST', `/tickets/${call.id}/complete`);
      expect((await status(mine.phoneToken)).ahead).toBe(2 - i);
    }
    expect(calls).toEqual(['C001', 'C002', 'C003']);

    // Transferred to window 6 (closed, serving E first): the ticket joins E there, and the phone is told the window.
    const call = (await clerk<{ ticket: { id: string } }>('POST', '/windows/demo-w4/call-next')).body.ticket;
    expect(call.id).toBe(mine.ticket.id);
    await clerk('POST', `/tickets/${mine.ticket.id}/transfer`, { windowId: 'demo-w6' });
    expect(await status(mine.phoneToken)).toMatchObject({ targetWindowNumber: 6, ahead: 0, category: { prefix: 'E' } });
  });
});
