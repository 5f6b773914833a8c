import fp from 'fastify-plugin';
import { runHousekeeping } from '../../modules/crowd/housekeeping.service.ts';
import { applyDueLevelChanges } from '../../modules/levels/scheduled-levels.ts';

/** Runs housekeeping every `intervalMs` (0 turns it off, as tests do: they call runHousekeeping with their own clock). */
export default fp<{ intervalMs: number; auditDays: number }>(
  async (app, options) => {
    if (options.intervalMs <= 0) return;
    const timer = setInterval(() => {
      try {
        const result = runHousekeeping(app.store.db, app.commands, app.clock.now(), options.auditDays);
        if (Object.values(result).some((n) => n > 0)) app.log.info(result, 'housekeeping');
      } catch (error) {
        app.log.error({ err: error }, 'housekeeping failed');
      }
    }, options.intervalMs);
    timer.unref();
    // LV7: scheduled prevention-level changes are looked for every second (one indexed query when none is due).
    const levels = setInterval(() => {
      try {
        const applied = applyDueLevelChanges(app.store.db, app.commands, app.clock.now());
        if (applied > 0) app.log.info({ applied }, 'scheduled prevention levels applied');
      } catch (error) {
        app.log.error({ err: error }, 'scheduled prevention levels failed');
      }
    }, Math.min(1000, options.intervalMs));
    levels.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      clearInterval(levels);
    });
  },
  { name: 'jobs', dependencies: ['database'] },
);
