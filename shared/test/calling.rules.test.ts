import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byPolicyOrder, canCallSpecific, normalSincePriorityAfter, pickFromOrdered, pickNextTicket, type CallCandidate } from '../src/domain/index.ts';

let counter = 0;
function ticket(over: Partial<CallCandidate> = {}): CallCandidate {
  counter++;
  return {
    id: `t${counter}`,
    number: `A${String(counter).padStart(3, '0')}`,
    categoryId: 'A',
    state: 'waiting',
    priority: false,
    queuedAt: `2026-11-25T01:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    slotStart: null,
    targetWindowId: null,
    ...over,
  };
}
const NOW = new Date('2026-11-25T02:00:00.000Z');
const window = (over: Partial<{ id: string; categoryIds: string[]; normalSincePriority: number }> = {}) => ({
  id: 'w1',
  categoryIds: ['A', 'B'],
  normalSincePriority: 2,
  ...over,
});

describe('the calling policy', () => {
  it('[Q1][Q2] first come, first served by queue time; a returned ticket keeps its original place', () => {
    const early = ticket({ queuedAt: '2026-11-25T01:00:00.000Z', number: 'A009' }); // requeued, issued early
    const later = ticket({ queuedAt: '2026-11-25T01:30:00.000Z', number: 'A002' });
    expect(pickNextTicket([later, early], window(), NOW)?.id).toBe(early.id);
  });

  it('[Q3] a priority ticket (绿色通道) is called before earlier normal tickets', () => {
    const normal = ticket({ queuedAt: '2026-11-25T01:00:00.000Z' });
    const priority = ticket({ queuedAt: '2026-11-25T01:50:00.000Z', priority: true });
    expect(pickNextTicket([normal, priority], window(), NOW)?.id).toBe(priority.id);
  });

  it('[Q3] with both kinds waiting, one priority after every two normal: P N N P N N', () => {
    const waiting = [
      ...Array.from({ length: 6 }, (_, i) => ticket({ queuedAt: `2026-11-25T01:0${i}:00.000Z` })),
      ...Array.from({ length: 6 }, (_, i) => ticket({ queuedAt: `2026-11-25T01:1${i}:00.000Z`, priority: true })),
    ];
    let since = 2;
    const sequence: string[] = [];
    for (let i = 0; i < 6; i++) {
      const next = pickNextTicket(waiting, window({ normalSincePriority: since }), NOW)!;
      sequence.push(next.priority ? 'P' : 'N');
      next.state = 'called';
      since = normalSincePriorityAfter(next, since);
    }
    expect(sequence.join(' ')).toBe('P N N P N N');
  });

  it('[Q3] a priority ticket is never held back when no normal ticket waits', () => {
    const priority = ticket({ priority: true });
    expect(pickNextTicket([priority], window({ normalSincePriority: 0 }), NOW)?.id).toBe(priority.id);
  });

  it('[Q4] a due appointment comes before visitors without one, and those before appointments not yet due', () => {
    const notDue = ticket({ queuedAt: '2026-11-25T01:00:00.000Z', slotStart: '2026-11-25T02:30:00.000Z' });
    const walkIn = ticket({ queuedAt: '2026-11-25T01:10:00.000Z' });
    const due = ticket({ queuedAt: '2026-11-25T01:20:00.000Z', slotStart: '2026-11-25T02:00:00.000Z' });
    const order: string[] = [];
    const pool = [notDue, walkIn, due];
    for (let i = 0; i < 3; i++) {
      const next = pickNextTicket(pool, window(), NOW)!;
      order.push(next.id);
      next.state = 'called';
    }
    expect(order).toEqual([due.id, walkIn.id, notDue.id]);
  });

  it('[Q5] a window serves its first category with anyone waiting; later categories are overflow', () => {
    const b = ticket({ categoryId: 'B', queuedAt: '2026-11-25T00:00:00.000Z' });
    const a = ticket({ categoryId: 'A', queuedAt: '2026-11-25T01:00:00.000Z' });
    expect(pickNextTicket([b, a], window(), NOW)?.id).toBe(a.id);
    expect(pickNextTicket([b], window(), NOW)?.id).toBe(b.id);
    expect(pickNextTicket([ticket({ categoryId: 'C' })], window(), NOW)).toBeNull();
  });

  it('[Q6] a ticket transferred to one window is called only there', () => {
    const targeted = ticket({ targetWindowId: 'w2' });
    expect(pickNextTicket([targeted], window({ id: 'w1' }), NOW)).toBeNull();
    expect(pickNextTicket([targeted], window({ id: 'w2' }), NOW)?.id).toBe(targeted.id);
  });

  it('[Q7] calling a specific ticket needs it waiting, in a served category and not sent to another window', () => {
    expect(canCallSpecific(ticket(), window())).toEqual({ ok: true });
    expect(canCallSpecific(ticket({ state: 'called' }), window()).ok).toBe(false);
    expect(canCallSpecific(ticket({ categoryId: 'Z' }), window()).ok).toBe(false);
    expect(canCallSpecific(ticket({ targetWindowId: 'w9' }), window()).ok).toBe(false);
  });

  it('[Q1][Q3] property: never a non-waiting ticket or an unserved category, and neither kind waits beyond the ratio', () => {
    const arbitraryTicket = fc.record({
      categoryId: fc.constantFrom('A', 'B', 'C'),
      state: fc.constantFrom('waiting', 'waiting', 'waiting', 'called', 'done'),
      priority: fc.boolean(),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryTicket, { maxLength: 30 }), fc.integer({ min: 0, max: 4 }), (specs, ratio) => {
        const pool = specs.map((s, i) =>
          ticket({ id: `p${i}`, categoryId: s.categoryId, state: s.state as CallCandidate['state'], priority: s.priority, queuedAt: `2026-11-25T01:${String(s.minute).padStart(2, '0')}:00.000Z` }),
        );
        let since = ratio;
        let normalsInARowWithPriorityWaiting = 0;
        for (;;) {
          const prioritiesWaiting = pool.some((t) => t.state === 'waiting' && t.priority && ['A', 'B'].includes(t.categoryId));
          const next = pickNextTicket(pool, window({ normalSincePriority: since }), NOW, { normalPerPriority: ratio });
          if (!next) break;
          expect(next.state).toBe('waiting');
          expect(['A', 'B']).toContain(next.categoryId);
          if (!next.priority && prioritiesWaiting) normalsInARowWithPriorityWaiting++;
          else normalsInARowWithPriorityWaiting = 0;
          expect(normalsInARowWithPriorityWaiting).toBeLessThanOrEqual(ratio);
          since = normalSincePriorityAfter(next, since);
          next.state = 'called';
        }
        expect(pool.filter((t) => t.state === 'waiting' && ['A', 'B'].includes(t.categoryId))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('[Q3][Q4][Q5][Q6] property: the one-pass pick over the calling order chooses what the rules as written choose', () => {
    // The rules as written: the window's callable tickets; priority ones in the calling order; the first of
    // the window's categories with a callable normal ticket, in the calling order; then the ratio.
    const asWritten = (candidates: CallCandidate[], w: ReturnType<typeof window>, ratio: number) => {
      const order = byPolicyOrder(NOW.toISOString());
      const callable = candidates.filter((t) => t.state === 'waiting' && w.categoryIds.includes(t.categoryId) && (t.targetWindowId === null || t.targetWindowId === w.id));
      const priority = callable.filter((t) => t.priority).sort(order);
      const normal = w.categoryIds.map((c) => callable.filter((t) => !t.priority && t.categoryId === c).sort(order)).find((list) => list.length > 0) ?? [];
      if (priority[0] && (w.normalSincePriority >= ratio || normal.length === 0)) return priority[0];
      return normal[0] ?? priority[0] ?? null;
    };
    const arbitraryTicket = fc.record({
      categoryId: fc.constantFrom('A', 'B', 'C'),
      state: fc.constantFrom('waiting', 'waiting', 'waiting', 'called'),
      priority: fc.boolean(),
      minute: fc.integer({ min: 0, max: 5 }),
      slot: fc.constantFrom(null, '2026-11-25T01:30:00.000Z', '2026-11-25T02:30:00.000Z'),
      target: fc.constantFrom(null, null, 'w1', 'w2'),
    });
    fc.assert(
      fc.property(fc.array(arbitraryTicket, { maxLength: 40 }), fc.shuffledSubarray(['A', 'B', 'C'], { minLength: 1 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }), (specs, categoryIds, since, ratio) => {
        const pool = specs.map((s, i) =>
          ticket({ id: `o${i}`, number: `X${String(i).padStart(3, '0')}`, categoryId: s.categoryId, state: s.state as CallCandidate['state'], priority: s.priority, queuedAt: `2026-11-25T01:0${s.minute}:00.000Z`, slotStart: s.slot, targetWindowId: s.target }),
        );
        const w = window({ categoryIds, normalSincePriority: since });
        const ordered = pool.toSorted(byPolicyOrder(NOW.toISOString()));
        const expected = asWritten(pool, w, ratio)?.id ?? null;
        expect(pickFromOrdered(ordered, w, { normalPerPriority: ratio })?.id ?? null).toBe(expected);
        expect(pickNextTicket(pool, w, NOW, { normalPerPriority: ratio })?.id ?? null).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
