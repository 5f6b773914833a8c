import { describe, expect, it } from 'vitest';
import { applyHallEvent, isCallEvent, type HallEventEnvelope } from '../src/domain/index.ts';
import { aHall, aTicket, aWindow } from './support/views.ts';

const window3 = aWindow({ id: 'w3', number: 3, clerkName: '王' });
const empty = aHall({ seq: 0, windows: [window3] });
const ticket = aTicket();
const envelope = (seq: number, event: HallEventEnvelope['event']): HallEventEnvelope => ({ hallId: 'h', seq, at: '2026-11-25T02:00:00.000Z', event });

describe('applying events to a snapshot', () => {
  it('[R3] an event replaces exactly the entities it carries and advances seq', () => {
    const issued = applyHallEvent(empty, envelope(1, { type: 'ticket.issued', ticket }));
    const calledTicket = { ...ticket, state: 'called' as const, windowId: 'w3', callCount: 1 };
    const calledWindow = { ...window3, currentTicketId: 't1' };
    const called = applyHallEvent(issued, envelope(2, { type: 'ticket.called', ticket: calledTicket, window: calledWindow }));
    expect(called.seq).toBe(2);
    expect(called.tickets).toEqual([calledTicket]);
    expect(called.windows).toEqual([calledWindow]);
    expect(issued.tickets).toEqual([ticket]); // the input is not modified
    expect(empty.tickets).toEqual([]);
  });

  it('[R3] occupancy and batches follow the events that carry them', () => {
    const occupancy = { inside: 2, capacity: 10, holding: 0, level: 'normal' as const };
    const batch = { id: 'b1', hallId: 'h', number: 1, admittedAt: '2026-11-25T02:00:00.000Z', partyIds: ['p1'], people: 2 };
    const next = applyHallEvent(empty, envelope(1, { type: 'batch.admitted', batch, parties: [], tickets: [ticket], occupancy }));
    expect(next.occupancy).toEqual(occupancy);
    expect(next.batches).toEqual([batch]);
    expect(next.tickets).toEqual([ticket]);
  });

  it('[R3] only calls and recalls are call events', () => {
    expect(isCallEvent({ type: 'ticket.called', ticket, window: window3 })).toBe(true);
    expect(isCallEvent({ type: 'ticket.recalled', ticket, window: window3 })).toBe(true);
    expect(isCallEvent({ type: 'ticket.issued', ticket })).toBe(false);
  });
});
