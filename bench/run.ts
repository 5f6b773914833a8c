/**
 * `pnpm bench`: throughput of the hot paths, each printed as a ratio against
 * a baseline measured in the same run on the same machine (absolute numbers
 * vary between machines; ratios say what a choice costs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { applyHallEvent } from '@hallflow/shared';
import app, { httpOptions } from '../server/src/app.ts';
import { loadEnv } from '../server/src/config/env.ts';
import { ManualClock } from '../server/src/core/clock.ts';
import { eventsSince } from '../server/src/core/event-log.ts';
import { hallSnapshot } from '../server/src/modules/hall/hall.repository.ts';
import { callNext } from '../server/src/modules/tickets/calling.service.ts';
import { issueHandedTicket, issueTicketTx } from '../server/src/modules/tickets/issue.service.ts';
import { getHallRow } from '../server/src/modules/hall/hall.repository.ts';
import { completeTicket } from '../server/src/modules/tickets/ticket-flow.service.ts';
import { openWindow } from '../server/src/modules/tickets/window.service.ts';
import { bookAppointment, cancelAppointment } from '../server/src/modules/appointments/appointments.service.ts';
import { booking, idFor } from '../server/test/support/booking.ts';

async function hall(databasePath: string) {
  const env = loadEnv({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', ADMIN_INITIAL_PASSWORD: 'bench-password', APPS_DIR: '/nonexistent' });
  const instance = Fastify({ ...httpOptions, logger: false });
  await instance.register(app, { env, clock: new ManualClock('2026-11-25T02:00:00Z') });
  await instance.ready();
  return instance;
}

function opsPerSecond(count: number, body: (i: number) => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) body(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return count / seconds;
}

function report(name: string, value: number, baselineName: string, baseline: number, unit = 'ops/s') {
  console.log(
    `${name.padEnd(46)} ${value.toFixed(0).padStart(9)} ${unit}   baseline ${baselineName}: ${baseline.toFixed(0)} ${unit}   ratio ${(value / baseline).toFixed(2)}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'hallflow-bench-'));
try {
  const memory = await hall(':memory:');
  const file = await hall(join(dir, 'bench.db'));
  const issue = (instance: typeof memory) => () =>
    instance.commands.run('demo', (ctx) => issueTicketTx(ctx, 'demo', { categoryId: 'demo-A', priority: false, partyId: null, partySize: 1 }));

  // 1. What durability costs: a ticket issued on a file with synchronous=FULL vs in memory.
  const inMemory = opsPerSecond(2_000, issue(memory));
  const onFile = opsPerSecond(300, issue(file));
  report('issueTicket, file DB, synchronous=FULL', onFile, 'in-memory DB', inMemory);

  // 2. Call next with a long queue vs a short one (both on memory).
  const shortQueue = await hall(':memory:');
  const clerk = { id: 'bench', name: 'bench' };
  for (const instance of [memory, shortQueue]) instance.commands.run('demo', (ctx) => openWindow(ctx, 'demo', 'demo-w2', clerk));
  for (let i = 0; i < 20; i++) issue(shortQueue)();
  const cycle = (instance: typeof memory) => () => {
    const called = instance.commands.run('demo', (ctx) => callNext(ctx, 'demo', 'demo-w2'));
    if (called.ticket) instance.commands.run('demo', (ctx) => completeTicket(ctx, 'demo', called.ticket!.id));
    issue(instance)();
  };
  const shortRate = opsPerSecond(1_000, cycle(shortQueue));
  const longRate = opsPerSecond(1_000, cycle(memory));
  report('call+complete+issue, 2,000 waiting', longRate, '20 waiting', shortRate);

  // 2b. The desk's issue with the visitor's exact place (Q9 plays every window's turns while up to
  // EXACT_PLACE_LIMIT wait, the usual case in a hall): 150 waiting against 10.
  const deskHalls = [await hall(':memory:'), await hall(':memory:')] as const;
  const deskCycle = (instance: typeof memory) => () => {
    const called = instance.commands.run('demo', (ctx) => callNext(ctx, 'demo', 'demo-w2'));
    if (called.ticket) instance.commands.run('demo', (ctx) => completeTicket(ctx, 'demo', called.ticket!.id));
    instance.commands.run('demo', (ctx) => issueHandedTicket(ctx, getHallRow(ctx.tx, 'demo'), { categoryId: 'demo-A', priority: false, partyId: null, partySize: 1 }));
  };
  deskHalls.forEach((instance, i) => {
    instance.commands.run('demo', (ctx) => openWindow(ctx, 'demo', 'demo-w2', clerk));
    for (let k = 0; k < [10, 150][i]!; k++) issue(instance)();
  });
  const deskFew = opsPerSecond(500, deskCycle(deskHalls[0]));
  const deskMany = opsPerSecond(500, deskCycle(deskHalls[1]));
  report('desk issue (exact place) cycle, 150 waiting', deskMany, '10 waiting', deskFew);

  // 3. Catch-up: replaying the last 500 events vs building a fresh snapshot.
  const head = memory.store.sqlite.prepare("select max(seq) as s from events where hall_id='demo'").get() as { s: number };
  const base = hallSnapshot(memory.store.db, 'demo', new Date('2026-11-25T02:00:00Z'));
  const replay = opsPerSecond(50, () => {
    const events = eventsSince(memory.store.db, 'demo', head.s - 500, 500);
    events.reduce((state, envelope) => applyHallEvent(state, { ...envelope, seq: state.seq + 1 }), { ...base, seq: 0 });
  });
  const snapshot = opsPerSecond(50, () => hallSnapshot(memory.store.db, 'demo', new Date('2026-11-25T02:00:00Z')));
  report('catch-up by replaying 500 events', replay, 'fresh snapshot', snapshot, 'runs/s');

  // 4. Booking (slot count, per-ID check, insert, event) on a day with 2,000 bookings vs an empty day.
  const bookings = await hall(':memory:');
  bookings.store.sqlite.prepare("update halls set settings = json_set(settings, '$.appointments.placesPerSlot', 500) where id = 'demo'").run();
  const slots = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30'];
  for (let i = 0; i < 2_000; i++) {
    bookings.commands.run('demo', (ctx) => bookAppointment(ctx, 'demo', booking({ date: '2026-11-26', slot: slots[i % slots.length], idNumber: idFor(i + 10) })));
  }
  const bookAndCancel = (date: string) => () => {
    const made = bookings.commands.run('demo', (ctx) => bookAppointment(ctx, 'demo', booking({ date, slot: '15:00', idNumber: idFor(1) })));
    bookings.commands.run('demo', (ctx) => cancelAppointment(ctx, made.code, '8000'));
  };
  const emptyDay = opsPerSecond(300, bookAndCancel('2026-11-27'));
  const busyDay = opsPerSecond(300, bookAndCancel('2026-11-26'));
  report('book+cancel, day with 2,000 bookings', busyDay, 'empty day', emptyDay);

  await Promise.all([memory.close(), file.close(), shortQueue.close(), bookings.close(), ...deskHalls.map((instance) => instance.close())]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
