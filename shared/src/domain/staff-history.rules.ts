import type { BatchView, HallSnapshot, PartyView, TicketView } from './types.ts';

/**
 * R9: how much of the day's history a staff snapshot carries. Live work is
 * always there (every ticket not done, so no-shows stay returnable; every
 * party still holding or inside); of what is over, only the latest. Older
 * history is read a page at a time (`listFinishedTickets`).
 */
export const STAFF_RECENT_FINISHED_TICKETS = 100;
export const STAFF_RECENT_CLOSED_PARTIES = 100;
export const STAFF_RECENT_BATCHES = 20;

/** Keeps the entries `isHistory` marks only when they are among the `limit` latest by `newer`; order is kept. */
function keepRecent<T>(list: T[], isHistory: (entry: T) => boolean, limit: number, newer: (a: T, b: T) => number): T[] {
  const history = list.filter(isHistory);
  if (history.length <= limit) return list;
  const kept = new Set(history.toSorted(newer).slice(0, limit));
  return list.filter((entry) => !isHistory(entry) || kept.has(entry));
}

/** Code-unit order, as SQLite compares text (localeCompare would not). */
const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
/** Latest first; ties by id, so the server and every client drop the same entries whatever order they hold them in. */
const byFinishedDesc = (a: TicketView, b: TicketView) => descending(a.finishedAt ?? '', b.finishedAt ?? '') || descending(a.id, b.id);
const byScreenedDesc = (a: PartyView, b: PartyView) => descending(a.screenedAt ?? '', b.screenedAt ?? '') || descending(a.id, b.id);
const byNumberDesc = (a: BatchView, b: BatchView) => b.number - a.number;

/**
 * R9: the staff snapshot bounded to its live part and recent history. Pure
 * and idempotent; the server bounds the snapshot it sends and the clients
 * bound after each event (`applyHallEvent`), so both hold the same state (R3).
 */
export function boundStaffHistory(state: HallSnapshot): HallSnapshot {
  const tickets = keepRecent(state.tickets, (ticket) => ticket.state === 'done', STAFF_RECENT_FINISHED_TICKETS, byFinishedDesc);
  const parties = keepRecent(state.parties, (party) => party.state === 'denied' || party.state === 'exited', STAFF_RECENT_CLOSED_PARTIES, byScreenedDesc);
  const batches = keepRecent(state.batches, () => true, STAFF_RECENT_BATCHES, byNumberDesc);
  if (tickets === state.tickets && parties === state.parties && batches === state.batches) return state;
  return { ...state, tickets, parties, batches };
}
