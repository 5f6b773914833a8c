import { describe, expect, it } from 'vitest';
import {
  applyPhoneEvent,
  applyPublicEvent,
  projectPhoneEnvelope,
  projectPublicEvent,
  projectPublicSnapshot,
  type HallEvent,
  type HallEventEnvelope,
  type PartyView,
} from '../src/domain/index.ts';
import { aPublicHall, aPublicWindow, aTicket, aWindow } from './support/views.ts';

const occupancy = { inside: 3, capacity: 10, holding: 2, level: 'normal' as const };
const party = (over: Partial<PartyView> = {}): PartyView => ({
  id: 'p1',
  hallId: 'h',
  displayName: '林*红',
  size: 1,
  state: 'denied',
  categoryId: 'c',
  appointmentCode: 'K7Q2M9XA',
  slotStart: '2026-11-25T02:30:00.000Z',
  screenedAt: '2026-11-25T02:00:00.000Z',
  batchNumber: null,
  ticketId: null,
  denialReasons: [{ code: 'HEALTH_CODE_RED', zh: '健康码为红码', en: 'Red health code' }],
  ...over,
});
const ticket = aTicket({ id: 't1', partyId: 'p2', priority: true, state: 'called', windowId: 'w1', calledAt: '2026-11-25T02:05:00.000Z', callCount: 1 });
const window = aWindow({ currentTicketId: 't1', clerkName: '王芳' });
const queues = [{ categoryId: 'c', waiting: 4, handlingMinutes: 8 }];

/** One of each staff event, carrying everything staff may see. */
const EVERY_EVENT: HallEvent[] = [
  { type: 'party.screened', party: party(), occupancy },
  { type: 'party.screened', party: party({ id: 'p2', state: 'holding', displayName: '王*绿', denialReasons: [] }), occupancy },
  { type: 'party.exited', party: party({ state: 'exited', denialReasons: [] }), occupancy },
  { type: 'batch.admitted', batch: { id: 'b1', hallId: 'h', number: 3, admittedAt: '2026-11-25T02:01:00.000Z', partyIds: ['p2'], people: 1 }, parties: [party({ id: 'p2', state: 'admitted' })], tickets: [ticket], occupancy, queues },
  { type: 'occupancy.corrected', occupancy },
  { type: 'batch.proposed', occupancy },
  { type: 'ticket.issued', ticket, queues },
  { type: 'ticket.called', ticket, window, queues },
  { type: 'ticket.recalled', ticket, window, queues },
  { type: 'ticket.service_started', ticket, window, queues },
  { type: 'ticket.completed', ticket: { ...ticket, state: 'done', finishedAt: '2026-11-25T02:09:00.000Z', rating: null }, window: { ...window, currentTicketId: null }, queues },
  { type: 'ticket.no_show', ticket, window: null, queues },
  { type: 'ticket.requeued', ticket: { ...ticket, state: 'waiting' }, queues },
  { type: 'ticket.transferred', ticket, window, queues },
  { type: 'ticket.held', ticket, window, queues },
  { type: 'ticket.rated', ticket: { ...ticket, rating: 1 }, queues },
  { type: 'window.updated', window },
  { type: 'hall.configured', hall: aPublicHall().hall, categories: [], windows: [window], queues },
  { type: 'appointments.changed', places: [{ categoryId: 'c', date: '2026-11-26', start: '10:00', free: 3 }] },
  { type: 'level.changed', hall: aPublicHall().hall, change: { id: 'lc1', fromLevel: 'normal', toLevel: 'strict', reason: '林某某确诊 本区收紧', by: 'supervisor-lin', at: '2026-11-25T02:00:00.000Z', effectiveAt: '2026-11-25T02:00:00.000Z', scope: 'hall', regionId: null }, parties: [party({ id: 'p2', state: 'holding', denialReasons: [], recheck: ['healthCodeCheck'] })] },
  { type: 'party.rechecked', parties: [party({ id: 'p2', state: 'holding', denialReasons: [] }), party({ id: 'p3', size: 1 })], occupancy },
];

const STAFF_ONLY = ['recheck', 'change', 'reason', 'by', 'displayName', 'appointmentCode', 'denialReasons', 'parties', 'partyId', 'priority', 'rating', 'slotStart', 'queuedAt', 'targetWindowId', 'normalSincePriority'];
const keys = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(keys) : value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]) : [];

describe('what each audience is sent (pure projections)', () => {
  it('[PV1] no public event carries a staff-only field, for every kind of staff event', () => {
    expect(new Set(EVERY_EVENT.map((e) => e.type)).size).toBe(20);
    for (const event of EVERY_EVENT) {
      const projected = projectPublicEvent(event);
      expect(keys(projected).filter((key) => STAFF_ONLY.includes(key)), event.type).toEqual([]);
      expect(JSON.stringify(projected)).not.toMatch(/林|健康码|K7Q2M9XA|Red health/);
    }
  });

  it('[PV1][PV4] a denial and a proposal reach screens as hidden; an admission to the holding area as occupancy only', () => {
    expect(projectPublicEvent(EVERY_EVENT[0]!)).toEqual({ type: 'hidden' });
    expect(projectPublicEvent({ type: 'batch.proposed', occupancy })).toEqual({ type: 'hidden' });
    expect(projectPublicEvent(EVERY_EVENT[1]!)).toEqual({ type: 'occupancy.changed', occupancy });
  });

  it('[PV1][LV10] a re-check reaches screens as the holding figures only; the parties marked by a level change stay with staff', () => {
    expect(projectPublicEvent(EVERY_EVENT.at(-1)!)).toEqual({ type: 'occupancy.changed', occupancy });
    expect(Object.keys(projectPublicEvent(EVERY_EVENT.at(-2)!))).toEqual(['type', 'hall']);
  });

  it('[PV2] a batch is public as its number, size and ticket numbers', () => {
    expect(projectPublicEvent(EVERY_EVENT[3]!)).toEqual({ type: 'batch.admitted', batch: { number: 3, admittedAt: '2026-11-25T02:01:00.000Z', people: 1, ticketNumbers: ['A001'] }, occupancy, queues });
  });

  it('[PV3] a phone gets its own ticket in full, only in the events that carry it', () => {
    const envelope = (event: HallEvent): HallEventEnvelope => ({ hallId: 'h', seq: 5, at: '2026-11-25T02:05:00.000Z', event });
    const called = envelope(EVERY_EVENT[7]!);
    expect(projectPhoneEnvelope(called, 't1').mine).toEqual(ticket);
    expect(projectPhoneEnvelope(called, 'someone-else').mine).toBeUndefined();
    expect(projectPhoneEnvelope(envelope(EVERY_EVENT[16]!), 't1').mine).toBeUndefined();
    // Applying it replaces the phone's ticket and leaves the public part as a screen has it.
    const phone = { ...aPublicHall({ windows: [aPublicWindow({})] }), mine: aTicket({ id: 't1' }) };
    const next = applyPhoneEvent(phone, projectPhoneEnvelope(called, 't1'));
    expect(next.mine.state).toBe('called');
    const { mine, ...publicPart } = next;
    expect(mine.id).toBe('t1');
    expect(publicPart).toEqual(applyPublicEvent(aPublicHall({ windows: [aPublicWindow({})] }), projectPhoneEnvelope(called, 't1')));
  });

  it('[PV4][PV5] a hidden event moves only the seq; a call is listed once per ticket, newest first; a requeue withdraws it', () => {
    const state = aPublicHall({ seq: 4, windows: [aPublicWindow({})] });
    const at = '2026-11-25T02:05:00.000Z';
    const hidden = applyPublicEvent(state, { hallId: 'h', seq: 5, at, event: { type: 'hidden' } });
    expect(hidden).toEqual({ ...state, seq: 5 });
    let next = applyPublicEvent(hidden, { hallId: 'h', seq: 6, at, event: projectPublicEvent(EVERY_EVENT[7]!) });
    next = applyPublicEvent(next, { hallId: 'h', seq: 7, at, event: projectPublicEvent(EVERY_EVENT[8]!) });
    expect(next.calls.map((c) => [c.ticketId, c.recall])).toEqual([['t1', true]]);
    expect(next.tickets.map((t) => t.id)).toEqual(['t1']);
    next = applyPublicEvent(next, { hallId: 'h', seq: 8, at, event: projectPublicEvent(EVERY_EVENT[12]!) });
    expect(next.calls[0]!.withdrawn).toBe(true);
  });

  it('[PV5] the public snapshot is built from bounded inputs: current tickets, recent calls, last finished per window', () => {
    const snapshot = projectPublicSnapshot({
      seq: 9,
      day: '2026-11-25',
      hall: aPublicHall().hall,
      categories: [],
      windows: [window],
      currentTickets: [ticket],
      recentCalls: [{ hallId: 'h', seq: 8, at: '2026-11-25T02:05:00.000Z', event: EVERY_EVENT[7]! }],
      waitingAgain: [],
      finished: [],
      queues,
      latestBatch: null,
      occupancy,
    });
    expect(snapshot.tickets.map((t) => t.number)).toEqual(['A001']);
    expect(snapshot.calls).toHaveLength(1);
    expect(keys(snapshot).filter((key) => STAFF_ONLY.includes(key))).toEqual([]);
  });
});
