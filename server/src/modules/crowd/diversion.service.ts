import { categoryWaitMinutes, lastTicketTime, rankDiversion, serviceStatus, ticketsNextToday, weekHours, type DiversionCandidate } from '@hallflow/shared';
import type { DiversionResponse } from '@hallflow/shared/api';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { categories, halls, windows } from '../../db/schema/index.ts';
import { businessDay } from '../../core/business-day.ts';
import { DomainError } from '../../core/errors.ts';
import { listSlots } from '../appointments/appointments.service.ts';
import { hoursConfig } from '../door/hours.guard.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { queueView } from '../tickets/queue-stats.repository.ts';

/** D2: how many later free slots of the same hall are offered, and how many days ahead they are looked for. */
const LATER_SLOTS = 3;
const LATER_DAYS = 7;

type Alternative = DiversionResponse['alternatives'][number] & DiversionCandidate;

/**
 * D1: when this hall is full, other halls of the city that offer the same
 * service (a category of the same name) and issue tickets now (their own
 * opening hours, H1–H9) are suggested, those with room and the shortest wait
 * first; D3: then those that do later today, with the time. Each wait is
 * that hall's own estimate: its measured handling time of the service today
 * (E1) and the windows serving it now (E2, E3).
 * D2: with them, the next free appointment slots of the service here.
 */
export function suggestDiversion(db: Db, hallId: string, categoryId: string, now: Date, unreadable: (hallId: string, error: unknown) => void = () => undefined): DiversionResponse {
  const category = db.select().from(categories).where(and(eq(categories.id, categoryId), eq(categories.hallId, hallId))).get();
  if (!category) throw new DomainError(400, 'UNKNOWN_CATEGORY', `categoryId ${categoryId} is not a service category of hall ${hallId}`);
  const here = occupancyOf(db, hallId);
  const candidates: Alternative[] = [];
  const others = db.select({ id: halls.id }).from(halls).where(ne(halls.id, hallId)).all();
  for (const { id } of others) {
    // IN4: a hall whose data cannot be read is left out; it does not take the suggestion down.
    try {
      const hall = getHallRow(db, id);
      const same = db.select().from(categories).where(and(eq(categories.hallId, hall.id), eq(categories.name, category.name))).get();
      if (!same) continue;
      const hours = hoursConfig(hall.settings);
      // A hall closed for the rest of today, or past its last ticket, would turn the visitor away;
      // one that opens later today, or reopens after a pause, is named with that time (D3).
      const opensAt = ticketsNextToday(hours, hall.timezone, now);
      if (opensAt === null && !serviceStatus(hours, hall.timezone, now).ticketsAllowed) continue;
      const day = businessDay(now, hall.timezone);
      const occupancy = occupancyOf(db, hall.id);
      const queue = queueView(db, hall.id, same.id, day);
      const open = db.select({ state: windows.state, categoryIds: windows.categoryIds }).from(windows).where(eq(windows.hallId, hall.id)).all();
      candidates.push({
        hallId: hall.id,
        name: hall.name,
        nameEn: hall.nameEn,
        address: hall.address,
        free: Math.max(0, occupancy.capacity - occupancy.inside),
        waiting: queue.waiting,
        handlingMinutes: Math.round(queue.handlingMinutes * 10) / 10,
        estimatedWaitMinutes: categoryWaitMinutes({ windows: open, queues: [queue] }, same.id),
        lastTicketAt: lastTicketTime(hours, day) ?? '',
        opensAt,
      });
    } catch (error) {
      unreadable(id, error);
    }
  }
  return { full: here.inside >= here.capacity, alternatives: rankDiversion(candidates), laterSlots: laterSlots(db, hallId, categoryId, now) };
}

/** D2: the next free appointment slots of the service in this hall, today (not yet started) and on the coming open days. */
function laterSlots(db: Db, hallId: string, categoryId: string, now: Date): DiversionResponse['laterSlots'] {
  const hall = getHallRow(db, hallId);
  const found: DiversionResponse['laterSlots'] = [];
  for (const day of weekHours(hoursConfig(hall.settings), hall.timezone, now, LATER_DAYS)) {
    if (day.closed) continue;
    for (const slot of listSlots(db, hallId, categoryId, day.date, now)) {
      if (slot.free <= 0) continue;
      found.push({ date: day.date, start: slot.start, end: slot.end, free: slot.free });
      if (found.length >= LATER_SLOTS) return found;
    }
  }
  return found;
}
