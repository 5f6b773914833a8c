import fc from 'fast-check';
import { CHECK_NAMES, DEFAULT_LEVEL_PRESETS, NO_CHECKS, levelUsesBatches, type LevelChecks, type PreventionLevel } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { admitBatch } from '../src/modules/crowd/batch.service.ts';
import { recordAnonymousExit, recordExit } from '../src/modules/crowd/exits.service.ts';
import { greetVisitor } from '../src/modules/door/direct-admission.ts';
import { screenVisitor } from '../src/modules/door/door.service.ts';
import { recheckParty } from '../src/modules/door/recheck.service.ts';
import { occupancyOf } from '../src/modules/hall/hall.repository.ts';
import { setPreventionLevel } from '../src/modules/levels/levels.service.ts';
import { attempt, build } from './helper.ts';

/** One reading per check, each present or left out, passing or failing; half the people bring every reading, all good. */
const anyReading = fc.record({
  healthCode: fc.option(fc.constantFrom('green' as const, 'green' as const, 'yellow' as const), { nil: undefined }),
  temperature: fc.option(fc.constantFrom(36.4, 36.8, 38.2), { nil: undefined }),
  mask: fc.option(fc.boolean(), { nil: undefined }),
  symptoms: fc.option(fc.constantFrom({ fever: false, cough: false, other: false }, { fever: false, cough: true, other: false }), { nil: undefined }),
});
const allGood = fc.constant({ healthCode: 'green' as const, temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } });
const reading = fc.oneof(anyReading, allGood);

type Step =
  | { kind: 'level'; level: PreventionLevel }
  | { kind: 'arrive'; people: Partial<{ healthCode: 'green' | 'yellow'; temperature: number; mask: boolean; symptoms: { fever: boolean; cough: boolean; other: boolean } }>[] }
  | { kind: 'greet'; size: number; ticket: boolean }
  | { kind: 'batch' }
  | { kind: 'exit'; pick: number }
  | { kind: 'oneLeft' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('level' as const), level: fc.constantFrom<PreventionLevel>('normal', 'elevated', 'strict') }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('arrive' as const), people: fc.array(reading, { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('greet' as const), size: fc.integer({ min: 1, max: 3 }), ticket: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'batch' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('exit' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'oneLeft' as const }) },
);


/** Whether one person's stored readings show every required check made and passed. */
function passedEvery(checks: LevelChecks, person: Record<string, unknown>): boolean {
  const symptoms = person.symptoms as { fever: boolean; cough: boolean; other: boolean } | undefined;
  return (
    (!checks.healthCodeCheck || person.healthCode === 'green') &&
    (!checks.temperatureCheck || (typeof person.temperature === 'number' && person.temperature < 37.3)) &&
    (!checks.maskCheck || person.mask === true || person.maskProvided === true) &&
    (!checks.symptomsCheck || (symptoms !== undefined && !symptoms.fever && !symptoms.cough && !symptoms.other))
  );
}

/** LV10: the checks the level requires that a party taken in by a batch at `at` was never given (an empty list each, when the rule holds). */
function missedByBatch(db: { prepare(sql: string): { all(...args: unknown[]): unknown[] } }, at: Date, required: LevelChecks): string[][] {
  const rows = db.prepare('select s.readings from parties p left join screenings s on s.party_id = p.id where p.batch_id is not null and p.admitted_at = ?').all(at.toISOString()) as { readings: string | null }[];
  return rows
    .map((row) => (row.readings ? (JSON.parse(row.readings) as { checksRequired: LevelChecks }[])[0]!.checksRequired : NO_CHECKS))
    .map((made) => CHECK_NAMES.filter((name) => required[name] && !made[name]))
    .filter((missed) => missed.length > 0);
}

describe('prevention levels over random days, against the real services and database', () => {
  it('[LV3][LV5] whatever the order of level changes, arrivals, batches and exits: while a level uses batches the hall never goes above its limit, and nobody is admitted without the checks their level required when they arrived', async () => {
    let admittedOverall = 0;
    let levelChanges = 0;
    await fc.assert(
      // size 'medium': fast-check's default size keeps days to about ten steps, too few level changes to rely on.
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40, size: 'medium' }), fc.integer({ min: 2, max: 8 }), async (steps, capacity) => {
        const { app, clock } = await build();
        const db = app.store.sqlite;
        db.prepare("update halls set max_occupancy = ?, staff_on_floor = 0, batch_size = 3, holding_capacity = 30, settings = json_set(settings, '$.appointments.placesPerSlot', 500)").run(capacity);
        // Walk-ins reach the door's checks at every level (严格's preset would turn them away before any check, A12).
        const presets = { ...DEFAULT_LEVEL_PRESETS, strict: { ...DEFAULT_LEVEL_PRESETS.strict, walkIns: 'on_site_if_free' } };
        db.prepare("update halls set settings = json_set(settings, '$.levels', json(?), '$.appointments.walkIns', 'on_site_if_free')").run(JSON.stringify(presets));
        const admin = db.prepare("select id, username from staff where username = 'admin'").get() as { id: string; username: string };
        const run = <T>(command: Parameters<typeof app.commands.run<T>>[1]) => app.commands.run('demo', command);
        let level: PreventionLevel = 'strict';
        // The checks each party met at the door, by party id: what the level required when it arrived (LV5).
        const requiredAt = new Map<string, LevelChecks>();
        let n = 0;
        for (const s of steps) {
          clock.advance(1 / 60);
          const before = occupancyOf(app.store.db, 'demo');
          if (s.kind === 'level') {
            run((ctx) => setPreventionLevel(ctx, { target: { hallId: 'demo' }, level: s.level, reason: '随机切换' }, { id: admin.id, username: admin.username, hallId: null, role: 'admin' }));
            level = s.level;
            levelChanges++;
          } else if (s.kind === 'arrive') {
            const outcome = attempt(() => run((ctx) => screenVisitor(ctx, 'demo', { name: `访客${n++}`, categoryId: 'demo-A', people: s.people.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined))) }, admin.id)));
            if (outcome?.admitted) requiredAt.set(outcome.party.id, DEFAULT_LEVEL_PRESETS[level].checks);
          } else if (s.kind === 'greet') {
            const outcome = attempt(() => run((ctx) => greetVisitor(ctx, 'demo', { size: s.size, categoryId: s.ticket ? 'demo-A' : null }, admin.id)));
            // LV2: only a door with nothing to check lets people in without a screening.
            if (outcome) expect(Object.values(DEFAULT_LEVEL_PRESETS[level].checks).some(Boolean)).toBe(false);
          } else if (s.kind === 'batch') {
            attempt(() => run((ctx) => admitBatch(ctx, 'demo', admin.id)));
          } else if (s.kind === 'exit') {
            const inside = db.prepare("select t.public_token as token from parties p join tickets t on t.id = p.ticket_id where p.state = 'admitted' order by p.rowid").all() as { token: string }[];
            if (inside.length > 0) attempt(() => run((ctx) => recordExit(ctx, 'demo', inside[s.pick % inside.length]!.token, admin.id)));
          } else {
            attempt(() => run((ctx) => recordAnonymousExit(ctx, 'demo', admin.id)));
          }
          const after = occupancyOf(app.store.db, 'demo');
          // LV10: whoever a batch took in at this step (the door's, or a relaxing change's) had every check the level now in force requires.
          expect(missedByBatch(db, clock.now(), DEFAULT_LEVEL_PRESETS[level].checks)).toEqual([]);
          // LV3: under a level that uses batches, a hall within its limit stays within it (常态 may go above: the limit is only an alert there).
          if (levelUsesBatches(DEFAULT_LEVEL_PRESETS[level].admission) && before.inside <= capacity) expect(after.inside).toBeLessThanOrEqual(capacity);
        }
        // LV5: every screened party inside or gone through met each check its arrival's level required, and the record says which.
        const admitted = db.prepare("select p.id, s.readings from parties p join screenings s on s.party_id = p.id where p.state in ('admitted', 'exited')").all() as { id: string; readings: string }[];
        for (const row of admitted) {
          const readings = JSON.parse(row.readings) as (Record<string, unknown> & { checksRequired: LevelChecks })[];
          for (const person of readings) {
            expect(person.checksRequired).toEqual(requiredAt.get(row.id));
            expect(passedEvery(person.checksRequired, person), JSON.stringify(person)).toBe(true);
          }
        }
        admittedOverall += admitted.length;
        await app.close();
      }),
      { numRuns: 15 },
    );
    // Runs where nobody got in or the level never moved would prove nothing.
    expect(admittedOverall).toBeGreaterThan(10);
    expect(levelChanges).toBeGreaterThan(10);
  }, 240_000);

  it('[LV10] whatever the order of level changes, arrivals holding for batches, batches and re-checks: nobody enters by batch without every check the level in force then requires, and a re-check asks for exactly what is missing', async () => {
    let rechecks = 0;
    let admittedByBatch = 0;
    const levelStep = fc.record({ kind: fc.constant('level' as const), level: fc.constantFrom<PreventionLevel>('normal', 'elevated', 'strict') });
    const steps = fc.array(
      fc.oneof(
        { weight: 2, arbitrary: levelStep },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('arrive' as const), size: fc.integer({ min: 1, max: 3 }) }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'batch' as const }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('recheck' as const), pass: fc.boolean() }) },
      ),
      { minLength: 10, maxLength: 40, size: 'medium' },
    );
    await fc.assert(
      fc.asyncProperty(steps, async (day) => {
        const { app, clock } = await build();
        const db = app.store.sqlite;
        // Every level sends arrivals to the holding area and takes walk-ins, so parties hold through every change.
        const batching = (at: PreventionLevel) => ({ ...DEFAULT_LEVEL_PRESETS[at], admission: 'batches' as const, walkIns: 'welcome' as const });
        const presets = { normal: batching('normal'), elevated: batching('elevated'), strict: batching('strict') };
        db.prepare("update halls set holding_capacity = 100, batch_size = 4, settings = json_set(settings, '$.levels', json(?), '$.appointments.walkIns', 'welcome')").run(JSON.stringify(presets));
        const admin = db.prepare("select id, username from staff where username = 'admin'").get() as { id: string; username: string };
        const run = <T>(command: Parameters<typeof app.commands.run<T>>[1]) => app.commands.run('demo', command);
        run((ctx) => setPreventionLevel(ctx, { target: { hallId: 'demo' }, level: 'strict', reason: '开始' }, { ...admin, hallId: null, role: 'admin' }));
        let level: PreventionLevel = 'strict';
        const good = { healthCode: 'green' as const, temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } };
        let n = 0;
        for (const s of day) {
          clock.advance(1 / 60);
          if (s.kind === 'level') {
            run((ctx) => setPreventionLevel(ctx, { target: { hallId: 'demo' }, level: s.level, reason: '随机切换' }, { ...admin, hallId: null, role: 'admin' }));
            level = s.level;
          } else if (s.kind === 'arrive') {
            // The door reads exactly what the level asks (LV2): a greeter's level takes no readings.
            const checks = presets[level].checks;
            const person = Object.fromEntries(Object.entries(good).filter(([key]) => (key === 'healthCode' ? checks.healthCodeCheck : key === 'temperature' ? checks.temperatureCheck : key === 'mask' ? checks.maskCheck : checks.symptomsCheck)));
            attempt(() =>
              run((ctx) =>
                CHECK_NAMES.some((name) => checks[name])
                  ? screenVisitor(ctx, 'demo', { name: `访客${n++}`, categoryId: 'demo-A', people: Array.from({ length: s.size }, () => person) }, admin.id)
                  : greetVisitor(ctx, 'demo', { size: s.size, categoryId: 'demo-A' }, admin.id),
              ),
            );
          } else if (s.kind === 'batch') {
            attempt(() => run((ctx) => admitBatch(ctx, 'demo', admin.id)));
          } else {
            const marked = db.prepare("select id, size, recheck from parties where state = 'holding' and recheck != '[]' order by rowid").get() as { id: string; size: number; recheck: string } | undefined;
            if (marked) {
              const asked = JSON.parse(marked.recheck) as string[];
              const outcome = run((ctx) => recheckParty(ctx, 'demo', marked.id, { people: Array.from({ length: marked.size }, () => ({ ...good, symptoms: { fever: false, cough: !s.pass, other: false } })) }, admin.id));
              const failsOnCough = asked.includes('symptomsCheck') && !s.pass;
              expect(outcome.passed).toBe(!failsOnCough);
              const after = db.prepare('select state, recheck from parties where id = ?').get(marked.id) as { state: string; recheck: string };
              expect(after).toEqual({ state: failsOnCough ? 'denied' : 'holding', recheck: '[]' });
              rechecks++;
            }
          }
          expect(missedByBatch(db, clock.now(), presets[level].checks)).toEqual([]);
          admittedByBatch += (db.prepare('select count(*) as n from parties where batch_id is not null and admitted_at = ?').get(clock.now().toISOString()) as { n: number }).n;
          // Every holding party is marked for exactly the checks the level requires that it lacks.
          const holding = db.prepare("select p.recheck, s.readings from parties p left join screenings s on s.party_id = p.id where p.state = 'holding'").all() as { recheck: string; readings: string | null }[];
          for (const party of holding) {
            const made = party.readings ? (JSON.parse(party.readings) as { checksRequired: LevelChecks }[])[0]!.checksRequired : NO_CHECKS;
            expect(JSON.parse(party.recheck)).toEqual(CHECK_NAMES.filter((name) => presets[level].checks[name] && !made[name]));
          }
        }
        await app.close();
      }),
      { numRuns: 15 },
    );
    // Runs where nobody was re-checked or let in would prove nothing.
    expect(rechecks).toBeGreaterThan(3);
    expect(admittedByBatch).toBeGreaterThan(10);
  }, 240_000);
});
