import type { AppointmentSettings } from '@hallflow/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { invalidField } from '../../core/errors.ts';
import { categories } from '../../db/schema/index.ts';
import { saveHallPolicy } from '../hall/hall-admin.service.ts';
import { getHallRow } from '../hall/hall.repository.ts';

/**
 * A11: store a hall's appointment settings. Per-category places must name
 * services of this hall. Booked appointments keep their times: places are
 * counted by the instant they start, so a new slot length still counts them.
 */
export function updateAppointmentSettings(ctx: CommandContext, hallId: string, settings: AppointmentSettings): AppointmentSettings {
  getHallRow(ctx.tx, hallId); // an unknown hall is a 404 before anything about its services
  const named = Object.keys(settings.placesByCategory);
  if (named.length > 0) {
    const known = new Set(
      ctx.tx
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.hallId, hallId), inArray(categories.id, named)))
        .all()
        .map((row) => row.id),
    );
    const unknown = named.find((id) => !known.has(id));
    if (unknown) throw invalidField(`placesByCategory/${unknown}`, { zh: `${unknown} 不是本厅的业务`, en: `${unknown} is not a service category of this hall` });
  }
  saveHallPolicy(ctx, hallId, 'appointments', settings);
  return settings;
}
