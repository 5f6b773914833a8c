import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEVEL_PRESETS,
  admissionRoute,
  describeLevelRules,
  dueChanges,
  endOfLocalDay,
  isGreeterDoor,
  levelAt,
  levelMove,
  levelRules,
  levelUsesBatches,
  missingChecks,
  releaseOnChange,
  CHECK_NAMES,
  NO_CHECKS,
  checksAfterRecheck,
  checksOnly,
  checksToRecheck,
  recheckMarks,
  type LevelChecks,
  type AdmissionMode,
  type PreventionLevel,
} from '../src/domain/index.ts';

const level = fc.constantFrom<PreventionLevel>('normal', 'elevated', 'strict');
const mode = fc.constantFrom<AdmissionMode>('free', 'batches_above_share', 'batches');

describe('prevention-level presets and moves (pure)', () => {
  it('[LV1] the three presets are the issue\'s: 常态 checks nothing and welcomes walk-ins; 加强 temperature and mask, appointments first, batches above a share; 严格 everything, appointments only, batches', () => {
    expect(DEFAULT_LEVEL_PRESETS.normal).toMatchObject({ checks: { healthCodeCheck: false, temperatureCheck: false, maskCheck: false, symptomsCheck: false }, walkIns: 'welcome', admission: 'free' });
    expect(DEFAULT_LEVEL_PRESETS.elevated).toMatchObject({ checks: { healthCodeCheck: false, temperatureCheck: true, maskCheck: true, symptomsCheck: false }, walkIns: 'on_site_if_free', admission: 'batches_above_share', batchAboveSharePercent: 80 });
    expect(DEFAULT_LEVEL_PRESETS.strict).toMatchObject({ checks: { healthCodeCheck: true, temperatureCheck: true, maskCheck: true, symptomsCheck: true }, walkIns: 'appointment_only', admission: 'batches' });
    expect(describeLevelRules(levelRules('strict', DEFAULT_LEVEL_PRESETS.strict)).map((line) => line.zh)).toEqual(['出示绿色健康码', '测量体温（37.3℃以下）', '全程佩戴口罩', '无发热、咳嗽等症状', '仅限预约办理', '候场区等候，分批入场']);
    expect(describeLevelRules(levelRules('normal', DEFAULT_LEVEL_PRESETS.normal)).map((line) => line.en)).toEqual(['No health checks at the door', 'Walk-ins welcome']);
  });

  it('[LV2] a door with no check to make is a greeter\'s desk; any one check makes it a screening door', () => {
    expect(isGreeterDoor(DEFAULT_LEVEL_PRESETS.normal.checks)).toBe(true);
    expect(isGreeterDoor(DEFAULT_LEVEL_PRESETS.elevated.checks)).toBe(false);
    expect(isGreeterDoor({ healthCodeCheck: false, temperatureCheck: false, maskCheck: true, symptomsCheck: false })).toBe(false);
  });

  it('[LV3] under a level that uses batches nobody walks in past the limit, and nobody overtakes the holding area (property)', () => {
    fc.assert(
      fc.property(mode, fc.integer({ min: 10, max: 100 }), fc.nat(50), fc.nat(20), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 3 }), (admission, share, inside, holding, capacity, size) => {
        const route = admissionRoute({ admission, batchAboveSharePercent: share }, { inside, holding, capacity }, size);
        if (admission === 'batches') expect(route).toBe('hold');
        if (admission === 'free') expect(route).toBe('admit');
        if (levelUsesBatches(admission) && route === 'admit') {
          expect(inside + size).toBeLessThanOrEqual(capacity);
          expect(inside + size).toBeLessThanOrEqual(Math.floor((capacity * share) / 100));
          expect(holding).toBe(0);
        }
      }),
    );
  });

  it('[LV5] the checks a level requires and a reading lacks are named by field; checks it does not make may be left out', () => {
    expect(missingChecks(DEFAULT_LEVEL_PRESETS.elevated.checks, [{ temperature: 36.5, mask: true }, { mask: false }])).toEqual(['body/people/1/temperature']);
    expect(missingChecks(DEFAULT_LEVEL_PRESETS.strict.checks, [{ temperature: 36.5, mask: true }])).toEqual(['body/people/0/healthCode', 'body/people/0/symptoms']);
    expect(missingChecks(DEFAULT_LEVEL_PRESETS.normal.checks, [{}])).toEqual([]);
  });

  it('[LV4][LV6] only a relaxing move releases the holding area: in holding order, whole parties, within the free places, stopping at the first that does not fit (property)', () => {
    const party = fc.record({ id: fc.uuid(), size: fc.integer({ min: 1, max: 3 }), slotStart: fc.constant(null), screenedAt: fc.date({ min: new Date('2026-11-25T01:00:00Z'), max: new Date('2026-11-25T08:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) });
    fc.assert(
      fc.property(level, level, fc.array(party, { maxLength: 8 }), fc.nat(10), (from, to, holding, free) => {
        const released = releaseOnChange(from, to, DEFAULT_LEVEL_PRESETS[to], holding, free);
        if (levelMove(from, to) !== 'relax') expect(released).toEqual([]);
        expect(released.reduce((sum, p) => sum + p.size, 0)).toBeLessThanOrEqual(free);
        const order = [...holding].sort((a, b) => a.screenedAt.localeCompare(b.screenedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(released.map((p) => p.id)).toEqual(order.slice(0, released.length).map((p) => p.id));
      }),
    );
    expect(levelMove('strict', 'normal')).toBe('relax');
    expect(levelMove('normal', 'elevated')).toBe('tighten');
  });

  it('[LV7][LV8] scheduled changes fall due in order; a future day is under the last change effective by its end, today under the level now', () => {
    const now = new Date('2026-11-25T02:00:00.000Z');
    const changes = [
      { hallId: 'h', toLevel: 'elevated' as const, effectiveAt: '2026-11-26T00:00:00.000Z', appliedAt: null },
      { hallId: 'h', toLevel: 'normal' as const, effectiveAt: '2026-11-25T01:00:00.000Z', appliedAt: null },
      { hallId: 'h', toLevel: 'strict' as const, effectiveAt: '2026-11-24T01:00:00.000Z', appliedAt: '2026-11-24T01:00:01.000Z' },
    ];
    expect(dueChanges(changes, now).map((c) => c.toLevel)).toEqual(['normal']);
    expect(levelAt('strict', changes, now, now)).toBe('strict');
    expect(levelAt('strict', changes, now, endOfLocalDay('2026-11-26', 'Asia/Shanghai'))).toBe('elevated');
    expect(endOfLocalDay('2026-11-26', 'Asia/Shanghai').toISOString()).toBe('2026-11-26T15:59:59.000Z');
  });

  it('[LV10] tightening 常态/加强 → 严格 marks a holding party for exactly the checks it was never given; relaxing back clears the mark; 严格 → 加强 marks nobody', () => {
    const strict = DEFAULT_LEVEL_PRESETS.strict.checks;
    const elevated = DEFAULT_LEVEL_PRESETS.elevated.checks;
    expect(checksToRecheck(strict, elevated)).toEqual(['healthCodeCheck', 'symptomsCheck']);
    expect(checksToRecheck(strict, NO_CHECKS)).toEqual(['healthCodeCheck', 'temperatureCheck', 'maskCheck', 'symptomsCheck']);
    expect(checksToRecheck(elevated, strict)).toEqual([]);
    const holding = [
      { id: 'screened-elevated', made: elevated, recheck: [] },
      { id: 'screened-strict', made: strict, recheck: [] },
      { id: 'greeted', made: NO_CHECKS, recheck: [] },
    ];
    expect(recheckMarks(strict, holding)).toEqual([
      { id: 'screened-elevated', recheck: ['healthCodeCheck', 'symptomsCheck'] },
      { id: 'greeted', recheck: ['healthCodeCheck', 'temperatureCheck', 'maskCheck', 'symptomsCheck'] },
    ]);
    // Relaxing to 加强: the party screened at 加强 needs nothing more; the greeted one still lacks temperature and mask.
    const marked = holding.map((party) => ({ ...party, recheck: checksToRecheck(strict, party.made) }));
    expect(recheckMarks(elevated, marked)).toEqual([
      { id: 'screened-elevated', recheck: [] },
      { id: 'greeted', recheck: ['temperatureCheck', 'maskCheck'] },
    ]);
    // Once re-checked for what was missing, nothing is missing any more.
    expect(checksToRecheck(strict, checksAfterRecheck(elevated, ['healthCodeCheck', 'symptomsCheck']))).toEqual([]);
    expect(checksOnly(['maskCheck'])).toEqual({ healthCodeCheck: false, temperatureCheck: false, maskCheck: true, symptomsCheck: false });
  });

  it('[LV10] for any checks made and any level: the mark is what the level requires and was not made; after the re-check the party passes every check the level requires; a mark is never set on a check made', () => {
    const checks = fc.record<LevelChecks>({ healthCodeCheck: fc.boolean(), temperatureCheck: fc.boolean(), maskCheck: fc.boolean(), symptomsCheck: fc.boolean() });
    fc.assert(
      fc.property(checks, checks, (required, made) => {
        const recheck = checksToRecheck(required, made);
        for (const name of CHECK_NAMES) expect(recheck.includes(name)).toBe(required[name] && !made[name]);
        const after = checksAfterRecheck(made, recheck);
        expect(CHECK_NAMES.every((name) => !required[name] || after[name])).toBe(true);
        expect(checksToRecheck(required, after)).toEqual([]);
        const [mark] = recheckMarks(required, [{ id: 'p', made, recheck: [] }]);
        expect(mark?.recheck ?? []).toEqual(recheck);
        expect(recheckMarks(required, [{ id: 'p', made, recheck }])).toEqual([]);
      }),
    );
  });
});
