import type { HallEvent, HallEventEnvelope } from './events.ts';
import { boundStaffHistory } from './staff-history.rules.ts';
import type { HallSnapshot } from './types.ts';

function upsert<T extends { id: string }>(list: T[], items: readonly T[]): T[] {
  if (items.length === 0) return list;
  const byId = new Map(items.map((item) => [item.id, item]));
  const next = list.map((existing) => {
    const replacement = byId.get(existing.id);
    if (replacement) byId.delete(existing.id);
    return replacement ?? existing;
  });
  return byId.size === 0 ? next : [...next, ...byId.values()];
}

function entitiesOf(event: HallEvent) {
  const tickets = 'tickets' in event ? event.tickets : 'ticket' in event ? [event.ticket] : [];
  const windows =
    'windows' in event ? event.windows : 'window' in event && event.window ? [event.window] : [];
  const parties = 'parties' in event ? (event.parties ?? []) : 'party' in event && event.party ? [event.party] : [];
  return { tickets, windows, parties };
}

/**
 * Applies one event to a snapshot and returns the new snapshot (the input is
 * not modified). Pure: clients and server tests use the same function, so a
 * client that replays the log ends in exactly the server's state (rule R3),
 * bounded to its live part and recent history like the server's (R9).
 */
export function applyHallEvent(state: HallSnapshot, envelope: HallEventEnvelope): HallSnapshot {
  const { event } = envelope;
  const { tickets, windows, parties } = entitiesOf(event);
  const next: HallSnapshot = {
    ...state,
    seq: envelope.seq,
    tickets: upsert(state.tickets, tickets),
    windows: upsert(state.windows, windows),
    parties: upsert(state.parties, parties),
  };
  if ('occupancy' in event) next.occupancy = event.occupancy;
  if ('queues' in event && event.queues) {
    const queues = new Map(event.queues.map((queue) => [queue.categoryId, queue]));
    next.queues = [...state.queues.map((queue) => queues.get(queue.categoryId) ?? queue), ...event.queues.filter((queue) => !state.queues.some((q) => q.categoryId === queue.categoryId))];
  }
  if (event.type === 'level.changed') next.hall = event.hall;
  if (event.type === 'batch.admitted') next.batches = upsert(state.batches, [event.batch]);
  if (event.type === 'hall.configured') {
    next.hall = event.hall;
    next.categories = event.categories;
    next.windows = event.windows;
    if (event.queues) next.queues = event.queues;
  }
  return boundStaffHistory(next);
}
