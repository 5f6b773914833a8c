import { describeLevelRules, hallEntryRules, hallLevelRules, type HallInfo, type PreventionLevel } from '@hallflow/shared';
import { connectHall, HallSync } from '@hallflow/shared/realtime';
import { loadLevel } from './booking-api';
import { CONNECT_GRACE_MS, fallbackPoll, jitteredWait, type PageVisibility } from './level-fallback';

/** What a visitor's page shows of the level in force: its name and its rules, in both languages (LV8). */
export interface LevelShown {
  level: PreventionLevel;
  lines: { zh: string; en: string }[];
  /** Where it came from: the live stream, or HTTP while the stream is down. */
  source: 'stream' | 'http';
}

/** LV8: the level and its rules as a hall's public info carries them; the same sentences getPreventionLevel answers. */
export function levelOfHall(hall: HallInfo): LevelShown {
  const rules = hallLevelRules(hall);
  return { level: rules.level, lines: describeLevelRules(rules, hallEntryRules(hall).feverThresholdC), source: 'stream' };
}

/**
 * LV8, LV13: follows a hall's level on its public live stream (`level.changed`
 * reaches every public audience): the terminal passes the stream it already
 * has; the booking page opens one as a `visitor` (no credential, public view
 * only). Only while that stream is not live is the level asked over HTTP,
 * gently (level-fallback.ts): a page that has nothing to show yet asks at once
 * when its stream is refused, or after a short grace while it connects; a
 * page that lost its stream keeps what the stream last said and asks at the
 * next jittered turn. When the stream is live again its snapshot shows at
 * once and the asking stops. Returns the function that stops it all.
 */
export function followLevel(hallId: string, onLevel: (shown: LevelShown) => void, existing?: HallSync<'public'>, page?: PageVisibility): () => void {
  const sync = existing ?? new HallSync(connectHall({ credential: 'visitor' }), hallId, 'public');
  let stopped = false;
  let shown = false;
  const show = (level: LevelShown) => {
    shown = true;
    onLevel(level);
  };
  const poll = fallbackPoll(
    () =>
      void loadLevel(hallId)
        .then((state) => {
          if (!stopped && sync.status !== 'live') show({ level: state.level, lines: state.lines, source: 'http' });
        })
        .catch(() => undefined),
    page,
  );
  const unsubscribe = sync.subscribe({
    state: (state) => show(levelOfHall(state.hall)),
    status: (status) => {
      if (status === 'live') poll.up();
      else poll.down(shown ? jitteredWait() : status === 'connecting' ? CONNECT_GRACE_MS : 0);
    },
  });
  return () => {
    stopped = true;
    poll.stop();
    unsubscribe();
    if (!existing) sync.close();
  };
}
