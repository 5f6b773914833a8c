/**
 * What the system did, read from its own store after the day: the event log
 * (occupancy at every change), parties, screenings, tickets and the audit
 * log. Nothing here comes from the simulator's plan.
 */
import { estimateWaitMinutes, servingWindows, type HallEvent, type OccupancyView, type QueueView, type WindowView } from '@hallflow/shared';
import Database from 'better-sqlite3';

export interface DayReport {
  visitors: number;
  admitted: number;
  admittedPeople: number;
  deniedByReason: Record<string, number>;
  capacity: number;
  peakOccupancy: number;
  overCapacityMoments: number;
  deniedButInside: number;
  arrivalToAdmissionP90Min: number | null;
  arrivalToCallP90Min: number | null;
  /** The same per queue (by its ticket prefix), where staffing and demand meet. */
  arrivalToCallP90MinByQueue: Record<string, number | null>;
  /** The wait the visitor's phone showed right after admission, against the wait they had: median absolute error. */
  etaMedianErrorPct: number | null;
  /** The same for the lobby's figure for the ticket's queue at its issue (E2, E3 from the queue's figures). */
  lobbyEtaMedianErrorPct: number | null;
  doorInteractionsPerGreenVisitor: number | null;
  windowUtilisation: number | null;
  served: number;
  ratings: number;
  events: number;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * Reads the day of `hallId` from the SQLite file the server wrote, with the
 * waits the visitors' phones showed (ticket id → minutes, read from the
 * server's answers during the day).
 */
export function measureDay(databasePath: string, hallId: string, phoneEstimates: ReadonlyMap<string, number> = new Map()): DayReport {
  const db = new Database(databasePath, { readonly: true });
  try {
    const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;

    const visitors = one<{ n: number }>('select count(*) as n from appointments where hall_id = ?', hallId).n;
    const parties = all<{ id: string; state: string; size: number; arrived_at: string; admitted_at: string | null; batch_id: string | null; ticket_id: string | null }>(
      'select id, state, size, arrived_at, admitted_at, batch_id, ticket_id from parties where hall_id = ?',
      hallId,
    );
    const admittedParties = parties.filter((p) => p.admitted_at !== null);
    const screenings = all<{ admitted: number; reasons: string; party_id: string }>('select admitted, reasons, party_id from screenings where hall_id = ?', hallId);
    const deniedByReason: Record<string, number> = {};
    for (const screening of screenings.filter((s) => !s.admitted)) {
      for (const reason of JSON.parse(screening.reasons) as { code: string }[]) deniedByReason[reason.code] = (deniedByReason[reason.code] ?? 0) + 1;
    }
    const deniedIds = new Set(screenings.filter((s) => !s.admitted).map((s) => s.party_id));
    const deniedButInside = parties.filter((p) => deniedIds.has(p.id) && (p.admitted_at !== null || p.batch_id !== null || p.state === 'admitted')).length;

    // Occupancy at every change, from the log; the windows as the log changes them, for the estimate at each issue.
    const events = all<{ seq: number; at: string; payload: string }>('select seq, at, payload from events where hall_id = ? order by seq', hallId);
    const capacity = one<{ capacity: number }>('select coalesce(max_occupancy, cast(floor_area_m2 / area_per_person_m2 as integer)) - staff_on_floor as capacity from halls where id = ?', hallId).capacity;
    let peakOccupancy = 0;
    let overCapacityMoments = 0;
    const windows = new Map<string, WindowView>();
    const queues = new Map<string, QueueView>();
    const estimates = new Map<string, number>();
    for (const row of events) {
      const event = JSON.parse(row.payload) as HallEvent;
      if ('occupancy' in event) {
        const occupancy = event.occupancy as OccupancyView;
        peakOccupancy = Math.max(peakOccupancy, occupancy.inside);
        if (occupancy.inside > occupancy.capacity) overCapacityMoments++;
      }
      if ('windows' in event) for (const window of event.windows) windows.set(window.id, window);
      if ('window' in event && event.window) windows.set(event.window.id, event.window);
      if ('queues' in event) for (const queue of event.queues ?? []) queues.set(queue.categoryId, queue);
      // E2 as the phone and the lobby showed it when the ticket was issued: the queue's figures in the same event.
      const issued = event.type === 'batch.admitted' ? event.tickets : event.type === 'ticket.issued' ? [event.ticket] : [];
      for (const ticket of issued) {
        const queue = 'queues' in event ? event.queues?.find((q) => q.categoryId === ticket.categoryId) : undefined;
        if (!queue) continue;
        const estimate = estimateWaitMinutes(Math.max(0, queue.waiting - 1), queue.handlingMinutes, servingWindows({ windows: [...windows.values()], queues: [...queues.values()] }, ticket.categoryId));
        if (estimate !== null) estimates.set(ticket.id, estimate);
      }
    }

    const tickets = all<{ id: string; number: string; party_id: string | null; issued_at: string; called_at: string | null; service_started_at: string | null; finished_at: string | null; state: string }>(
      'select id, number, party_id, issued_at, called_at, service_started_at, finished_at, state from tickets where hall_id = ?',
      hallId,
    );
    const partyById = new Map(parties.map((p) => [p.id, p]));
    const toCall = (t: (typeof tickets)[number]) => {
      const party = t.party_id ? partyById.get(t.party_id) : undefined;
      return party && t.called_at ? [minutesBetween(party.arrived_at, t.called_at)] : [];
    };
    const arrivalToCall = tickets.flatMap(toCall);
    const byQueue = new Map<string, typeof tickets>();
    for (const ticket of tickets) byQueue.set(ticket.number.slice(0, 1), [...(byQueue.get(ticket.number.slice(0, 1)) ?? []), ticket]);
    const arrivalToCallP90MinByQueue = Object.fromEntries([...byQueue].sort(([a], [b]) => a.localeCompare(b)).map(([prefix, queue]) => [prefix, round(percentile(queue.flatMap(toCall), 90))]));
    // Waits long enough to be shown in minutes, as E4 counts them.
    const errorsOf = (shown: ReadonlyMap<string, number>) =>
      tickets.flatMap((t) => {
        const estimate = shown.get(t.id);
        if (estimate === undefined || !t.called_at) return [];
        const actual = minutesBetween(t.issued_at, t.called_at);
        return actual >= 5 ? [Math.abs(estimate - actual) / actual] : [];
      });
    const medianErrorPct = (errors: number[]) => round(percentile(errors, 50) === null ? null : percentile(errors, 50)! * 100);
    const served = tickets.filter((t) => t.state === 'done');
    const busy = served.reduce((sum, t) => sum + minutesBetween(t.service_started_at ?? t.called_at ?? t.finished_at!, t.finished_at!), 0);
    const firstCall = served.reduce((min, t) => (t.called_at && t.called_at < min ? t.called_at : min), '9999');
    const lastFinish = served.reduce((max, t) => (t.finished_at && t.finished_at > max ? t.finished_at : max), '');
    const openWindows = new Set(all<{ window_id: string }>('select distinct window_id from tickets where hall_id = ? and window_id is not null', hallId).map((r) => r.window_id)).size;
    const doorActions = one<{ n: number }>("select count(*) as n from audit_log where hall_id = ? and action in ('screenVisitor', 'admitBatch') and staff_role = 'door'", hallId).n;

    return {
      visitors,
      admitted: admittedParties.length,
      admittedPeople: admittedParties.reduce((sum, p) => sum + p.size, 0),
      deniedByReason,
      capacity,
      peakOccupancy,
      overCapacityMoments,
      deniedButInside,
      arrivalToAdmissionP90Min: round(percentile(admittedParties.map((p) => minutesBetween(p.arrived_at, p.admitted_at!)), 90)),
      arrivalToCallP90Min: round(percentile(arrivalToCall, 90)),
      arrivalToCallP90MinByQueue,
      etaMedianErrorPct: medianErrorPct(errorsOf(phoneEstimates)),
      lobbyEtaMedianErrorPct: medianErrorPct(errorsOf(estimates)),
      doorInteractionsPerGreenVisitor: admittedParties.length === 0 ? null : round(doorActions / admittedParties.length, 2),
      windowUtilisation: served.length === 0 || openWindows === 0 ? null : round(busy / (openWindows * minutesBetween(firstCall, lastFinish)), 2),
      served: served.length,
      ratings: one<{ n: number }>('select count(*) as n from ratings where hall_id = ?', hallId).n,
      events: events.length,
    };
  } finally {
    db.close();
  }
}
