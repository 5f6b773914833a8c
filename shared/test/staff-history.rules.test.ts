import { describe, expect, it } from 'vitest';
import {
  applyHallEvent,
  boundStaffHistory,
  STAFF_RECENT_BATCHES,
  STAFF_RECENT_FINISHED_TICKETS,
  type HallEventEnvelope,
  type HallSnapshot,
  type TicketView,
} from '../src/domain/index.ts';
import { prng } from './support/simulated-day.ts';
import { aHall, aTicket } from './support/views.ts';

const minute = (n: number) => new Date(Date.UTC(2026, 10, 25, 1, 0) + n * 60_000).toISOString();
const done = (n: number): TicketView => aTicket({ id: `t${String(n).padStart(4, '0')}`, number: `A${n}`, state: 'done', windowId: 'w1', issuedAt: minute(n), finishedAt: minute(n + 30) });
const envelope = (seq: number, event: HallEventEnvelope['event']): HallEventEnvelope => ({ hallId: 'h', seq, at: minute(seq), event });

describe('R9: the staff snapshot carries live work and recent history', () => {
  it('[R9] keeps every ticket still in play and only the latest finished ones, in their order', () => {
    const finished = Array.from({ length: 150 }, (_, n) => done(n));
    const live = [aTicket({ id: 'live-w', state: 'waiting' }), aTicket({ id: 'live-n', state: 'no_show', finishedAt: minute(1) }), aTicket({ id: 'live-h', state: 'held' })];
    const state = aHall({ tickets: [...finished.slice(0, 75), ...live, ...finished.slice(75)] });
    const bounded = boundStaffHistory(state);
    expect(bounded.tickets.filter((t) => t.state === 'done')).toHaveLength(STAFF_RECENT_FINISHED_TICKETS);
    expect(bounded.tickets.filter((t) => t.state === 'done').map((t) => t.id)).toEqual(finished.slice(50).map((t) => t.id));
    expect(bounded.tickets.filter((t) => t.id.startsWith('live-')).map((t) => t.id)).toEqual(['live-w', 'live-n', 'live-h']);
    // Idempotent, and a small day is returned untouched.
    expect(boundStaffHistory(bounded)).toEqual(bounded);
    const small = aHall({ tickets: finished.slice(0, 10) });
    expect(boundStaffHistory(small)).toBe(small);
  });

  it('[R9] keeps the latest batches by number', () => {
    const batches = Array.from({ length: 30 }, (_, n) => ({ id: `b${n}`, hallId: 'h', number: n + 1, admittedAt: minute(n), partyIds: [], people: 1 }));
    const bounded = boundStaffHistory(aHall({ batches }));
    expect(bounded.batches.map((b) => b.number)).toEqual(batches.slice(30 - STAFF_RECENT_BATCHES).map((b) => b.number));
  });

  it('[R9][R3] replaying events on a bounded snapshot gives the bound of the whole day, whatever the order the client holds', () => {
    const random = prng(9);
    let whole: HallSnapshot = aHall({ seq: 0 });
    let client: HallSnapshot = whole;
    let next = 0;
    for (let seq = 1; seq <= 600; seq++) {
      // Mostly new tickets finishing; sometimes a rating of an old, long-dropped one, which must not come back.
      const pick = random();
      const ticket =
        pick < 0.15 && next > 0
          ? { ...done(Math.floor(random() * next)), rating: 5 }
          : pick < 0.3
            ? aTicket({ id: `w${seq}`, state: 'waiting', issuedAt: minute(seq) })
            : done(next++);
      const event = envelope(seq, ticket.rating ? { type: 'ticket.rated', ticket, queues: [] } : { type: 'ticket.completed', ticket, window: { id: 'w1', hallId: 'h', number: 1, categoryIds: ['c'], state: 'open', currentTicketId: null, normalSincePriority: 0, clerkName: null } });
      whole = { ...whole, seq, tickets: [...whole.tickets.filter((t) => t.id !== ticket.id), ticket].toSorted((a, b) => a.issuedAt.localeCompare(b.issuedAt)), windows: [] };
      client = { ...applyHallEvent(client, event), windows: [] };
      const expected = boundStaffHistory(whole);
      expect(new Set(client.tickets.map((t) => t.id))).toEqual(new Set(expected.tickets.map((t) => t.id)));
      expect(client.tickets.filter((t) => t.state === 'done').length).toBeLessThanOrEqual(STAFF_RECENT_FINISHED_TICKETS);
    }
  });
});
