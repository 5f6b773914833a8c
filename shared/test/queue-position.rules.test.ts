import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byPolicyOrder, canCallSpecific, normalSincePriorityAfter, pickNextTicket, ticketsAhead, type CallCandidate, type CallingPolicy, type QueueWindow } from '../src/domain/index.ts';

const NOW = new Date('2026-11-25T02:00:00.000Z');
let counter = 0;
/** A waiting ticket queued at 09:mm local time (01:mm UTC). */
function ticket(categoryId: string, minute: number, over: Partial<CallCandidate> = {}): CallCandidate {
  counter++;
  return {
    id: `t${counter}`,
    number: `${categoryId}${String(counter).padStart(3, '0')}`,
    categoryId,
    state: 'waiting',
    priority: false,
    queuedAt: `2026-11-25T01:${String(minute).padStart(2, '0')}:00.000Z`,
    slotStart: null,
    targetWindowId: null,
    ...over,
  };
}
const window = (number: number, categoryIds: string[], over: Partial<QueueWindow> = {}): QueueWindow => ({
  id: `w${number}`,
  number,
  state: 'open',
  categoryIds,
  normalSincePriority: 0,
  currentTicketId: null,
  ...over,
});

describe('people ahead of a waiting ticket', () => {
  it('[Q9] counts the later tickets of another category that its window calls first (the phone used to say 0)', () => {
    // Window 3 serves C first, then D (Q5): D001 came first but waits for the three C tickets.
    const mine = ticket('D', 0);
    const others = [ticket('C', 10), ticket('C', 11), ticket('C', 12)];
    expect(ticketsAhead({ windows: [window(3, ['C', 'D'])], tickets: [mine, ...others] }, mine.id, NOW)).toBe(3);
  });

  it('[Q9][Q3] priority tickets queued later come first, within the hall\'s ratio', () => {
    const earlier = ticket('A', 0);
    const mine = ticket('A', 1);
    const priority = [ticket('A', 20, { priority: true }), ticket('A', 21, { priority: true })];
    const tickets = [earlier, mine, ...priority];
    // A priority call is due: P, then the earlier normal ticket, then mine.
    expect(ticketsAhead({ windows: [window(1, ['A'], { normalSincePriority: 2 })], tickets }, mine.id, NOW)).toBe(2);
    // One normal call since the last priority one: N (earlier), P, then mine.
    expect(ticketsAhead({ windows: [window(1, ['A'], { normalSincePriority: 1 })], tickets }, mine.id, NOW)).toBe(2);
    // No priority due for two calls: the earlier ticket, then mine.
    expect(ticketsAhead({ windows: [window(1, ['A'], { normalSincePriority: 0 })], tickets }, mine.id, NOW)).toBe(1);
    // The hall lets a priority visitor in after every normal one (normalPerPriority 1): P, N, P, mine.
    expect(ticketsAhead({ windows: [window(1, ['A'], { normalSincePriority: 1 })], tickets }, mine.id, NOW, { normalPerPriority: 1 })).toBe(3);
  });

  it('[Q9][Q6] a ticket sent to another window is not ahead; one sent to this window is; a ticket sent to one window waits only for that window\'s calls', () => {
    const elsewhere = ticket('A', 0, { targetWindowId: 'w2' });
    const here = ticket('A', 1, { targetWindowId: 'w1' });
    const mine = ticket('A', 2);
    const windows = [window(1, ['A']), window(2, ['B'])];
    expect(ticketsAhead({ windows, tickets: [elsewhere, here, mine] }, mine.id, NOW)).toBe(1);

    // Sent to window 2: window 1 takes its share of the earlier A tickets, which are not ahead at window 2.
    const sent = ticket('A', 30, { targetWindowId: 'w2' });
    const queue = [ticket('A', 10), ticket('A', 11), ticket('A', 12), ticket('A', 13)];
    const both = [window(1, ['A']), window(2, ['A'])];
    expect(ticketsAhead({ windows: both, tickets: [...queue, sent] }, sent.id, NOW)).toBe(2);
  });

  it('[Q9][Q5] windows that share a queue: another window emptying it brings the overflow ticket forward', () => {
    const a = [ticket('A', 0), ticket('A', 1), ticket('A', 2), ticket('A', 3)];
    const mine = ticket('B', 4);
    // Window 2 serves B only after A; window 1 (A only) takes every other A ticket.
    const alone = [window(2, ['A', 'B'])];
    const shared = [window(1, ['A']), window(2, ['A', 'B'])];
    expect(ticketsAhead({ windows: alone, tickets: [...a, mine] }, mine.id, NOW)).toBe(4);
    expect(ticketsAhead({ windows: shared, tickets: [...a, mine] }, mine.id, NOW)).toBe(2);
    // A busy window takes its turn after the free ones.
    const busyFirst = [window(1, ['A'], { currentTicketId: 'x' }), window(2, ['A', 'B'])];
    expect(ticketsAhead({ windows: busyFirst, tickets: [...a, mine] }, mine.id, NOW)).toBe(2);
  });

  it('[Q9] with every window closed it counts as if they opened now; with none serving the queue, its earlier tickets; not waiting, nothing', () => {
    const normal = ticket('E', 0);
    const mine = ticket('E', 1);
    const priority = ticket('E', 40, { priority: true });
    const tickets = [normal, mine, priority];
    // A window opening serves a waiting priority visitor first (Q3): P, N, mine.
    expect(ticketsAhead({ windows: [window(5, ['E'], { state: 'closed', normalSincePriority: 0 })], tickets }, mine.id, NOW)).toBe(2);
    // A paused window counts as it stands.
    expect(ticketsAhead({ windows: [window(5, ['E'], { state: 'paused', normalSincePriority: 0 })], tickets }, mine.id, NOW)).toBe(1);
    expect(ticketsAhead({ windows: [window(1, ['A'])], tickets }, mine.id, NOW)).toBe(1);
    expect(ticketsAhead({ windows: [window(5, ['E'])], tickets: [{ ...mine, state: 'called' }] }, mine.id, NOW)).toBeNull();
    expect(ticketsAhead({ windows: [], tickets: [] }, 'nobody', NOW)).toBeNull();
  });

  it('[Q9] at one window the count is exactly the ticket\'s place in the order the window will call', () => {
    const arbitraryTicket = fc.record({
      categoryId: fc.constantFrom('A', 'B', 'C'),
      minute: fc.integer({ min: 0, max: 59 }),
      priority: fc.boolean(),
      slot: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryTicket, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }), (specs, since, ratio) => {
        const tickets = specs.map((s) =>
          ticket(s.categoryId, s.minute, { priority: s.priority, slotStart: s.slot === null ? null : new Date(Date.parse('2026-11-25T01:30:00.000Z') + s.slot * 60_000).toISOString() }),
        );
        const desk = window(1, ['B', 'A', 'C'], { normalSincePriority: since });
        // The real calling sequence: the window calls next until nobody waits.
        const order: string[] = [];
        let remaining = tickets;
        let counterNow = since;
        for (;;) {
          const next = pickNextTicket(remaining, { ...desk, normalSincePriority: counterNow }, NOW, { normalPerPriority: ratio });
          if (!next) break;
          order.push(next.id);
          counterNow = normalSincePriorityAfter(next, counterNow);
          remaining = remaining.filter((t) => t.id !== next.id);
        }
        for (const t of tickets) expect(ticketsAhead({ windows: [desk], tickets }, t.id, NOW, { normalPerPriority: ratio })).toBe(order.indexOf(t.id));
      }),
      { numRuns: 200 },
    );
  });

  it('[Q9] with several windows, priority, transfers and appointments, the count is the one a replay of every turn over the whole waiting list gives', () => {
    // The replay: what Q9 says, played the plain way (each turn sorts and picks over every ticket still waiting).
    const replay = (windows: QueueWindow[], tickets: CallCandidate[], target: CallCandidate, policy: CallingPolicy): number => {
      const mayCall = (w: QueueWindow) => canCallSpecific(target, w).ok;
      let remaining = tickets.filter((t) => t.state === 'waiting');
      if (!windows.some(mayCall)) return remaining.filter((t) => t.categoryId === target.categoryId && byPolicyOrder(NOW.toISOString())(t, target) < 0).length;
      const turns = windows.toSorted((a, b) => Number(a.currentTicketId !== null) - Number(b.currentTicketId !== null) || a.number - b.number).map((w) => ({ ...w }));
      let ahead = 0;
      for (;;) {
        let called = false;
        for (const turn of turns) {
          const next = pickNextTicket(remaining, turn, NOW, policy);
          if (!next) continue;
          if (next.id === target.id) return ahead;
          called = true;
          remaining = remaining.filter((t) => t.id !== next.id);
          turn.normalSincePriority = normalSincePriorityAfter(next, turn.normalSincePriority);
          if (mayCall(turn)) ahead++;
        }
        if (!called) return ahead;
      }
    };
    const arbitraryTicket = fc.record({
      categoryId: fc.constantFrom('A', 'B', 'C'),
      minute: fc.integer({ min: 0, max: 59 }),
      priority: fc.boolean(),
      slot: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
      target: fc.option(fc.constantFrom('w1', 'w2', 'w3'), { nil: null, freq: 4 }),
      state: fc.constantFrom('waiting', 'waiting', 'waiting', 'called'),
    });
    const arbitraryWindow = fc.record({
      categoryIds: fc.shuffledSubarray(['A', 'B', 'C'], { minLength: 1 }),
      state: fc.constantFrom('open', 'paused'),
      busy: fc.boolean(),
      since: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryTicket, { minLength: 1, maxLength: 40 }), fc.array(arbitraryWindow, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3 }), (specs, windowSpecs, ratio) => {
        const tickets = specs.map((s) =>
          ticket(s.categoryId, s.minute, {
            priority: s.priority,
            state: s.state as CallCandidate['state'],
            targetWindowId: s.target,
            slotStart: s.slot === null ? null : new Date(Date.parse('2026-11-25T01:30:00.000Z') + s.slot * 60_000).toISOString(),
          }),
        );
        const windows = windowSpecs.map((w, i) => window(i + 1, w.categoryIds, { state: w.state as QueueWindow['state'], currentTicketId: w.busy ? 'busy' : null, normalSincePriority: w.since }));
        const policy = { normalPerPriority: ratio };
        for (const t of tickets) {
          const expected = t.state === 'waiting' ? replay(windows, tickets, t, policy) : null;
          expect(ticketsAhead({ windows, tickets }, t.id, NOW, policy)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
