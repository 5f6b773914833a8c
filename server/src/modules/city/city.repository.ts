import { cityAlerts, type CityHallRow, type PreventionLevel, type CityOverview, type Region } from '@hallflow/shared';
import { asc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { categories, halls, regions, windows } from '../../db/schema/index.ts';
import { businessDay } from '../../core/business-day.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { allQueueViews } from '../tickets/queue-stats.repository.ts';
import { headSeq } from '../../core/event-log.ts';

type Reader = Db | Tx;

/** CO1: one hall's overview row, read from the store. */
export function cityRow(db: Reader, hallId: string, now: Date): CityHallRow {
  const hall = getHallRow(db, hallId);
  // Read with the hall, before the rest: a snapshot's data is never older than its seq.
  const seq = headSeq(db, hallId) ?? 0;
  const day = businessDay(now, hall.timezone);
  const queues = allQueueViews(db, hallId, day);
  const queueRows = db.select().from(categories).where(eq(categories.hallId, hallId)).orderBy(asc(categories.sortOrder)).all();
  const row: Omit<CityHallRow, 'alerts'> = {
    hallId,
    name: hall.name,
    nameEn: hall.nameEn,
    regionId: hall.regionId,
    seq,
    occupancy: occupancyOf(db, hallId),
    holdingCapacity: hall.holdingCapacity,
    queues: queueRows.map((c) => ({ categoryId: c.id, prefix: c.prefix, name: c.name, waiting: queues.find((q) => q.categoryId === c.id)?.waiting ?? 0 })),
    windows: db.select({ id: windows.id, number: windows.number, state: windows.state }).from(windows).where(eq(windows.hallId, hallId)).orderBy(asc(windows.number)).all(),
    level: hall.preventionLevel as PreventionLevel,
  };
  return { ...row, alerts: cityAlerts(row) };
}

export function regionList(db: Reader): Region[] {
  return db.select().from(regions).orderBy(asc(regions.sortOrder), asc(regions.name)).all();
}

/** CO1, CO2: every hall still open for business, and the region tree. */
export function cityOverview(db: Reader, now: Date): CityOverview {
  const open = db.select({ id: halls.id }).from(halls).where(isNull(halls.retiredAt)).orderBy(asc(halls.sortOrder), asc(halls.name)).all();
  return { regions: regionList(db), halls: open.map((hall) => cityRow(db, hall.id, now)) };
}
