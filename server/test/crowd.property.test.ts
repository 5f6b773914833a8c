import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/core/errors.ts';
import { admitBatch } from '../src/modules/crowd/batch.service.ts';
import { recordAnonymousExit, recordExit } from '../src/modules/crowd/exits.service.ts';
import { screenVisitor } from '../src/modules/door/door.service.ts';
import { occupancyOf } from '../src/modules/hall/hall.repository.ts';
import { build, greenPerson } from './helper.ts';

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

/** Runs a command, treating a refusal (4xx) as the system saying no, which is allowed. */
function attempt(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

describe('crowd control over random days, against the real services and database', () => {
  it('[C1][B2][V1][T3] occupancy stays within 0..capacity; no party split or admitted twice; nobody denied admitted; no ticket twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 60 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 6 }), async (steps, capacity, batchSize) => {
        const { app } = await build();
        const db = app.store.sqlite;
        // Walk-ins take on-site places (A12); give the slots room so every arrival reaches the crowd rules under test.
        db.prepare("update halls set max_occupancy = ?, staff_on_floor = 0, batch_size = ?, holding_capacity = 30, settings = json_set(settings, '$.appointments.placesPerSlot', 500)").run(capacity, batchSize);
        const staffId = (db.prepare("select id from staff where username = 'admin'").get() as { id: string }).id;
        const run = <T>(command: Parameters<typeof app.commands.run<T>>[1]) => app.commands.run('demo', command);
        let n = 0;
        for (const s of steps) {
          if (s.kind === 'arrive') {
            const people = Array.from({ length: s.size }, (_, i) => (i === 0 && !s.healthy ? { ...greenPerson, healthCode: 'red' as const } : greenPerson));
            attempt(() => run((ctx) => screenVisitor(ctx, 'demo', { name: `访客${n++}`, categoryId: 'demo-A', people }, staffId)));
          } else if (s.kind === 'batch') {
            attempt(() => run((ctx) => admitBatch(ctx, 'demo', staffId)));
          } else if (s.kind === 'exit') {
            const inside = db.prepare("select t.public_token as token from parties p join tickets t on t.id = p.ticket_id where p.state = 'admitted'").all() as { token: string }[];
            const chosen = inside[s.pick % Math.max(1, inside.length)];
            if (chosen) attempt(() => run((ctx) => recordExit(ctx, 'demo', chosen.token, staffId)));
          } else {
            attempt(() => run((ctx) => recordAnonymousExit(ctx, 'demo', staffId)));
          }
          const occupancy = occupancyOf(app.store.db, 'demo');
          expect(occupancy.inside).toBeGreaterThanOrEqual(0);
          expect(occupancy.inside).toBeLessThanOrEqual(capacity);
        }
        const deniedInside = db.prepare("select count(*) as n from parties where denial_reasons != '[]' and state in ('admitted', 'exited')").get() as { n: number };
        expect(deniedInside.n).toBe(0);
        const admittedTwice = db.prepare("select count(*) as n from (select party_id from entry_log where kind = 'admitted' group by party_id having count(*) > 1)").get() as { n: number };
        expect(admittedTwice.n).toBe(0);
        const split = db
          .prepare('select b.people as people, (select coalesce(sum(p.size), 0) from parties p where p.batch_id = b.id) as members from batches b')
          .all() as { people: number; members: number }[];
        for (const batch of split) expect(batch.members).toBe(batch.people);
        const tickets = db.prepare('select count(*) as n, count(distinct number) as distinctNumbers, count(distinct party_id) as parties from tickets').get() as {
          n: number;
          distinctNumbers: number;
          parties: number;
        };
        expect(tickets.distinctNumbers).toBe(tickets.n);
        expect(tickets.parties).toBe(tickets.n);
        await app.close();
      }),
      { numRuns: 40 },
    );
  });
});
