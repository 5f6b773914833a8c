import type { PartyView, TicketView } from '@hallflow/shared';
import { autoBatchDecision, chooseBatch } from '@hallflow/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { batches, parties } from '../../db/schema/index.ts';
import { businessDay } from '../../core/business-day.ts';
import { newId } from '../../core/ids.ts';
import { crowdSettings } from '../hall/hall-policy.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { batchView, partyView } from '../hall/views.ts';
import { bookedTicketPlan } from '../appointments/appointments.service.ts';
import { issueTicketTx, phoneTokenOf } from '../tickets/issue.service.ts';
import { logEntry } from './entry-log.repository.ts';
import { assertServiceOpen } from '../door/hours.guard.ts';

/**
 * B2: admits the next batch from the holding area, whole parties only and
 * never beyond free capacity; each admitted party gets its ticket (T3).
 */
export function admitBatch(ctx: CommandContext, hallId: string, staffId: string | null, override: { reason: string } | null = null, options: { batchSize?: number } = {}) {
  const hall = getHallRow(ctx.tx, hallId);
  assertServiceOpen(ctx, hallId, 'admission');
  const occupancy = occupancyOf(ctx.tx, hallId);
  // C4: at capacity nobody more is admitted, unless a supervisor overrides with a reason (one batch, audited).
  // LV6: a relaxing level change releases the holding area in one batch larger than the door's usual size.
  const batchSize = options.batchSize ?? hall.batchSize;
  const free = override ? batchSize : occupancy.capacity - occupancy.inside;
  const holding = ctx.tx
    .select()
    .from(parties)
    .where(and(eq(parties.hallId, hallId), eq(parties.state, 'holding')))
    .all();
  if (holding.length === 0) return { batch: null, parties: [], tickets: [], phoneTokens: {}, reason: 'Nobody is waiting in the holding area', recheckPending: 0 };
  // LV10: a party marked for a re-check waits for it at the door; the batch passes over it and says how many wait so.
  const recheckPending = holding.filter((p) => p.recheck.length > 0).length;
  const eligible = holding.filter((p) => p.recheck.length === 0);
  if (eligible.length === 0) return { batch: null, parties: [], tickets: [], phoneTokens: {}, reason: `Every party waiting needs a re-check at the door (${recheckPending})`, recheckPending };
  const chosen = chooseBatch(
    eligible.map((p) => ({ id: p.id, size: p.size, slotStart: p.slotStart, screenedAt: p.screenedAt ?? p.arrivedAt })),
    free,
    batchSize,
  );
  if (chosen.length === 0) {
    return { batch: null, parties: [], tickets: [], phoneTokens: {}, reason: `The hall is full (${occupancy.inside}/${occupancy.capacity}); wait for people to leave`, recheckPending };
  }
  const day = businessDay(ctx.now, hall.timezone);
  const last = ctx.tx
    .select({ n: sql<number | null>`max(${batches.number})` })
    .from(batches)
    .where(and(eq(batches.hallId, hallId), eq(batches.day, day)))
    .get();
  const number = (last?.n ?? 0) + 1;
  const batchId = newId();
  const at = ctx.now.toISOString();
  const people = chosen.reduce((sum, p) => sum + p.size, 0);
  const batchRow = ctx.tx
    .insert(batches)
    .values({ id: batchId, hallId, day, number, admittedAt: at, people, partyIds: chosen.map((p) => p.id), staffId })
    .returning()
    .get();
  const admitted: PartyView[] = [];
  const issued: TicketView[] = [];
  const byId = new Map(holding.map((p) => [p.id, p]));
  for (const choice of chosen) {
    const party = byId.get(choice.id)!;
    const ticket = issueTicketTx(
      ctx,
      hallId,
      { categoryId: party.categoryId, priority: false, partyId: party.id, partySize: party.size, slotStart: party.slotStart, ...(party.appointmentCode ? bookedTicketPlan(ctx.tx, hallId, party.appointmentCode) : {}) },
      true,
    );
    const updated = ctx.tx
      .update(parties)
      .set({ state: 'admitted', admittedAt: at, batchId, batchNumber: number, ticketId: ticket.id })
      .where(and(eq(parties.id, party.id), eq(parties.state, 'holding')))
      .returning()
      .get();
    admitted.push(partyView(updated!));
    issued.push(ticket);
    logEntry(ctx.tx, hallId, ctx.now, { kind: 'admitted', people: party.size, partyId: party.id, batchNumber: number, displayName: party.displayName, ticketNumber: ticket.number, staffId });
  }
  if (override) {
    logEntry(ctx.tx, hallId, ctx.now, { kind: 'override', people, batchNumber: number, staffId, reason: `${occupancy.inside}/${occupancy.capacity} inside: ${override.reason}` });
  }
  const batch = batchView(batchRow);
  const result = { batch, parties: admitted, tickets: issued, occupancy: occupancyOf(ctx.tx, hallId) };
  ctx.emit({ type: 'batch.admitted', ...result });
  const phoneTokens = Object.fromEntries(issued.map((ticket) => [ticket.id, phoneTokenOf(ctx.tx, ticket.id)]));
  return { batch, parties: admitted, tickets: issued, phoneTokens, reason: null, recheckPending };
}

/**
 * B3: after people leave, the hall acts on its automatic mode: in `auto` it
 * admits the next batch itself (no staff member), in `propose` it records a
 * proposal the door sees, in `manual` nothing happens.
 */
export function afterRoomFreed(ctx: CommandContext, hallId: string): void {
  const occupancy = occupancyOf(ctx.tx, hallId);
  const settings = crowdSettings(getHallRow(ctx.tx, hallId).settings);
  const decision = autoBatchDecision(occupancy.capacity - occupancy.inside, occupancy.holding, settings);
  if (decision === 'admit') admitBatch(ctx, hallId, null);
  else if (decision === 'propose') ctx.emit({ type: 'batch.proposed', occupancy });
}
