import type { HallSnapshot, PublicHallState, PublicTicketView, PublicWindowView, TicketView, WindowView } from '../../src/domain/index.ts';

/**
 * Views for tests of the clients (shared, display): a plain hall "h" with a
 * queue "c". Each builder takes only what a test is about; the rest is a
 * waiting ticket A001, an open window 1 and an empty hall.
 */
export const aTicket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  hallId: 'h',
  number: 'A001',
  categoryId: 'c',
  state: 'waiting',
  priority: false,
  windowId: null,
  partyId: null,
  partySize: 1,
  queuedAt: '2026-11-25T02:00:00.000Z',
  slotStart: null,
  targetWindowId: null,
  issuedAt: '2026-11-25T02:00:00.000Z',
  calledAt: null,
  callCount: 0,
  serviceStartedAt: null,
  finishedAt: null,
  rating: null,
  ...over,
});

export const aWindow = (over: Partial<WindowView> = {}): WindowView => ({
  id: 'w1',
  hallId: 'h',
  number: 1,
  categoryIds: ['c'],
  state: 'open',
  currentTicketId: null,
  normalSincePriority: 0,
  clerkName: null,
  ...over,
});

export const aHall = (over: Partial<HallSnapshot> = {}): HallSnapshot => ({
  seq: 1,
  day: '2026-11-25',
  hall: { id: 'h', name: '大厅', nameEn: 'Hall', timezone: 'Asia/Shanghai', capacity: 10, holdingCapacity: 5, batchSize: 3 },
  categories: [],
  windows: [],
  tickets: [],
  parties: [],
  batches: [],
  occupancy: { inside: 0, capacity: 10, holding: 0, level: 'normal' },
  queues: [],
  ...over,
});

/** The public audience's views (PV1): hall "h", window 1, no calls. */
export const aPublicTicket = (over: Partial<PublicTicketView> = {}): PublicTicketView => ({
  id: 't1',
  number: 'A001',
  categoryId: 'c',
  state: 'waiting',
  windowId: null,
  calledAt: null,
  callCount: 0,
  finishedAt: null,
  rated: false,
  ...over,
});

export const aPublicWindow = (over: Partial<PublicWindowView> = {}): PublicWindowView => ({
  id: 'w1',
  number: 1,
  categoryIds: ['c'],
  state: 'open',
  currentTicketId: null,
  clerkName: null,
  ...over,
});

export const aPublicHall = (over: Partial<PublicHallState> = {}): PublicHallState => ({
  seq: 1,
  day: '2026-11-25',
  hall: { id: 'h', name: '大厅', nameEn: 'Hall', timezone: 'Asia/Shanghai', capacity: 10, holdingCapacity: 5, batchSize: 3 },
  categories: [],
  windows: [],
  tickets: [],
  calls: [],
  finished: [],
  queues: [],
  latestBatch: null,
  occupancy: { inside: 0, capacity: 10, holding: 0, level: 'normal' },
  ...over,
});
