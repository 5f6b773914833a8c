import { describe, expect, it } from 'vitest';
import { checkDateRange, doorFigures, histogram, occupancyPerHour, percentile, serviceSegments, spread, type LoggedEvent } from '../src/domain/report.rules.ts';
import { groupCases, measureCase, workingDaysBetween, type Visit } from '../src/domain/four-reductions.rules.ts';
import type { HallEvent } from '../src/domain/events.ts';

const ticket = (id: string) => ({ id }) as never;
const window = (id: string, number: number) => ({ id, number, clerkName: `clerk ${number}` }) as never;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 2, minute)).toISOString();
const log = (minute: number, event: object): LoggedEvent => ({ hallId: 'h', at: at(minute), event: event as HallEvent });

describe('report rules', () => {
  it('[RP2] nearest-rank median and p90, and the wait distribution', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.9)).toBe(4);
    expect(spread([4, 4, 14, 30, 34])).toEqual({ count: 5, mean: 17.2, median: 14, p90: 34 });
    expect(spread([])).toEqual({ count: 0, mean: null, median: null, p90: null });
    expect(histogram([0, 4.9, 5, 61], [0, 5, 60])).toEqual([{ from: 0, to: 5, count: 2 }, { from: 5, to: 60, count: 1 }, { from: 60, to: null, count: 1 }]);
  });

  it('[RP1][MV3] the door counts people, reasons of those turned away, fevers, rechecks and people checked by hand', () => {
    const figures = doorFigures([
      { admitted: true, people: 2, readings: [{ healthCodeSource: 'staff_observed' }, { temperatureRecheck: 36.8, healthCodeSource: 'manual_check' }], reasons: [] },
      { admitted: false, people: 1, readings: null, reasons: [{ code: 'FEVER' }, { code: 'NO_MASK' }] },
    ]);
    expect(figures).toEqual({ screenedPeople: 3, admittedPeople: 2, deniedPeople: 1, deniedByReason: [{ code: 'FEVER', count: 1 }, { code: 'NO_MASK', count: 1 }], fevers: 1, rechecks: 1, manualVerifications: 1 });
  });

  it('[RP3] a segment runs from the start (or call) to completion, hand-on or hold; a no-show is none; a resumed case opens another', () => {
    const segments = serviceSegments([
      log(0, { type: 'ticket.called', ticket: ticket('a'), window: window('w1', 1) }),
      log(2, { type: 'ticket.service_started', ticket: ticket('a'), window: window('w1', 1) }),
      log(5, { type: 'ticket.held', ticket: ticket('a'), window: window('w1', 1) }),
      log(9, { type: 'ticket.service_started', ticket: ticket('a'), window: window('w1', 1) }),
      log(10, { type: 'ticket.transferred', ticket: ticket('a'), window: window('w1', 1) }),
      log(11, { type: 'ticket.called', ticket: ticket('b'), window: window('w2', 2) }),
      log(12, { type: 'ticket.no_show', ticket: ticket('b'), window: window('w2', 2) }),
      log(12, { type: 'ticket.called', ticket: ticket('a'), window: window('w2', 2) }),
      log(20, { type: 'ticket.completed', ticket: ticket('a'), window: window('w2', 2) }),
    ]);
    expect(segments.map((s) => [s.ticketId, s.windowNumber, s.start, s.end, s.outcome])).toEqual([
      ['a', 1, at(2), at(5), 'held'],
      ['a', 1, at(9), at(10), 'transferred'],
      ['a', 2, at(12), at(20), 'completed'],
    ]);
  });

  it('[RP4] occupancy per hour carries the count into later hours, and adds the halls of a city', () => {
    const tz = 'Asia/Shanghai';
    const rows = occupancyPerHour([
      { hallId: 'a', at: '2026-11-25T01:30:00.000Z', inside: 10, capacity: 50, timezone: tz },
      { hallId: 'b', at: '2026-11-25T01:40:00.000Z', inside: 5, capacity: 20, timezone: tz },
      { hallId: 'a', at: '2026-11-25T04:10:00.000Z', inside: 3, capacity: 50, timezone: tz },
    ]);
    expect(rows.slice(9, 13)).toEqual([
      { hour: 9, peak: 15, limit: 70 },
      { hour: 10, peak: 15, limit: 70 },
      { hour: 11, peak: 15, limit: 70 },
      { hour: 12, peak: 15, limit: 70 },
    ]);
    expect(rows[13]).toEqual({ hour: 13, peak: 0, limit: 0 }); // nothing reported after 12:10
  });

  it('[RP6] a range runs forward and covers at most 366 days', () => {
    expect(checkDateRange('2026-11-25', '2026-11-25')).toEqual({ ok: true, days: 1 });
    expect(checkDateRange('2026-11-25', '2026-11-24').ok).toBe(false);
    expect(checkDateRange('2025-01-01', '2026-01-02').ok).toBe(false);
    expect(checkDateRange('2025-01-01', '2026-01-01')).toEqual({ ok: true, days: 366 });
  });
});

const visit = (over: Partial<Visit>): Visit => ({
  ticketId: 't',
  day: '2026-11-27',
  arrivedAt: '2026-11-27T02:00:00.000Z',
  finishedAt: '2026-11-27T03:00:00.000Z',
  state: 'done',
  caseNumber: null,
  appointmentCode: null,
  bundleId: null,
  itemIds: ['i'],
  windowIds: ['w1'],
  ...over,
});

describe('four reductions rules', () => {
  it('[FR1] visits sharing a case number or an appointment are one case, transitively', () => {
    const cases = groupCases([
      visit({ ticketId: '1', caseNumber: 'X', arrivedAt: 'a' }),
      visit({ ticketId: '2', caseNumber: 'X', appointmentCode: 'P', arrivedAt: 'b' }),
      visit({ ticketId: '3', appointmentCode: 'P', arrivedAt: 'c' }),
      visit({ ticketId: '4', arrivedAt: 'd' }),
    ]);
    expect(cases.map((c) => c.map((v) => v.ticketId))).toEqual([['1', '2', '3'], ['4']]);
  });

  it('[FR2] merged materials, windows, working days (a weekend closed) and trips of a case', () => {
    const weekdays = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    expect(workingDaysBetween('2026-11-27', '2026-11-30', weekdays)).toBe(2); // Friday … Monday
    expect(workingDaysBetween('2026-11-28', '2026-11-28', weekdays)).toBe(1);
    const catalogue = {
      items: [{ id: 'i', materials: ['ID', 'form'], before: null }, { id: 'j', materials: ['ID', 'photo'], before: null }],
      bundles: [{ id: 'b', itemIds: ['i', 'j'], before: { materials: 9, steps: 3, days: 10, trips: 4 } }],
    };
    const measure = measureCase(
      [visit({ bundleId: 'b', windowIds: ['w1'] }), visit({ bundleId: 'b', day: '2026-11-30', windowIds: ['w1', 'w2'] })],
      catalogue,
      weekdays,
    );
    expect(measure).toEqual({ subject: { kind: 'bundle', id: 'b' }, materials: 3, materialsSum: 4, windows: 2, days: 2, trips: 2, completedDay: '2026-11-30' });
    expect(measureCase([visit({ state: 'waiting', finishedAt: null })], catalogue, weekdays)).toBeNull();
    expect(measureCase([visit({ itemIds: ['i', 'j'] })], catalogue, weekdays)).toBeNull();
  });
});
