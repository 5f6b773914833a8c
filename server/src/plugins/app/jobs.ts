import fp from 'fastify-plugin';
import { runHousekeeping } from '../../modules/crowd/housekeeping.service.ts';

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
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'jobs', dependencies: ['database'] },
);
