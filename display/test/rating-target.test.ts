import type { TicketView } from '@hallflow/shared';
import { aHall, aTicket, aWindow } from '../../shared/test/support/views.ts';
import { describe, expect, it } from 'vitest';
import { ratingTarget } from '../src/lib/rating-target';

const ticket = (over: Partial<TicketView>): TicketView =>
  aTicket({
    state: 'done',
    windowId: 'w3',
    calledAt: '2026-11-25T02:05:00.000Z',
    callCount: 1,
    serviceStartedAt: '2026-11-25T02:06:00.000Z',
    finishedAt: '2026-11-25T02:12:00.000Z',
    ...over,
  });
const hall = (tickets: TicketView[], currentTicketId: string | null = null, state: 'open' | 'paused' = 'open') =>
  aHall({ windows: [aWindow({ id: 'w3', number: 3, state, currentTicketId })], tickets });

describe("the window's rating pad", () => {
  it('[L10][F2] asks about the service that just ended at that window, until it is rated', () => {
    const earlier = ticket({ id: 't0', number: 'A000', finishedAt: '2026-11-25T02:04:00.000Z' });
    const done = ticket({});
    expect(ratingTarget(hall([earlier, done]), 3)?.number).toBe('A001');
    expect(ratingTarget(hall([earlier, done]), 4)).toBeNull(); // another window
    expect(ratingTarget(hall([ticket({ rating: 5 })]), 3)).toBeNull();
    expect(ratingTarget(hall([ticket({ state: 'no_show' })]), 3)).toBeNull();
  });

  it('[L10] gives way to the next call, to a pause, and to time: two minutes after the end, judged by the hall\'s newest event', () => {
    const next = ticket({ id: 't2', number: 'A002', state: 'called', finishedAt: null, serviceStartedAt: null, calledAt: '2026-11-25T02:13:00.000Z' });
    expect(ratingTarget(hall([ticket({}), next], 't2'), 3)).toBeNull();
    expect(ratingTarget(hall([ticket({})], null, 'paused'), 3)).toBeNull();
    const issuedLater = (minutes: number) => ticket({ id: 'x', windowId: null, state: 'waiting', finishedAt: null, calledAt: null, serviceStartedAt: null, issuedAt: new Date(Date.parse('2026-11-25T02:12:00.000Z') + minutes * 60_000).toISOString() });
    expect(ratingTarget(hall([ticket({}), issuedLater(1)]), 3)?.number).toBe('A001');
    expect(ratingTarget(hall([ticket({}), issuedLater(3)]), 3)).toBeNull();
  });
});
