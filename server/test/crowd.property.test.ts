import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitBatch } from '../src/modules/crowd/batch.service.ts';
import { recordAnonymousExit, recordExit } from '../src/modules/crowd/exits.service.ts';
import { screenVisitor } from '../src/modules/door/door.service.ts';
import { occupancyOf } from '../src/modules/hall/hall.repository.ts';
import { attempt, build, greenPerson } from './helper.ts';

type Step =
  | { kind: 'arrive'; size: number; healthy: boolean }
  | { kind: 'batch' }
  | { kind: 'exit'; pick: number }
  | { kind: 'oneLeft' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('arrive' as const), size: fc.integer({ min: 1, max: 3 }), healthy: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'batch' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('exit' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'oneLeft' as const }) },
);

const HOLDING_CAPACITY = 30;

/**
 * The hall as the rules describe it, written apart from the services: who
 * waits in the holding area (in the order they were screened, B1), who is
 * inside, and the people counted out by the "one left" tap (X1).
 */
class Model {
  holding: { id: string; size: number }[] = [];
  inside: { id: string; size: number }[] = [];
  adjustment = 0;
  constructor(
    readonly capacity: number,
    readonly batchSize: number,
  ) {}

  get insideCount(): number {
    return Math.max(0, this.inside.reduce((sum, p) => sum + p.size, 0) + this.adjustment);
  }
  get holdingCount(): number {
    return this.holding.reduce((sum, p) => sum + p.size, 0);
  }
  /** B2: whole parties in order while they fit within min(batch size, free places); the first that does not fit stops the batch. */
  nextBatch(): string[] {
    let room = Math.min(this.batchSize, this.capacity - this.insideCount);
    const taken: string[] = [];
    for (const party of this.holding) {
      if (party.size > room) break;
      taken.push(party.id);
      room -= party.size;
    }
    return taken;
  }
  admit(ids: readonly string[]): void {
    this.inside.push(...this.holding.filter((p) => ids.includes(p.id)));
    this.holding = this.holding.filter((p) => !ids.includes(p.id));
  }
  leave(id: string): void {
    this.inside = this.inside.filter((p) => p.id !== id);
    // People already tapped out are not counted out a second time when their party scans out (X1).
    this.adjustment = Math.max(this.adjustment, -this.inside.reduce((sum, p) => sum + p.size, 0));
  }
}


describe('crowd control over random days, against the real services and database', () => {
  it('[C1][B2][V1][X1][S2] the hall follows an independent model step by step: who is admitted, in which batch, and the count inside and holding, never above capacity', async () => {
    let admittedOverall = 0;
    let refusedBatches = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 60 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 6 }), async (steps, capacity, batchSize) => {
        const { app, clock } = await build();
        const db = app.store.sqlite;
        // Walk-ins take on-site places (A12); give the slots room so every arrival reaches the crowd rules under test.
        db.prepare("update halls set max_occupancy = ?, staff_on_floor = 0, batch_size = ?, holding_capacity = ?, settings = json_set(settings, '$.appointments.placesPerSlot', 500)").run(capacity, batchSize, HOLDING_CAPACITY);
        const staffId = (db.prepare("select id from staff where username = 'admin'").get() as { id: string }).id;
        const run = <T>(command: Parameters<typeof app.commands.run<T>>[1]) => app.commands.run('demo', command);
        const model = new Model(capacity, batchSize);
        let n = 0;
        for (const s of steps) {
          clock.advance(1 / 60); // a second between things, so the holding order (by screening time) is strict
          if (s.kind === 'arrive') {
            const people = Array.from({ length: s.size }, (_, i) => (i === 0 && !s.healthy ? { ...greenPerson, healthCode: 'red' as const } : greenPerson));
            const outcome = attempt(() => run((ctx) => screenVisitor(ctx, 'demo', { name: `访客${n++}`, categoryId: 'demo-A', people }, staffId)));
            if (!s.healthy) expect(outcome?.admitted ?? false).toBe(false); // S2: one red code turns the party away
            else if (model.holdingCount + s.size > HOLDING_CAPACITY) expect(outcome).toBeNull(); // B4: no room to wait
            else {
              expect(outcome?.admitted).toBe(true);
              model.holding.push({ id: outcome!.party.id, size: s.size });
            }
          } else if (s.kind === 'batch') {
            const expected = model.nextBatch();
            const admitted = attempt(() => run((ctx) => admitBatch(ctx, 'demo', staffId)));
            expect(admitted?.parties.map((p) => p.id) ?? []).toEqual(expected);
            if (expected.length === 0) refusedBatches++;
            admittedOverall += expected.length;
            model.admit(expected);
          } else if (s.kind === 'exit') {
            if (model.inside.length === 0) continue;
            const chosen = model.inside[s.pick % model.inside.length]!;
            const token = (db.prepare('select t.public_token as token from parties p join tickets t on t.id = p.ticket_id where p.id = ?').get(chosen.id) as { token: string }).token;
            expect(attempt(() => run((ctx) => recordExit(ctx, 'demo', token, staffId)))).not.toBeNull();
            model.leave(chosen.id);
          } else {
            const tapped = attempt(() => run((ctx) => recordAnonymousExit(ctx, 'demo', staffId)));
            if (model.insideCount === 0) expect(tapped).toBeNull();
            else {
              expect(tapped).not.toBeNull();
              model.adjustment -= 1;
            }
          }
          const occupancy = occupancyOf(app.store.db, 'demo');
          expect(occupancy.inside).toBe(model.insideCount);
          expect(occupancy.holding).toBe(model.holdingCount);
          expect(occupancy.inside).toBeLessThanOrEqual(capacity);
        }
        const tickets = db.prepare('select count(*) as n, count(distinct number) as distinctNumbers, count(distinct party_id) as parties from tickets').get() as { n: number; distinctNumbers: number; parties: number };
        expect(tickets.distinctNumbers).toBe(tickets.n); // T3
        expect(tickets.parties).toBe(tickets.n);
        await app.close();
      }),
      { numRuns: 40 },
    );
    // Days where nobody was ever admitted would prove nothing: most runs admit people, and some meet a full hall.
    expect(admittedOverall).toBeGreaterThan(10);
    expect(refusedBatches).toBeGreaterThan(0);
  }, 180_000);
});
