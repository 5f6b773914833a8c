import type { HallEventEnvelope } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { CommandRunner, nullPublisher } from '../src/core/command-runner.ts';
import { eventsSince } from '../src/core/event-log.ts';
import { bearer, build, greenPerson, staffToken } from './helper.ts';

describe('event log', () => {
  it('[R1] every change appends one event with the next seq, published after commit', async () => {
    const { app } = await build();
    const published: HallEventEnvelope[] = [];
    app.commands.setPublisher({ publish: (envelopes) => published.push(...envelopes) });
    const door = await staffToken(app, 'door');
    for (let i = 0; i < 3; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/halls/demo/screenings',
        headers: bearer(door),
        payload: { name: `访客${i}`, categoryId: 'demo-A', people: [greenPerson] },
      });
    }
    await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(door) });
    const logged = eventsSince(app.store.db, 'demo', 0, 100);
    expect(logged.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(logged.map((e) => e.event.type)).toEqual(['party.screened', 'party.screened', 'party.screened', 'batch.admitted']);
    expect(published).toEqual(logged);
  });

  it('[R1] a command that fails after emitting leaves neither its change nor its event', async () => {
    const { app } = await build();
    const published: HallEventEnvelope[] = [];
    app.commands.setPublisher({ publish: (envelopes) => published.push(...envelopes) });
    expect(() =>
      app.commands.run('demo', (ctx) => {
        ctx.emit({ type: 'occupancy.corrected', occupancy: { inside: 1, capacity: 1, holding: 0, level: 'full' } });
        throw new Error('rule said no');
      }),
    ).toThrow();
    expect(eventsSince(app.store.db, 'demo', 0, 10)).toEqual([]);
    expect(published).toEqual([]);
    const seq = app.store.sqlite.prepare("select coalesce(max(seq), 0) as s from events where hall_id = 'demo'").get() as { s: number };
    expect(seq.s).toBe(0);
  });

  it('[R1] seq is per hall', async () => {
    const { app } = await build();
    app.store.sqlite
      .prepare(
        "insert into halls (id, name, name_en, floor_area_m2, area_per_person_m2, holding_capacity, batch_size, created_at) values ('east', '东区', 'East', 100, 10, 5, 5, 'x')",
      )
      .run();
    const occupancy = { inside: 0, capacity: 10, holding: 0, level: 'normal' as const };
    app.commands.run('demo', (ctx) => ctx.emit({ type: 'occupancy.corrected', occupancy }));
    app.commands.run('east', (ctx) => ctx.emit({ type: 'occupancy.corrected', occupancy }));
    app.commands.run('demo', (ctx) => ctx.emit({ type: 'occupancy.corrected', occupancy }));
    expect(eventsSince(app.store.db, 'demo', 0, 10).map((e) => e.seq)).toEqual([1, 2]);
    expect(eventsSince(app.store.db, 'east', 0, 10).map((e) => e.seq)).toEqual([1]);
  });
});

describe('command runner under lock contention', () => {
  it('[Q8] a command refused with SQLITE_BUSY before it started is retried; other errors are not', () => {
    let calls = 0;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const fakeDb = {
      transaction: (fn: (tx: unknown) => unknown) => {
        calls++;
        if (calls < 3) throw busy;
        return fn({});
      },
    } as unknown as ConstructorParameters<typeof CommandRunner>[0];
    const runner = new CommandRunner(fakeDb, { now: () => new Date() }, nullPublisher);
    expect(runner.run('demo', () => 'done')).toBe('done');
    expect(calls).toBe(3);
    calls = -10; // always busy from now on
    expect(() => runner.run('demo', () => 'never')).toThrow('database is locked');
    let other = 0;
    const failing = new CommandRunner(
      { transaction: () => (other++, (() => { throw new Error('rule said no'); })()) } as unknown as ConstructorParameters<typeof CommandRunner>[0],
      { now: () => new Date() },
      nullPublisher,
    );
    expect(() => failing.run('demo', () => null)).toThrow('rule said no');
    expect(other).toBe(1);
  });
});
