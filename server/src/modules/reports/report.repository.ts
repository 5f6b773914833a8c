import {
  doorFigures,
  fourReductions,
  groupCases,
  handlingBy,
  histogram,
  hoursForDate,
  measureCase,
  occupancyPerHour,
  satisfactionBy,
  serviceSegments,
  spread,
  throughputPerHour,
  zonedInstant,
  type HallEvent,
  type LoggedEvent,
  type Visit,
} from '@hallflow/shared';
import type { FourReductionsReport, HallReport, LabelledSpread } from '@hallflow/shared/api';
import { and, asc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { auditLog, bundles, categories, events, halls, parties, ratings, screenings, serviceItems, ticketItems, tickets, windows } from '../../db/schema/index.ts';
import { hoursConfig } from '../door/hours.guard.ts';

type HallRow = typeof halls.$inferSelect;

/** The instants a range of a hall's local days covers: [start of `from`, start of the day after `to`). */
function instants(hall: HallRow, from: string, to: string): { start: string; end: string } {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: zonedInstant(from, '00:00', hall.timezone).toISOString(), end: zonedInstant(next, '00:00', hall.timezone).toISOString() };
}

const REPORT_EVENTS = ['ticket.called', 'ticket.service_started', 'ticket.completed', 'ticket.transferred', 'ticket.held', 'ticket.no_show', 'party.screened', 'party.exited', 'batch.admitted', 'occupancy.corrected'];

function loggedEvents(db: Db, hallRows: readonly HallRow[], from: string, to: string, types: readonly string[]): LoggedEvent[] {
  return hallRows.flatMap((hall) => {
    const { start, end } = instants(hall, from, to);
    return db
      .select()
      .from(events)
      .where(and(eq(events.hallId, hall.id), inArray(events.type, [...types]), gte(events.at, start), lt(events.at, end)))
      .orderBy(asc(events.seq))
      .all()
      .map((row) => ({ hallId: row.hallId, at: row.at, event: row.payload as HallEvent }));
  });
}

/** The labels of the catalogue, windows and queues of the halls, for the report's rows. */
function labels(db: Db, hallRows: readonly HallRow[]) {
  const ids = hallRows.map((h) => h.id);
  const city = hallRows.length > 1;
  const hallName = new Map(hallRows.map((h) => [h.id, h.name]));
  const prefix = (hallId: string) => (city ? `${hallName.get(hallId) ?? hallId} ` : '');
  const item = new Map(db.select().from(serviceItems).where(inArray(serviceItems.hallId, ids)).all().map((i) => [i.id, `${prefix(i.hallId)}${i.name}`]));
  const bundle = new Map(db.select().from(bundles).where(inArray(bundles.hallId, ids)).all().map((b) => [b.id, `${prefix(b.hallId)}${b.name}`]));
  const window = new Map(db.select().from(windows).where(inArray(windows.hallId, ids)).all().map((w) => [w.id, `${prefix(w.hallId)}${w.number}号窗口`]));
  const category = new Map(db.select().from(categories).where(inArray(categories.hallId, ids)).all().map((c) => [c.id, `${prefix(c.hallId)}${c.prefix} ${c.name}`]));
  return { item, bundle, window, category };
}

/** RP1–RP5: the report of the halls (one, or every hall of the city) over local days `from` … `to`. */
export function hallReport(db: Db, hallRows: readonly HallRow[], from: string, to: string): HallReport {
  const ids = hallRows.map((h) => h.id);
  const zone = new Map(hallRows.map((h) => [h.id, h.timezone]));
  const names = labels(db, hallRows);
  const dayTickets = db.select().from(tickets).where(and(inArray(tickets.hallId, ids), gte(tickets.day, from), lte(tickets.day, to))).all();
  const ticketIds = new Set(dayTickets.map((t) => t.id));
  const itemsOf = new Map<string, string[]>();
  for (const row of db.select({ ticketId: ticketItems.ticketId, itemId: ticketItems.itemId }).from(ticketItems).innerJoin(tickets, eq(tickets.id, ticketItems.ticketId)).where(and(inArray(tickets.hallId, ids), gte(tickets.day, from), lte(tickets.day, to))).orderBy(asc(ticketItems.position)).all()) {
    itemsOf.set(row.ticketId, [...(itemsOf.get(row.ticketId) ?? []), row.itemId]);
  }
  const subjectOf = (ticketId: string): string | null => {
    const ticket = dayTickets.find((t) => t.id === ticketId);
    if (ticket?.bundleId) return `bundle:${ticket.bundleId}`;
    const items = itemsOf.get(ticketId) ?? [];
    return items.length === 1 ? `item:${items[0]}` : null;
  };
  const labelOf = (key: string) => (key.startsWith('bundle:') ? `一件事 · ${names.bundle.get(key.slice(7)) ?? key.slice(7)}` : (names.item.get(key.slice(5)) ?? key.slice(5)));

  const dayParties = db.select().from(parties).where(and(inArray(parties.hallId, ids), gte(parties.day, from), lte(parties.day, to))).all();
  const records = db
    .select({ admitted: screenings.admitted, readings: screenings.readings, reasons: screenings.reasons, size: parties.size })
    .from(screenings)
    .innerJoin(parties, eq(parties.id, screenings.partyId))
    .where(and(inArray(parties.hallId, ids), gte(parties.day, from), lte(parties.day, to)))
    .all()
    .map((r) => ({ admitted: r.admitted, people: r.size, readings: r.readings as { temperatureRecheck?: number | null; healthCodeSource?: string }[] | null, reasons: r.reasons }));

  const logged = loggedEvents(db, hallRows, from, to, REPORT_EVENTS);
  const firstCall = new Map<string, string>();
  for (const { at, event } of logged) if (event.type === 'ticket.called' && !firstCall.has(event.ticket.id)) firstCall.set(event.ticket.id, at);
  const segments = serviceSegments(logged.filter((e) => 'ticket' in e.event && ticketIds.has((e.event as { ticket: { id: string } }).ticket.id)));

  const minutes = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;
  const arrivalToAdmission = dayParties.filter((p) => p.admittedAt).map((p) => minutes(p.arrivedAt, p.admittedAt!));
  const admissionToCall = dayTickets.filter((t) => firstCall.has(t.id)).map((t) => minutes(t.issuedAt, firstCall.get(t.id)!));
  const labelled = (rows: { key: string; spread: ReturnType<typeof spread> }[], label: (key: string) => string): LabelledSpread[] => rows.map((row) => ({ key: row.key, label: label(row.key), ...row.spread }));

  const occupancyPoints = logged.flatMap(({ hallId, at, event }) => ('occupancy' in event ? [{ hallId, at, inside: event.occupancy.inside, capacity: event.occupancy.capacity, timezone: zone.get(hallId)! }] : []));
  const dayRatings = db.select().from(ratings).where(and(inArray(ratings.hallId, ids), gte(ratings.day, from), lte(ratings.day, to))).all();
  // F6: a routed case's rating names its window; its clerk is the one who served that window's part.
  const clerkAt = new Map(segments.map((s) => [`${s.ticketId}|${s.windowId}`, s.clerkName]));
  const transfers = hallRows.reduce((n, hall) => {
    const { start, end } = instants(hall, from, to);
    return n + db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.hallId, hall.id), eq(auditLog.action, 'transferTicket'), gte(auditLog.at, start), lt(auditLog.at, end))).all().length;
  }, 0);

  const satisfaction = (keyOf: (rating: (typeof dayRatings)[number]) => string | null, label: (key: string) => string) =>
    satisfactionBy(dayRatings.map((r) => ({ level: r.level, key: keyOf(r) }))).map((row) => ({ ...row, label: label(row.key) }));

  return {
    from,
    to,
    halls: hallRows.map((h) => ({ id: h.id, name: h.name })),
    door: doorFigures(records),
    waits: {
      arrivalToAdmission: { ...spread(arrivalToAdmission), histogram: histogram(arrivalToAdmission) },
      admissionToCall: { ...spread(admissionToCall), histogram: histogram(admissionToCall) },
    },
    handling: {
      byItem: labelled(handlingBy(segments, (s) => subjectOf(s.ticketId)), labelOf),
      byWindow: labelled(handlingBy(segments, (s) => s.windowId), (key) => names.window.get(key) ?? key),
      byClerk: labelled(handlingBy(segments, (s) => s.clerkName), (key) => key),
    },
    tickets: {
      issued: dayTickets.length,
      served: dayTickets.filter((t) => t.state === 'done').length,
      noShows: dayTickets.filter((t) => t.state === 'no_show').length,
      transfers,
    },
    throughput: throughputPerHour(dayTickets.map((t) => ({ issuedAt: t.issuedAt, finishedAt: t.finishedAt, state: t.state, timezone: zone.get(t.hallId)! }))),
    occupancy: occupancyPerHour(occupancyPoints),
    satisfaction: {
      byWindow: satisfaction((r) => r.windowId, (key) => names.window.get(key) ?? key),
      byClerk: satisfaction((r) => clerkAt.get(`${r.ticketId}|${r.windowId}`) ?? null, (key) => key),
      byItem: satisfaction((r) => {
        const key = subjectOf(r.ticketId);
        return key?.startsWith('item:') ? key : null;
      }, labelOf),
      byBundle: satisfaction((r) => {
        const key = subjectOf(r.ticketId);
        return key?.startsWith('bundle:') ? key : null;
      }, labelOf),
    },
  };
}

/** How far back a case's earlier visits are looked for (FR1). */
const CASE_LOOKBACK_DAYS = 90;

/** FR1–FR3: the four reductions of cases completed in `from` … `to`, per item, per bundle, and in total. */
export function fourReductionsReport(db: Db, hallRows: readonly HallRow[], from: string, to: string): FourReductionsReport {
  const ids = hallRows.map((h) => h.id);
  const names = labels(db, hallRows);
  const since = new Date(Date.parse(`${from}T00:00:00Z`) - CASE_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const rows = db.select().from(tickets).where(and(inArray(tickets.hallId, ids), gte(tickets.day, since), lte(tickets.day, to))).all();
  const itemsOf = new Map<string, string[]>();
  for (const row of db.select({ ticketId: ticketItems.ticketId, itemId: ticketItems.itemId }).from(ticketItems).innerJoin(tickets, eq(tickets.id, ticketItems.ticketId)).where(and(inArray(tickets.hallId, ids), gte(tickets.day, since), lte(tickets.day, to))).orderBy(asc(ticketItems.position)).all()) {
    itemsOf.set(row.ticketId, [...(itemsOf.get(row.ticketId) ?? []), row.itemId]);
  }
  const partyRows = db.select({ id: parties.id, arrivedAt: parties.arrivedAt, appointmentCode: parties.appointmentCode }).from(parties).where(and(inArray(parties.hallId, ids), gte(parties.day, since), lte(parties.day, to))).all();
  const partyOf = new Map(partyRows.map((p) => [p.id, p]));
  const windowsOf = new Map<string, Set<string>>();
  for (const { event } of loggedEvents(db, hallRows, since, to, ['ticket.called'])) {
    if (event.type !== 'ticket.called') continue;
    windowsOf.set(event.ticket.id, (windowsOf.get(event.ticket.id) ?? new Set()).add(event.window.id));
  }
  const catalogue = {
    items: db.select().from(serviceItems).where(inArray(serviceItems.hallId, ids)).all(),
    bundles: db.select().from(bundles).where(inArray(bundles.hallId, ids)).all(),
  };
  const measures = hallRows.flatMap((hall) => {
    const config = hoursConfig(hall.settings);
    const isWorkingDay = (date: string) => !hoursForDate(config, date).closed;
    const visits: Visit[] = rows
      .filter((t) => t.hallId === hall.id && (t.bundleId || itemsOf.has(t.id)))
      .map((t) => {
        const party = t.partyId ? partyOf.get(t.partyId) : undefined;
        return {
          ticketId: t.id,
          day: t.day,
          arrivedAt: party?.arrivedAt ?? t.issuedAt,
          finishedAt: t.finishedAt,
          state: t.state,
          caseNumber: t.caseNumber,
          appointmentCode: party?.appointmentCode ?? null,
          bundleId: t.bundleId,
          itemIds: itemsOf.get(t.id) ?? [],
          windowIds: [...(windowsOf.get(t.id) ?? (t.windowId ? [t.windowId] : []))],
        };
      });
    return groupCases(visits)
      .map((group) => measureCase(group, catalogue, isWorkingDay))
      .filter((m): m is NonNullable<typeof m> => m !== null && m.completedDay >= from && m.completedDay <= to);
  });
  return {
    from,
    to,
    halls: hallRows.map((h) => ({ id: h.id, name: h.name })),
    rows: fourReductions(measures, catalogue).map((row) => ({
      ...row,
      label: row.kind === 'total' ? '合计' : row.kind === 'bundle' ? `一件事 · ${names.bundle.get(row.id) ?? row.id}` : (names.item.get(row.id) ?? row.id),
    })),
  };
}

export function reportHalls(db: Db, hallId: string | undefined): HallRow[] {
  return hallId ? db.select().from(halls).where(eq(halls.id, hallId)).all() : db.select().from(halls).orderBy(asc(halls.sortOrder), asc(halls.name)).all();
}

