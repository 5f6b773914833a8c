/**
 * The three audiences of a hall's stream (PV1–PV4), as pure functions:
 * staff get every event as it was logged; public screens get
 * `projectPublicEvent`; a visitor's phone gets the public event plus its own
 * ticket (`projectPhoneEnvelope`). The server runs each projection once per
 * event and audience, never per connection.
 */
import type { HallEvent, HallEventEnvelope } from './events.ts';
import type { PublicEnvelope, PublicHallEvent } from './public-events.ts';
import { PUBLIC_CALLS_KEPT, type CallView, type FinishedView, type PhoneHallState, type PublicBatchView, type PublicHallState, type PublicTicketView, type PublicWindowView } from './public-views.ts';
import type { BatchView, CategoryView, HallInfo, OccupancyView, QueueView, TicketView, WindowView } from './types.ts';

export type Audience = 'staff' | 'public' | 'phone';

export function publicTicketView(ticket: TicketView): PublicTicketView {
  return {
    id: ticket.id,
    number: ticket.number,
    categoryId: ticket.categoryId,
    state: ticket.state,
    windowId: ticket.windowId,
    calledAt: ticket.calledAt,
    callCount: ticket.callCount,
    finishedAt: ticket.finishedAt,
    rated: ticket.rating !== null,
  };
}

export function publicWindowView(window: WindowView): PublicWindowView {
  return {
    id: window.id,
    number: window.number,
    categoryIds: window.categoryIds,
    state: window.state,
    currentTicketId: window.currentTicketId,
    clerkName: window.clerkName,
  };
}

/** PV2: a batch at the entrance is its number, its size and its ticket numbers (in holding order), never names. */
export function publicBatchView(batch: BatchView, tickets: readonly TicketView[]): PublicBatchView {
  return { number: batch.number, admittedAt: batch.admittedAt, people: batch.people, ticketNumbers: tickets.map((t) => t.number) };
}

/** PV1: the public form of one staff event; `hidden` when nothing in it is public. */
export function projectPublicEvent(event: HallEvent): PublicHallEvent {
  switch (event.type) {
    case 'party.screened':
      // A denied party changes nothing public; saying "occupancy changed" for it would tell that someone was turned away.
      return event.party.state === 'denied' ? { type: 'hidden' } : { type: 'occupancy.changed', occupancy: event.occupancy };
    // LV10: a re-check shows only as the holding figure it may change (PV1: never who, nor why).
    case 'party.rechecked':
    case 'party.exited':
    case 'occupancy.corrected':
      return { type: 'occupancy.changed', occupancy: event.occupancy };
    case 'batch.proposed':
      return { type: 'hidden' };
    case 'batch.admitted':
      return { type: 'batch.admitted', batch: publicBatchView(event.batch, event.tickets), occupancy: event.occupancy, queues: event.queues ?? [] };
    case 'ticket.issued':
    case 'ticket.requeued':
    case 'ticket.rated':
      return { type: event.type, ticket: publicTicketView(event.ticket), window: null, queues: event.queues ?? [] };
    case 'ticket.called':
    case 'ticket.recalled':
    case 'ticket.service_started':
    case 'ticket.completed':
    case 'ticket.held':
      return { type: event.type, ticket: publicTicketView(event.ticket), window: publicWindowView(event.window), queues: event.queues ?? [] };
    case 'ticket.no_show':
    case 'ticket.transferred':
      return { type: event.type, ticket: publicTicketView(event.ticket), window: event.window ? publicWindowView(event.window) : null, queues: event.queues ?? [] };
    case 'window.updated':
      return { type: 'window.updated', window: publicWindowView(event.window) };
    case 'hall.configured':
      return { type: 'hall.configured', hall: event.hall, categories: event.categories, windows: event.windows.map(publicWindowView), queues: event.queues ?? [] };
    case 'appointments.changed':
      return { type: 'appointments.changed', places: event.places };
    case 'level.changed':
      // Staff learn who changed the level and why; screens and phones only what is now in force.
      return { type: 'level.changed', hall: event.hall };
  }
}

export function projectPublicEnvelope(envelope: HallEventEnvelope): PublicEnvelope {
  return { hallId: envelope.hallId, seq: envelope.seq, at: envelope.at, event: projectPublicEvent(envelope.event) };
}

/** The tickets an event carries in full: whose phones get their own copy. */
export function ticketsOf(event: HallEvent): TicketView[] {
  if ('tickets' in event) return event.tickets;
  if ('ticket' in event) return [event.ticket];
  return [];
}

/** PV3: a phone's envelope: the public one, plus its own ticket when the event changed it. */
export function projectPhoneEnvelope(envelope: HallEventEnvelope, ticketId: string): PublicEnvelope {
  const projected = projectPublicEnvelope(envelope);
  const mine = ticketsOf(envelope.event).find((ticket) => ticket.id === ticketId);
  return mine ? { ...projected, mine } : projected;
}

/** A call (or recall) as the lobby lists it, from its public event. */
export function callViewOf(event: PublicHallEvent, at: string): CallView | null {
  if ((event.type !== 'ticket.called' && event.type !== 'ticket.recalled') || !event.window) return null;
  return {
    ticketId: event.ticket.id,
    number: event.ticket.number,
    windowId: event.window.id,
    windowNumber: event.window.number,
    at: event.ticket.calledAt ?? at,
    recall: event.type === 'ticket.recalled',
    withdrawn: false,
  };
}

/** A ticket back in a queue: its call, if listed, is withdrawn. */
export function withdrawCall(calls: readonly CallView[], ticketId: string): CallView[] {
  return calls.map((call) => (call.ticketId === ticketId && !call.withdrawn ? { ...call, withdrawn: true } : call));
}

/** Newest first, one entry per ticket, at most PUBLIC_CALLS_KEPT. */
export function withCall(calls: readonly CallView[], call: CallView): CallView[] {
  return [call, ...calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, PUBLIC_CALLS_KEPT);
}

export function finishedViewOf(ticket: TicketView | PublicTicketView): FinishedView | null {
  if (ticket.state !== 'done' || !ticket.windowId || !ticket.finishedAt) return null;
  return { windowId: ticket.windowId, ticketId: ticket.id, number: ticket.number, finishedAt: ticket.finishedAt, rated: 'rated' in ticket ? ticket.rated : ticket.rating !== null };
}

/** The tickets current at the windows, in window order: what the public state keeps of tickets. */
export function currentAtWindows(windows: readonly PublicWindowView[], candidates: readonly PublicTicketView[]): PublicTicketView[] {
  const byId = new Map(candidates.map((ticket) => [ticket.id, ticket]));
  return windows.flatMap((window) => {
    const ticket = window.currentTicketId ? byId.get(window.currentTicketId) : undefined;
    return ticket ? [ticket] : [];
  });
}

/** What the server reads (with staff views) to build a public snapshot; the projection strips it. */
export interface PublicSnapshotSource {
  seq: number;
  day: string;
  hall: HallInfo;
  categories: CategoryView[];
  windows: WindowView[];
  /** The tickets current at the windows. */
  currentTickets: TicketView[];
  /** The most recent call events, newest first (enough of them to find PUBLIC_CALLS_KEPT distinct tickets). */
  recentCalls: HallEventEnvelope[];
  /** Of the tickets those events called, the ones waiting again now: their calls were withdrawn. */
  waitingAgain: string[];
  /** Per window, its latest finished ticket. */
  finished: TicketView[];
  queues: QueueView[];
  latestBatch: { batch: BatchView; tickets: TicketView[] } | null;
  occupancy: OccupancyView;
}

/** PV1: the public snapshot, of constant size however long the day. */
export function projectPublicSnapshot(source: PublicSnapshotSource): PublicHallState {
  const windows = source.windows.map(publicWindowView);
  let calls: CallView[] = [];
  for (const envelope of [...source.recentCalls].reverse()) {
    const call = callViewOf(projectPublicEvent(envelope.event), envelope.at);
    if (call) calls = withCall(calls, call);
  }
  const finishedByWindow = new Map(source.finished.flatMap((ticket) => {
    const view = finishedViewOf(ticket);
    return view ? [[view.windowId, view] as const] : [];
  }));
  return {
    seq: source.seq,
    day: source.day,
    hall: source.hall,
    categories: source.categories,
    windows,
    tickets: currentAtWindows(windows, source.currentTickets.map(publicTicketView)),
    calls: calls.map((call) => (source.waitingAgain.includes(call.ticketId) ? { ...call, withdrawn: true } : call)),
    finished: windows.flatMap((window) => finishedByWindow.get(window.id) ?? []),
    queues: source.queues,
    latestBatch: source.latestBatch ? publicBatchView(source.latestBatch.batch, source.latestBatch.tickets) : null,
    occupancy: source.occupancy,
  };
}

/** PV3: a phone's snapshot: the public one and its own ticket. */
export function projectPhoneSnapshot(publicState: PublicHallState, mine: TicketView): PhoneHallState {
  return { ...publicState, mine };
}
