import type { CommandRunner } from '../../core/command-runner.ts';
import type { Db } from '../../db/connection.ts';
import { listHalls } from '../hall/hall.repository.ts';
import { purgeHall, purgeInstallation, type RetentionResult } from '../trust/retention.service.ts';
import { countOutFinished } from './exits.service.ts';

export interface HousekeepingResult extends RetentionResult {
  countedOut: number;
}

/**
 * The periodic work of every hall: X2 count-out of visitors whose service
 * ended, and RT1–RT3 purges of personal data past its period. Each hall's
 * count-out is one command (events and all); purges emit nothing.
 */
export function runHousekeeping(db: Db, commands: CommandRunner, now: Date, auditDays = 180): HousekeepingResult {
  const result: HousekeepingResult = { countedOut: 0, entriesPurged: 0, screeningsAnonymised: 0, partiesAnonymised: 0, appointmentsAnonymised: 0, ...purgeInstallation(db, now, auditDays) };
  for (const { id: hallId } of listHalls(db)) {
    result.countedOut += commands.run(hallId, (ctx) => countOutFinished(ctx, hallId));
    const purged = purgeHall(db, hallId, now, auditDays);
    result.entriesPurged += purged.entriesPurged;
    result.screeningsAnonymised += purged.screeningsAnonymised;
    result.partiesAnonymised += purged.partiesAnonymised;
    result.appointmentsAnonymised += purged.appointmentsAnonymised;
  }
  return result;
}
