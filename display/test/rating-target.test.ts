import type { HallSnapshot, TicketView } from '@hallflow/shared';
import { describe, expect, it } from 'vitest';
import { ratingTarget } from '../src/lib/rating-target';

const ticket = (over: Partial<TicketView>): TicketView => ({
  id: 't1',
  hallId: 'h',
  number: 'A001',
  categoryId: 'c',
  state: 'done',
  priority: false,
  windowId: 'w3',
  partyId: null,
  partySize: 1,
  queuedAt: '2026-11-25T02:00:00.000Z',
  slotStart: null,
  targetWindowId: null,
  issuedAt: '2026-11-25T02:00:00.000Z',
  calledAt: '2026-11-25T02:05:00.000Z',
  callCount: 1,
  serviceStartedAt: '2026-11-25T02:06:00.000Z',
  finishedAt: '2026-11-25T02:12:00.000Z',
  rating: null,
  ...over,
});
const hall = (tickets: TicketView[], currentTicketId: string | null = null, state: 'open' | 'paused' = 'open'): HallSnapshot => ({
  seq: 1,
  day: '2026-11-25',
  hall: { id: 'h', name: '大厅', nameEn: 'Hall', timezone: 'Asia/Shanghai', capacity: 10, holdingCapacity: 5, batchSize: 3 },
  categories: [],
  windows: [{ id: 'w3', hallId: 'h', number: 3, categoryIds: ['c'], state, currentTicketId, normalSincePriority: 0, clerkName: null }],
  tickets,
  parties: [],
  batches: [],
  occupancy: { inside: 0, capacity: 10, holding: 0, level: 'normal' },
});

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
