import type { PartyView, TicketView } from '@hallflow/shared';
import type { ScreenVisitorBody } from '@hallflow/shared/api';
import { chooseBatch, screenParty } from '@hallflow/shared';
// TEMP until identity.rules lands
const maskName = (name: string) => (name.length <= 1 ? name : name[0] + '*'.repeat(Math.max(1, name.length - 2)) + (name.length > 2 ? name.at(-1) : ''));
import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { batches, categories, parties, screenings } from '../../db/schema.ts';
import { businessDay } from '../../core/business-day.ts';
import { DomainError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { batchView, partyView } from '../hall/views.ts';
import { issueTicketTx } from '../tickets/tickets.service.ts';

/**
 * Screens a party at the door (S1, S2): it passes to the holding area or is
 * denied with every reason. The decision, readings and staff member are
 * stored with it.
 */
export function screenVisitor(ctx: CommandContext, hallId: string, body: ScreenVisitorBody, staffId: string) {
  const hall = getHallRow(ctx.tx, hallId);
  const category = ctx.tx
    .select()
    .from(categories)
    .where(and(eq(categories.id, body.categoryId), eq(categories.hallId, hallId)))
    .get();
  if (!category) throw new DomainError(400, 'UNKNOWN_CATEGORY', `categoryId ${body.categoryId} is not a service category of this hall`);
  const decision = screenParty(body.people, { feverThresholdC: 37.3 });
  const at = ctx.now.toISOString();
  const partyId = newId();
  const row = ctx.tx
    .insert(parties)
    .values({
      id: partyId,
      hallId,
      day: businessDay(ctx.now, hall.timezone),
      leadName: body.name,
      displayName: maskName(body.name),
      size: body.people.length,
      state: decision.admitted ? 'holding' : 'denied',
      categoryId: category.id,
      appointmentCode: body.appointmentCode ?? null,
      arrivedAt: at,
      screenedAt: at,
      denialReasons: decision.reasons,
    })
    .returning()
    .get();
  ctx.tx
    .insert(screenings)
    .values({ id: newId(), hallId, partyId, staffId, at, readings: body.people, admitted: decision.admitted, reasons: decision.reasons })
    .run();
  const party = partyView(row);
  ctx.emit({ type: 'party.screened', party, occupancy: occupancyOf(ctx.tx, hallId) });
  return { party, admitted: decision.admitted, reasons: decision.reasons };
}

/**
 * B2: admits the next batch from the holding area, whole parties only and
 * never beyond free capacity; each admitted party gets its ticket (T3).
 */
export function admitBatch(ctx: CommandContext, hallId: string, staffId: string) {
  const hall = getHallRow(ctx.tx, hallId);
  const occupancy = occupancyOf(ctx.tx, hallId);
  const free = occupancy.capacity - occupancy.inside;
  const holding = ctx.tx
    .select()
    .from(parties)
    .where(and(eq(parties.hallId, hallId), eq(parties.state, 'holding')))
    .all();
  if (holding.length === 0) return { batch: null, parties: [], tickets: [], reason: 'Nobody is waiting in the holding area' };
  const chosen = chooseBatch(
    holding.map((p) => ({ id: p.id, size: p.size, slotStart: p.slotStart, screenedAt: p.screenedAt ?? p.arrivedAt })),
    free,
    hall.batchSize,
  );
  if (chosen.length === 0) {
    return { batch: null, parties: [], tickets: [], reason: `The hall is full (${occupancy.inside}/${occupancy.capacity}); wait for people to leave` };
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
      { categoryId: party.categoryId, priority: false, partyId: party.id, partySize: party.size },
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
  }
  const batch = batchView(batchRow);
  const result = { batch, parties: admitted, tickets: issued, occupancy: occupancyOf(ctx.tx, hallId) };
  ctx.emit({ type: 'batch.admitted', ...result });
  return { batch, parties: admitted, tickets: issued, reason: null };
}
