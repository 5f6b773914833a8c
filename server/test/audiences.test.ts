import {
  STAFF_RECENT_FINISHED_TICKETS,
  applyPhoneEvent,
  applyPublicEvent,
  type JoinResult,
  type PhoneHallState,
  type PublicEnvelope,
  type PublicHallState,
} from '@hallflow/shared';
import type { AdmitBatchResponse, AppointmentView, CallResponse, ScreenVisitorResponse, TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { bearer, greenPerson, staffToken } from './helper.ts';
import { booking, idFor } from './support/booking.ts';
import { client, join, listening, track, until } from './support/listening.ts';
import { connectHall } from '@hallflow/shared/realtime';

type Test = Awaited<ReturnType<typeof listening>>;

/** Everything that a public audience received, to be searched for what it must never carry. */
interface Received {
  what: string;
  data: unknown;
}

const person = (over: Partial<Record<string, unknown>> = {}) => ({ ...greenPerson, ...over });
const symptoms = (over: Partial<Record<'fever' | 'cough' | 'other', boolean>>) => ({ fever: false, cough: false, other: false, ...over });

/** Keys that only staff may see: names, codes, tokens, identity digits, health facts. */
const STAFF_ONLY_KEYS = new Set([
  'displayName',
  'leadName',
  'appointmentCode',
  'denialReasons',
  'reasons',
  'readings',
  'temperature',
  'temperatureRecheck',
  'healthCode',
  'symptoms',
  'mask',
  'maskProvided',
  'parties',
  'partyId',
  'idNumber',
  'idHash',
  'idMasked',
  'mobile',
  'mobileLast4',
  'mobileMasked',
  'publicToken',
  'phoneToken',
  'phoneTokens',
  'priority',
  'priorityReason',
  'nextSteps',
]);

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      found.add(key);
      keysOf(inner, found);
    }
  }
  return found;
}

/** Every string value of a JSON value, at any depth. */
function stringsOf(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, found);
  else if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) stringsOf(inner, found);
  return found;
}

/** A door session with every kind of refusal, bookings and cancellations, a batch, and a full round of calls. */
async function busyMorning(test: Test) {
  const door = await staffToken(test.app, 'door');
  const clerk = await staffToken(test.app, 'clerk');
  const { app } = test;
  const post = async <T>(token: string | null, url: string, payload?: object) => {
    const response = await app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, ...(payload === undefined ? {} : { payload }) });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  // Visitors book (10:30 today opens for check-in now), one cancels.
  const visitors = [
    { name: '林小红', id: idFor(11), mobile: '13911110001', color: 'red' as const },
    { name: '黄大明', id: idFor(12), mobile: '13911110002', color: 'yellow' as const },
    { name: '王绿绿', id: idFor(13), mobile: '13911110003', color: 'green' as const },
  ];
  const codes: string[] = [];
  for (const visitor of visitors) {
    const booked = await post<AppointmentView>(null, '/api/halls/demo/appointments', booking({ date: '2026-11-25', slot: '10:30', categoryId: 'demo-A', name: visitor.name, mobile: visitor.mobile, idNumber: visitor.id }));
    codes.push(booked.code);
  }
  const cancelled = await post<AppointmentView>(null, '/api/halls/demo/appointments', booking({ date: '2026-11-26', slot: '10:30', name: '赵取消', mobile: '13911110004', idNumber: idFor(14) }));
  codes.push(cancelled.code);
  await post(null, `/api/appointments/${cancelled.code}/cancel`, { mobileLast4: '0004' });

  // The door: red and yellow codes, a fever, no mask, a cough, and the green ones.
  const screen = (name: string, people: unknown[], appointmentCode?: string) =>
    post<ScreenVisitorResponse>(door, '/api/halls/demo/screenings', { name, categoryId: 'demo-A', people, ...(appointmentCode ? { appointmentCode } : {}) });
  await screen('林小红', [person({ healthCode: 'red' })], codes[0]);
  await screen('黄大明', [person({ healthCode: 'yellow' })], codes[1]);
  await screen('陈发热', [person({ temperature: 38.6, symptoms: symptoms({ fever: true }) })]);
  await screen('周无罩', [person({ mask: false })]);
  await screen('吴咳嗽', [person({ symptoms: symptoms({ cough: true }) })]);
  await screen('王绿绿', [person()], codes[2]);
  await screen('张三丰', [person(), person()]);
  const batch = await post<AdmitBatchResponse>(door, '/api/halls/demo/batches');
  expect(batch.tickets).toHaveLength(2);
  // LV4, LV6: the hall relaxes and tightens again; relaxing lets the party holding in. The reason names a visitor: staff only.
  const supervisor = await staffToken(test.app, 'supervisor');
  const waiting = await post<AppointmentView>(null, '/api/halls/demo/appointments', booking({ date: '2026-11-25', slot: '10:30', categoryId: 'demo-A', name: '李等候', mobile: '13911110006', idNumber: idFor(16) }));
  codes.push(waiting.code);
  await screen('李等候', [person()], waiting.code);
  await post(supervisor, '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'elevated', reason: '林小红密接，调整' });
  await post(supervisor, '/api/prevention-levels', { target: { hallId: 'demo' }, level: 'strict', reason: '恢复严格' });
  const desk = await post<TicketResponse>(clerk, '/api/halls/demo/tickets', { categoryId: 'demo-A', priority: true, priorityReason: 'age65' });
  return { door, clerk, post, codes, batch, desk, names: [...visitors.map((v) => v.name), '赵取消', '陈发热', '周无罩', '吴咳嗽', '张三丰', '李等候'], ids: visitors.map((v) => v.id), mobiles: visitors.map((v) => v.mobile) };
}

describe('what each audience receives', () => {
  it('[PV1][PV2][PV3] a lobby screen and a phone never receive a name, a code, a token, identity digits or a health fact: live, on join, on replay, or over HTTP', async () => {
    const test = await listening({ PUBLIC_RATE_LIMIT: '1000' });
    const screen = (await test.app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(test.admin), payload: { name: '大厅主屏', kind: 'lobby' } })).json<{ token: string }>();
    const received: Received[] = [];
    const lobby = client(test.url, screen.token, 'device');
    lobby.on('hall:public', (envelope) => received.push({ what: `lobby live ${envelope.seq}`, data: envelope }));
    await until(() => lobby.connected, 'lobby connected');
    received.push({ what: 'lobby join', data: await join(lobby, null) });

    const morning = await busyMorning(test);
    const mineId = morning.batch.tickets[0]!.id;
    const phoneToken = morning.batch.phoneTokens[mineId]!;
    const phone = client(test.url, phoneToken, 'ticket');
    const phoneReceived: Received[] = [];
    phone.on('hall:public', (envelope) => phoneReceived.push({ what: `phone live ${envelope.seq}`, data: envelope }));
    await until(() => phone.connected, 'phone connected');
    phoneReceived.push({ what: 'phone join', data: await join(phone, null) });

    // Calls, a recall, a transfer, a no-show and its return, a rating from the phone, a pause; a booking and a cancellation meanwhile.
    const { post, clerk } = morning;
    await post(clerk, '/api/halls/demo/windows/demo-w1/open');
    await post(clerk, '/api/halls/demo/windows/demo-w2/open');
    const first = await post<CallResponse>(clerk, '/api/halls/demo/windows/demo-w1/call-next');
    await post(clerk, `/api/halls/demo/tickets/${first.ticket!.id}/recall`);
    await post(clerk, `/api/halls/demo/tickets/${first.ticket!.id}/complete`);
    const second = await post<CallResponse>(clerk, '/api/halls/demo/windows/demo-w1/call-next');
    await post(clerk, `/api/halls/demo/tickets/${second.ticket!.id}/no-show`);
    await post(clerk, `/api/halls/demo/tickets/${second.ticket!.id}/requeue`);
    const third = await post<CallResponse>(clerk, '/api/halls/demo/windows/demo-w1/call-next');
    await post(clerk, `/api/halls/demo/tickets/${third.ticket!.id}/transfer`, { windowId: 'demo-w2' });
    await post(null, '/api/halls/demo/appointments', booking({ date: '2026-11-26', slot: '11:00', name: '钱后约', mobile: '13911110005', idNumber: idFor(15) }));
    const mineCalled = await post<CallResponse>(clerk, '/api/halls/demo/windows/demo-w2/call-next');
    if (mineCalled.ticket) await post(clerk, `/api/halls/demo/tickets/${mineCalled.ticket.id}/complete`);
    await post(clerk, '/api/halls/demo/windows/demo-w2/pause');
    const head = (await test.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(test.admin) })).json<{ seq: number }>().seq;
    await until(() => received.some((r) => (r.data as PublicEnvelope).seq === head) && phoneReceived.some((r) => (r.data as PublicEnvelope).seq === head), 'both at the head seq');

    // Replays (a screen that was away) and HTTP reads with the screen's and the phone's credentials.
    received.push({ what: 'lobby replay', data: await join(lobby, 1) });
    phoneReceived.push({ what: 'phone replay', data: await join(phone, 1) });
    const asScreen = (url: string) => test.app.inject({ method: 'GET', url, headers: bearer(screen.token) }).then((r) => r.json<unknown>());
    received.push({ what: 'GET snapshot (screen)', data: await asScreen('/api/halls/demo/snapshot') });
    received.push({ what: 'GET occupancy (screen)', data: await asScreen('/api/halls/demo/occupancy') });
    received.push({ what: 'GET device (screen)', data: await asScreen('/api/devices/me') });
    phoneReceived.push({ what: 'GET ticket status (phone)', data: (await test.app.inject({ method: 'GET', url: `/api/public/tickets/${phoneToken}` })).json<unknown>() });

    // Nothing of anyone, anywhere in what the lobby received; the phone sees its own ticket and nobody else's.
    const secrets = [
      ...morning.names,
      ...morning.names.map((name) => `${[...name][0]}*`),
      ...morning.codes,
      ...morning.ids,
      ...morning.ids.map((id) => id.slice(-4)),
      ...morning.mobiles,
      ...Object.values(morning.batch.phoneTokens),
      morning.desk.phoneToken,
    ];
    const healthWords = ['红码', '黄码', '健康码', '体温', '发热', '咳嗽', '口罩', '禁止', '不予'];
    const healthValues = new Set(['red', 'yellow', 'denied', 'fever', 'cough']);
    const check = (items: Received[], allowedKeys: Set<string>, allowedTicketId: string | null) => {
      for (const item of items) {
        const keys = [...keysOf(item.data)].filter((key) => STAFF_ONLY_KEYS.has(key) && !allowedKeys.has(key));
        expect(keys, `${item.what} carries staff-only fields`).toEqual([]);
        const strings = stringsOf(item.data);
        for (const secret of secrets) expect(strings.some((s) => s.includes(secret)), `${item.what} carries ${secret}: ${JSON.stringify(item.data)}`).toBe(false);
        for (const word of healthWords) expect(strings.some((s) => s.includes(word)), `${item.what} carries ${word}`).toBe(false);
        expect(strings.filter((s) => healthValues.has(s)), `${item.what} carries a health value`).toEqual([]);
        // A phone's own ticket in full is the only full ticket it may hold.
        const mine = (item.data as { mine?: { id: string } }).mine ?? (item.data as { snapshot?: { mine?: { id: string } } }).snapshot?.mine;
        if (mine) expect(mine.id).toBe(allowedTicketId);
      }
    };
    // The checker itself finds what it looks for: the staff snapshot (names, codes, reasons) fails it.
    const staffSnapshot = (await test.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(test.admin) })).json<unknown>();
    expect(() => check([{ what: 'staff snapshot', data: staffSnapshot }], new Set(), null)).toThrow();
    check(received, new Set(), null);
    // The phone's own ticket carries its party id, priority flag and reason: its own data (PV3).
    check(phoneReceived, new Set(['partyId', 'priority', 'priorityReason']), mineId);
    expect(received.filter((r) => r.what.startsWith('lobby live')).length).toBeGreaterThan(20);
    expect(phoneReceived.some((r) => (r.data as PublicEnvelope).mine?.id === mineId)).toBe(true);
  });

  it('[PV4][R3] every audience gets every seq once, in order; public and phone states built from their streams equal the server\'s snapshots', async () => {
    const test = await listening({ PUBLIC_RATE_LIMIT: '1000' });
    const morning = await busyMorning(test);
    const mineId = morning.batch.tickets[1]!.id;
    const phoneToken = morning.batch.phoneTokens[mineId]!;
    const screenToken = (await test.app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(test.admin), payload: { name: 'TV', kind: 'outdoor' } })).json<{ token: string }>().token;
    const lobby = client(test.url, screenToken, 'device');
    const phone = client(test.url, phoneToken, 'ticket');
    await until(() => lobby.connected && phone.connected, 'connected');
    const lobbyJoin = (await join(lobby, null)) as Extract<JoinResult<'public'>, { mode: 'snapshot' }>;
    const phoneJoin = (await join(phone, null)) as Extract<JoinResult<'phone'>, { mode: 'snapshot' }>;
    expect(lobbyJoin.mode).toBe('snapshot');
    expect(phoneJoin.mode).toBe('snapshot');
    let lobbyState: PublicHallState = lobbyJoin.snapshot;
    let phoneState: PhoneHallState = phoneJoin.snapshot;
    const lobbySeqs: number[] = [];
    const phoneSeqs: number[] = [];
    lobby.on('hall:public', (envelope) => {
      lobbySeqs.push(envelope.seq);
      if (envelope.seq === lobbyState.seq + 1) lobbyState = applyPublicEvent(lobbyState, envelope);
    });
    phone.on('hall:public', (envelope) => {
      phoneSeqs.push(envelope.seq);
      if (envelope.seq === phoneState.seq + 1) phoneState = applyPhoneEvent(phoneState, envelope);
    });
    const { post, clerk, door } = morning;
    for (const w of ['demo-w1', 'demo-w2', 'demo-w3']) await post(clerk, `/api/halls/demo/windows/${w}/open`);
    for (let round = 0; round < 3; round++) {
      for (const w of ['demo-w1', 'demo-w2', 'demo-w3']) {
        test.clock.advance(2); // a real service takes minutes: each completion has its own time
        const call = await post<CallResponse>(clerk, `/api/halls/demo/windows/${w}/call-next`);
        if (!call.ticket) continue;
        if (round === 0) await post(clerk, `/api/halls/demo/tickets/${call.ticket.id}/recall`);
        if (round === 1 && w === 'demo-w2') {
          await post(clerk, `/api/halls/demo/tickets/${call.ticket.id}/transfer`, { windowId: 'demo-w3' });
          continue;
        }
        await post(clerk, `/api/halls/demo/tickets/${call.ticket.id}/start`);
        await post(clerk, `/api/halls/demo/tickets/${call.ticket.id}/complete`);
      }
      await post(door, '/api/halls/demo/screenings', { name: `第${round}位`, categoryId: 'demo-A', people: [greenPerson] });
      await post(door, '/api/halls/demo/batches');
    }
    await post(null, `/api/public/tickets/${phoneToken}/rating`, { level: 5 }).catch(() => undefined);
    await post(clerk, '/api/halls/demo/windows/demo-w1/pause');
    await post(test.admin, '/api/halls/demo/categories', { prefix: 'Z', name: '新增业务', nameEn: 'New service' });

    const head = (await test.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(test.admin) })).json<{ seq: number }>().seq;
    await until(() => lobbyState.seq === head && phoneState.seq === head, 'both at the head');
    expect(lobbySeqs).toEqual(Array.from({ length: head - lobbyJoin.snapshot.seq }, (_, i) => lobbyJoin.snapshot.seq + 1 + i));
    expect(phoneSeqs).toEqual(lobbySeqs);
    const serverPublic = (await test.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(screenToken) })).json<PublicHallState>();
    expect(lobbyState).toEqual(serverPublic);
    const rejoined = (await join(phone, null)) as Extract<JoinResult<'phone'>, { mode: 'snapshot' }>;
    expect(phoneState).toEqual(rejoined.snapshot);
    expect(phoneState.mine.id).toBe(mineId);
  });
});

describe('a screen joins in constant time', () => {
  it('[PV5][R9] the public snapshot does not grow with the day: after 300 served tickets it is the size it was after 10; the staff one stops at its recent history', async () => {
    const test = await listening();
    const clerk = await staffToken(test.app, 'clerk');
    const screen = (await test.app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(test.admin), payload: { name: 'TV', kind: 'lobby' } })).json<{ token: string }>().token;
    const post = (url: string, payload?: object) => test.app.inject({ method: 'POST', url, headers: bearer(clerk), ...(payload ? { payload } : {}) });
    await post('/api/halls/demo/windows/demo-w1/open');
    const serve = async (count: number) => {
      for (let i = 0; i < count; i++) {
        await post('/api/halls/demo/tickets', { categoryId: 'demo-A' });
        test.clock.advance(1);
        const call = (await post('/api/halls/demo/windows/demo-w1/call-next')).json<CallResponse>();
        await post(`/api/halls/demo/tickets/${call.ticket!.id}/complete`);
      }
    };
    const publicSize = async () => (await test.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(screen) })).body.length;
    const staffSize = async () => (await test.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(clerk) })).body.length;
    await serve(10);
    const [publicEarly, staffEarly] = [await publicSize(), await staffSize()];
    await serve(290);
    const [publicLate, staffLate] = [await publicSize(), await staffSize()];
    // Ticket numbers and times change length a little; the ticket count does not enter.
    expect(publicLate).toBeLessThan(publicEarly * 1.1);
    // R9: the staff snapshot holds the latest 100 finished tickets, not the day's 300.
    const staffTickets = (await test.app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(clerk) })).json<{ tickets: unknown[] }>().tickets;
    expect(staffTickets).toHaveLength(STAFF_RECENT_FINISHED_TICKETS);
    expect(staffLate).toBeLessThan(staffEarly * (STAFF_RECENT_FINISHED_TICKETS / 10) * 1.1);
  });
});

describe('a visitor page without a credential (LV13)', () => {
  it('[LV13][PV1] joins any hall as the public audience: hears level.changed with the rules only, gets no staff snapshot, and a screening reaches it as occupancy at most', async () => {
    const test = await listening();
    const supervisor = await staffToken(test.app, 'supervisor');
    const door = await staffToken(test.app, 'door');
    const socket = track(connectHall({ url: test.url, credential: 'visitor' }));
    const received: PublicEnvelope[] = [];
    socket.on('hall:public', (envelope) => received.push(envelope));
    const joined = await join(socket, null);
    expect(joined).toMatchObject({ ok: true, audience: 'public', mode: 'snapshot' });
    if (!joined.ok || joined.mode !== 'snapshot') throw new Error('join refused');
    expect(Object.keys(joined.snapshot)).not.toContain('parties');
    const city = await new Promise<{ ok: boolean }>((resolve) => socket.emit('city:join', resolve));
    expect(city).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await test.app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '张三', categoryId: 'demo-A', people: [{ ...greenPerson, healthCode: 'red' }] } });
    const set = await test.app.inject({ method: 'POST', url: '/api/prevention-levels', headers: bearer(supervisor), payload: { target: { hallId: 'demo' }, level: 'elevated', reason: '林某 密接 收紧' } });
    expect(set.statusCode, set.body).toBe(200);
    await until(() => received.some((envelope) => envelope.event.type === 'level.changed'), 'level.changed');
    const change = received.find((envelope) => envelope.event.type === 'level.changed')!.event;
    expect(change).toMatchObject({ type: 'level.changed', hall: { levelRules: { level: 'elevated' } } });
    expect(JSON.stringify(received)).not.toMatch(/张|林某|"red"|CODE_RED|"supervisor"|密接/);
  });
});
