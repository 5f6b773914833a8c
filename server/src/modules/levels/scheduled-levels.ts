import { dueChanges } from '@hallflow/shared';
import type { CommandRunner } from '../../core/command-runner.ts';
import type { Db } from '../../db/connection.ts';
import { pendingChanges } from './level-changes.repository.ts';
import { applyLevelChange } from './levels.service.ts';

/**
 * LV7: applies the scheduled level changes whose time has come, oldest first,
 * each as a command of its hall (its events in that hall's log). Run by a
 * timer every second, so a scheduled switch lands within seconds.
 */
export function applyDueLevelChanges(db: Db, commands: CommandRunner, now: Date): number {
  let applied = 0;
  for (const change of dueChanges(pendingChanges(db, null), now)) {
    commands.run(change.hallId, (ctx) => {
      // Another node may have applied it since it was read: apply only what is still pending.
      const still = pendingChanges(ctx.tx, change.hallId).find((row) => row.id === change.id);
      if (still) {
        applyLevelChange(ctx, still);
        applied++;
      }
    });
  }
  return applied;
}
