import type { HallSnapshot, OccupancyView } from '@hallflow/shared';
import {
  boundStaffHistory,
  hallCapacity,
  insideCount,
  occupancyLevel,
  STAFF_RECENT_BATCHES,
  STAFF_RECENT_CLOSED_PARTIES,
  STAFF_RECENT_FINISHED_TICKETS,
} from '@hallflow/shared';
import { and, asc, desc, eq, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { batches, categories, halls, parties, partyCounts, tickets, windows } from '../../db/schema/index.ts';
import { businessDay } from '../../core/business-day.ts';
import { notFound } from '../../core/errors.ts';
import { literalLimit, prepared } from '../../db/prepared.ts';
import { StampedCache } from '../../db/stamped-cache.ts';
import { crowdSettings } from './hall-policy.ts';
import { allQueueViews } from '../tickets/queue-stats.repository.ts';
import { batchView, categoryView, hallView, partyView, ticketView, windowView } from './views.ts';
import { headSeq } from '../../core/event-log.ts';

type Reader = Db | Tx;

export type HallRow = typeof halls.$inferSelect;

export function getHallRow(db: Reader, hallId: string): HallRow {
  const row = findHallRow(db, hallId);
  if (!row) throw notFound('Hall', hallId);
  return row;
}

/** The hall's row, or null when there is no such hall. */
export function findHallRow(db: Reader, hallId: string): HallRow | null {
  // R10: nearly every command, snapshot and join reads it; read again only after a hall changed (its settings, its level, a correction).
  return hallRows.get(db, hallId, () => prepared(db, 'hall-row', (d) => d.select().from(halls).where(eq(halls.id, sql.placeholder('hallId'))).prepare()).get({ hallId }) ?? null);
}

const hallRows = new StampedCache<HallRow | null>(['halls']);

/**
 * The hall's time zone alone (R10: what most commands need). From the hall's
 * cached row, which a creation that rolled back cannot leave behind.
 */
export function hallTimezone(db: Reader, hallId: string): string {
  return getHallRow(db, hallId).timezone;
}

/**
 * V2, X1: inside = people of admitted parties plus the hall's adjustment; holding = people waiting to enter.
 * `hall`: the row the caller already read in this transaction and has not changed since (R10: a screening asked for it five times).
 */
export function occupancyOf(db: Reader, hallId: string, hall: HallRow = getHallRow(db, hallId)): OccupancyView {
  // R10: the two sums the triggers on parties keep (party_counts), not a sum over the parties inside and holding.
  const sums = prepared(db, 'occupancy-sums', (d) =>
    d
      .select({
        inside: sql<number>`coalesce(sum(case when ${partyCounts.state} = 'admitted' then ${partyCounts.people} else 0 end), 0)`,
        holding: sql<number>`coalesce(sum(case when ${partyCounts.state} = 'holding' then ${partyCounts.people} else 0 end), 0)`,
      })
      .from(partyCounts)
      .where(eq(partyCounts.hallId, sql.placeholder('hallId')))
      .prepare(),
  ).get({ hallId });
  const capacity = hallCapacity(hall);
  const inside = insideCount(sums?.inside ?? 0, hall.occupancyAdjustment);
  const { alertLevels } = crowdSettings(hall.settings);
  return { inside, holding: sums?.holding ?? 0, capacity, level: occupancyLevel(inside, capacity, alertLevels) };
}

/**
 * Everything staff apps need for the hall's current business day (the staff
 * audience's snapshot; screens and phones get audience-snapshots.ts). Parties
 * still inside or holding from an earlier day are included: they are people
 * in the building.
 */
export function hallSnapshot(db: Reader, hallId: string, now: Date): HallSnapshot {
  const hall = getHallRow(db, hallId);
  // Read with the hall, before the rest: a snapshot's data is never older than its seq.
  const seq = headSeq(db, hallId) ?? 0;
  const day = businessDay(now, hall.timezone);
  // R9: live rows whole, history only its latest, chosen in SQL as boundStaffHistory chooses them.
  const recentDone = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.day, day), eq(tickets.state, 'done')))
    .orderBy(desc(tickets.finishedAt), desc(tickets.id))
    .limit(literalLimit(STAFF_RECENT_FINISHED_TICKETS));
  const recentClosed = db
    .select({ id: parties.id })
    .from(parties)
    .where(and(eq(parties.hallId, hallId), eq(parties.day, day), inArray(parties.state, ['denied', 'exited'])))
    .orderBy(desc(parties.screenedAt), desc(parties.id))
    .limit(literalLimit(STAFF_RECENT_CLOSED_PARTIES));
  const recentBatches = db
    .select()
    .from(batches)
    .where(and(eq(batches.hallId, hallId), eq(batches.day, day)))
    .orderBy(desc(batches.number))
    .limit(literalLimit(STAFF_RECENT_BATCHES))
    .all();
  return boundStaffHistory({
    seq,
    day,
    hall: hallView(hall),
    categories: hallCategories(db, hallId),
    windows: db.select().from(windows).where(eq(windows.hallId, hallId)).orderBy(asc(windows.number)).all().map(windowView),
    tickets: db
      .select()
      .from(tickets)
      .where(and(eq(tickets.hallId, hallId), eq(tickets.day, day), or(ne(tickets.state, 'done'), inArray(tickets.id, recentDone))))
      .orderBy(asc(tickets.issuedAt), asc(sql`${tickets}.rowid`))
      .all()
      .map(ticketView),
    // Parties still holding or inside from an earlier day are people in the building.
    parties: db
      .select()
      .from(parties)
      .where(
        and(
          eq(parties.hallId, hallId),
          or(inArray(parties.state, ['holding', 'admitted']), and(eq(parties.day, day), notInArray(parties.state, ['denied', 'exited'])), inArray(parties.id, recentClosed)),
        ),
      )
      .orderBy(asc(parties.arrivedAt), asc(sql`${parties}.rowid`))
      .all()
      .map(partyView),
    batches: recentBatches.reverse().map(batchView),
    occupancy: occupancyOf(db, hallId),
    queues: allQueueViews(db, hallId, day),
  });
}

/** The hall's categories in display order. */
export function hallCategories(db: Reader, hallId: string) {
  return db.select().from(categories).where(eq(categories.hallId, hallId)).orderBy(asc(categories.sortOrder), asc(categories.id)).all().map(categoryView);
}

/** The halls open for business (CA4: a retired hall is no longer listed), in the city's order. */
export function listHalls(db: Reader) {
  return db
    .select({ id: halls.id, name: halls.name, nameEn: halls.nameEn, address: halls.address })
    .from(halls)
    .where(isNull(halls.retiredAt))
    .orderBy(asc(halls.sortOrder), asc(halls.name))
    .all();
}
