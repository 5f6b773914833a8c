import { MINUTES_PER_BATCH, clockTime, heldAppointmentUntil, type OccupancyView } from '@hallflow/shared';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError, RecordedRefusal } from '../../core/errors.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { appointmentSettings } from '../appointments/appointment-settings.ts';
import { holdAppointment } from '../appointments/appointments.service.ts';

type HallRow = ReturnType<typeof getHallRow>;

/** B4, B6: when a party that has no room in the holding area should come back, and until when its on-time appointment is kept (local times). */
export interface HoldingShortfall {
  time: string;
  /** B6: null for a walk-in or a visitor already late. */
  keptUntil: { at: Date; local: string } | null;
}

/**
 * B4: whether the holding area can take `size` more people; when it cannot,
 * the time to come back (about ten minutes per batch ahead) and, B6, for a
 * visitor whose appointment is on time (`appointment`), until when it is kept.
 */
export function holdingShortfall(
  ctx: CommandContext,
  hall: HallRow,
  size: number,
  occupancy: OccupancyView = occupancyOf(ctx.tx, hall.id, hall),
  appointment: { slotStart: string } | null = null,
): HoldingShortfall | null {
  const { holding } = occupancy;
  if (holding + size <= hall.holdingCapacity) return null;
  const batchesAhead = Math.ceil((holding + size - hall.holdingCapacity) / hall.batchSize);
  const comeBack = new Date(ctx.now.getTime() + batchesAhead * MINUTES_PER_BATCH * 60_000);
  const kept = appointment ? heldAppointmentUntil(new Date(appointment.slotStart), comeBack, appointmentSettings(hall.settings)) : null;
  return { time: clockTime(comeBack, hall.timezone), keptUntil: kept ? { at: kept, local: clockTime(kept, hall.timezone) } : null };
}

/** B6: the appointment stays open for check-in until the kept time (recorded with the door's answer). */
export function keepAppointment(ctx: CommandContext, code: string, shortfall: HoldingShortfall): void {
  if (shortfall.keptUntil) holdAppointment(ctx.tx, code, shortfall.keptUntil.at);
}

/** B4: when the holding area cannot take the whole party, the visitor is told to come back and nothing is recorded. */
export function assertHoldingRoom(ctx: CommandContext, hall: HallRow, size: number, occupancy: OccupancyView = occupancyOf(ctx.tx, hall.id, hall)): void {
  const shortfall = holdingShortfall(ctx, hall, size, occupancy);
  if (shortfall) throw holdingRefusal(shortfall, null);
}

/**
 * B4: the refusal for a party the holding area cannot take. B6: a visitor
 * whose appointment is on time (`appointment`, as `holdingShortfall` was
 * given it) is told until when it is kept, and that is recorded, so the grace
 * period cannot run out while they do as the door said.
 */
export function holdingRefusal(shortfall: HoldingShortfall, appointment: { code: string } | null): DomainError {
  const { time: at, keptUntil } = shortfall;
  if (!appointment || !keptUntil) return new DomainError(409, 'HOLDING_FULL', `候场区已满，请于 ${at} 后再来 · The holding area is full; please come back at ${at}`, { time: at });
  const until = keptUntil.local;
  return new RecordedRefusal(
    new DomainError(409, 'HOLDING_FULL_KEPT', `候场区已满，请于 ${at} 后再来，预约保留至 ${until} · The holding area is full; please come back at ${at}. The appointment is kept until ${until}`, { time: at, until }),
    (record) => keepAppointment(record, appointment.code, shortfall),
  );
}
