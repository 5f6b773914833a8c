import { MINUTES_PER_BATCH, clockTime, heldAppointmentUntil, type OccupancyView } from '@hallflow/shared';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError, RecordedRefusal } from '../../core/errors.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { appointmentSettings } from '../appointments/appointment-settings.ts';
import { holdAppointment } from '../appointments/appointments.service.ts';

/**
 * B4: when the holding area cannot take the whole party, the visitor is told
 * to come back (about ten minutes per batch ahead) and nothing is recorded.
 * B6: a visitor whose appointment is on time (`appointment`) is told until
 * when it is kept, and that is recorded, so the grace period cannot run out
 * while they do as the door said.
 */
export function assertHoldingRoom(
  ctx: CommandContext,
  hall: ReturnType<typeof getHallRow>,
  size: number,
  occupancy: OccupancyView = occupancyOf(ctx.tx, hall.id, hall),
  appointment: { code: string; slotStart: string } | null = null,
): void {
  const { holding } = occupancy;
  if (holding + size <= hall.holdingCapacity) return;
  const batchesAhead = Math.ceil((holding + size - hall.holdingCapacity) / hall.batchSize);
  const comeBack = new Date(ctx.now.getTime() + batchesAhead * MINUTES_PER_BATCH * 60_000);
  const at = clockTime(comeBack, hall.timezone);
  if (!appointment) throw new DomainError(409, 'HOLDING_FULL', `候场区已满，请于 ${at} 后再来 · The holding area is full; please come back at ${at}`, { time: at });
  const keptUntil = heldAppointmentUntil(new Date(appointment.slotStart), comeBack, appointmentSettings(hall.settings));
  const until = clockTime(keptUntil, hall.timezone);
  throw new RecordedRefusal(
    new DomainError(409, 'HOLDING_FULL_KEPT', `候场区已满，请于 ${at} 后再来，预约保留至 ${until} · The holding area is full; please come back at ${at}. The appointment is kept until ${until}`, { time: at, until }),
    (record) => holdAppointment(record.tx, appointment.code, keptUntil),
  );
}
