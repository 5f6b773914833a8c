import { and, eq, isNotNull, lt } from 'drizzle-orm';
import type { CommandRunner } from '../../core/command-runner.ts';
import type { Db } from '../../db/connection.ts';
import { screenings } from '../../db/schema/index.ts';
import { crowdSettings, getHallRow, listHalls } from '../hall/hall.repository.ts';
import { purgeEntriesBefore } from './entry-log.repository.ts';
import { countOutFinished } from './exits.service.ts';

export interface HousekeepingResult {
  countedOut: number;
  entriesPurged: number;
  readingsPurged: number;
}

/**
 * The periodic work of every hall: X2 count-out of visitors whose service
 * ended, P2 purge of entry-log rows and of health readings past retention.
 * Each hall's count-out is one command (events and all); purges emit nothing.
 */
export function runHousekeeping(db: Db, commands: CommandRunner, now: Date): HousekeepingResult {
  const result: HousekeepingResult = { countedOut: 0, entriesPurged: 0, readingsPurged: 0 };
  for (const { id: hallId } of listHalls(db)) {
    result.countedOut += commands.run(hallId, (ctx) => countOutFinished(ctx, hallId));
    const { retentionDays } = crowdSettings(getHallRow(db, hallId).settings);
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
    result.entriesPurged += purgeEntriesBefore(db, hallId, cutoff);
    result.readingsPurged += db
      .update(screenings)
      .set({ readings: null })
      .where(and(eq(screenings.hallId, hallId), lt(screenings.at, cutoff), isNotNull(screenings.readings)))
      .run().changes;
  }
  return result;
}
