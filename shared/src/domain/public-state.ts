import { callViewOf, currentAtWindows, finishedViewOf, withCall, withdrawCall } from './audience.projections.ts';
import { localClock } from './hours.rules.ts';
import type { PublicEnvelope } from './public-events.ts';
import type { FinishedView, PhoneHallState, PublicHallState, PublicTicketView, PublicWindowView } from './public-views.ts';
import type { QueueView } from './types.ts';

function upsertBy<T, K>(list: readonly T[], items: readonly T[], key: (item: T) => K): T[] {
  if (items.length === 0) return [...list];
  const byKey = new Map(items.map((item) => [key(item), item]));
  const next = list.map((existing) => {
    const replacement = byKey.get(key(existing));
    if (replacement !== undefined) byKey.delete(key(existing));
    return replacement ?? existing;
  });
  return [...next, ...byKey.values()];
}

const byId = <T extends { id: string }>(item: T) => item.id;
const byCategory = (queue: QueueView) => queue.categoryId;

/** The finished services in window order, with one window's latest replaced. */
function withFinished(windows: readonly PublicWindowView[], finished: readonly FinishedView[], latest: FinishedView | null): FinishedView[] {
  const byWindow = new Map(finished.map((entry) => [entry.windowId, entry]));
  if (latest) byWindow.set(latest.windowId, latest);
  return windows.flatMap((window) => byWindow.get(window.id) ?? []);
}

/**
 * PV4, R3: applies one public event to a public state (screens and phones).
 * Like the staff reducer it is pure, and a state built by applying the
 * public projections of the log equals the server's public snapshot.
 */
export function applyPublicEvent<S extends PublicHallState>(state: S, envelope: PublicEnvelope): S {
  const { event } = envelope;
  const next: S = { ...state, seq: envelope.seq, day: localClock(new Date(envelope.at), state.hall.timezone).date };
  switch (event.type) {
    case 'hidden':
    case 'appointments.changed':
      return next;
    case 'occupancy.changed':
      return { ...next, occupancy: event.occupancy };
    case 'level.changed':
      return { ...next, hall: event.hall };
    case 'batch.admitted':
      return { ...next, latestBatch: event.batch, occupancy: event.occupancy, queues: upsertBy(state.queues, event.queues, byCategory) };
    case 'window.updated': {
      const windows = upsertBy(state.windows, [event.window], byId);
      return { ...next, windows, tickets: currentAtWindows(windows, state.tickets) };
    }
    case 'hall.configured':
      return {
        ...next,
        hall: event.hall,
        categories: event.categories,
        windows: event.windows,
        tickets: currentAtWindows(event.windows, state.tickets),
        finished: withFinished(event.windows, state.finished, null),
        // A reconfiguration carries every queue, in the hall's order.
        queues: event.queues,
      };
    default: {
      const windows = event.window ? upsertBy(state.windows, [event.window], byId) : state.windows;
      const candidates: PublicTicketView[] = upsertBy(state.tickets, [event.ticket], byId);
      const call = callViewOf(event, envelope.at);
      let finished = state.finished;
      if (event.type === 'ticket.completed') finished = withFinished(windows, state.finished, finishedViewOf(event.ticket));
      if (event.type === 'ticket.rated') finished = state.finished.map((entry) => (entry.ticketId === event.ticket.id ? { ...entry, rated: event.ticket.rated } : entry));
      return {
        ...next,
        windows,
        tickets: currentAtWindows(windows, candidates),
        calls: call ? withCall(state.calls, call) : event.ticket.state === 'waiting' ? withdrawCall(state.calls, event.ticket.id) : state.calls,
        finished,
        queues: upsertBy(state.queues, event.queues, byCategory),
      };
    }
  }
}

/** PV3: a phone applies the public event, and replaces its own ticket when the envelope carries it. */
export function applyPhoneEvent(state: PhoneHallState, envelope: PublicEnvelope): PhoneHallState {
  const next = applyPublicEvent(state, envelope);
  return envelope.mine ? { ...next, mine: envelope.mine } : next;
}
