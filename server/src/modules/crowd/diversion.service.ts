import { rankDiversion, type DiversionCandidate } from '@hallflow/shared';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { categories, halls, tickets, windows } from '../../db/schema/index.ts';
import { businessDay } from '../../core/business-day.ts';
import { DomainError } from '../../core/errors.ts';
import { occupancyOf } from '../hall/hall.repository.ts';

/** Minutes a visitor typically takes at a window, until handling times are measured per hall. */
const TYPICAL_HANDLING_MINUTES = 10;

/**
 * D1: when this hall is full, other halls of the city that offer the same
 * service (a category of the same name) are suggested, those with room and
 * the shortest wait first.
 */
export function suggestDiversion(db: Db, hallId: string, categoryId: string, now: Date, unreadable: (hallId: string, error: unknown) => void = () => undefined) {
  const category = db.select().from(categories).where(and(eq(categories.id, categoryId), eq(categories.hallId, hallId))).get();
  if (!category) throw new DomainError(400, 'UNKNOWN_CATEGORY', `categoryId ${categoryId} is not a service category of hall ${hallId}`);
  const here = occupancyOf(db, hallId);
  const candidates: DiversionCandidate[] = [];
  const others = db.select({ id: halls.id, name: halls.name, nameEn: halls.nameEn, timezone: halls.timezone }).from(halls).where(ne(halls.id, hallId)).all();
  for (const hall of others) {
    const same = db.select().from(categories).where(and(eq(categories.hallId, hall.id), eq(categories.name, category.name))).get();
    if (!same) continue;
    // IN4: a hall whose data cannot be read is left out; it does not take the suggestion down.
    let occupancy;
    try {
      occupancy = occupancyOf(db, hall.id);
    } catch (error) {
      unreadable(hall.id, error);
      continue;
    }
    const day = businessDay(now, hall.timezone);
    const waiting = db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.hallId, hall.id), eq(tickets.day, day), eq(tickets.categoryId, same.id), eq(tickets.state, 'waiting')))
      .all().length;
    const serving = db
      .select({ categoryIds: windows.categoryIds })
      .from(windows)
      .where(and(eq(windows.hallId, hall.id), eq(windows.state, 'open')))
      .all()
      .filter((w) => w.categoryIds.includes(same.id)).length;
    candidates.push({
      hallId: hall.id,
      name: hall.name,
      nameEn: hall.nameEn,
      free: Math.max(0, occupancy.capacity - occupancy.inside),
      waiting,
      estimatedWaitMinutes: Math.ceil(((waiting + 1) * TYPICAL_HANDLING_MINUTES) / Math.max(1, serving)),
    });
  }
  return { full: here.inside >= here.capacity, alternatives: rankDiversion(candidates) };
}
