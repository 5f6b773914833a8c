import { adjustmentAfterExit, countOutDue } from '@hallflow/shared';
import { and, eq, or, sql } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { businessDay } from '../../core/business-day.ts';
import { DomainError, conflict } from '../../core/errors.ts';
import type { Tx } from '../../db/connection.ts';
import { halls, parties, tickets } from '../../db/schema/index.ts';
import { crowdSettings } from '../hall/hall-policy.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { partyView } from '../hall/views.ts';
import { afterRoomFreed } from './batch.service.ts';
import { logEntry } from './entry-log.repository.ts';

function admittedPeople(tx: Tx, hallId: string): number {
  const row = tx
    .select({ n: sql<number>`coalesce(sum(${parties.size}), 0)` })
    .from(parties)
    .where(and(eq(parties.hallId, hallId), eq(parties.state, 'admitted')))
    .get();
  return row?.n ?? 0;
}

function partyExits(ctx: CommandContext, hallId: string, partyId: string, kind: 'exited' | 'counted_out', staffId: string | null) {
  const party = ctx.tx
    .update(parties)
    .set({ state: 'exited', exitedAt: ctx.now.toISOString() })
    .where(and(eq(parties.id, partyId), eq(parties.state, 'admitted')))
    .returning()
    .get();
  if (!party) return null;
  const hall = getHallRow(ctx.tx, hallId);
  const adjustment = adjustmentAfterExit(admittedPeople(ctx.tx, hallId), hall.occupancyAdjustment);
  if (adjustment !== hall.occupancyAdjustment) ctx.tx.update(halls).set({ occupancyAdjustment: adjustment }).where(eq(halls.id, hallId)).run();
  const ticket = party.ticketId ? ctx.tx.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, party.ticketId)).get() : undefined;
  logEntry(ctx.tx, hallId, ctx.now, { kind, people: party.size, partyId, batchNumber: party.batchNumber, displayName: party.displayName, ticketNumber: ticket?.number ?? null, staffId });
  const view = partyView(party);
  ctx.emit({ type: 'party.exited', party: view, occupancy: occupancyOf(ctx.tx, hallId) });
  return view;
}

/**
 * X1: an exit recorded by scanning the visitor's ticket QR (its token) or
 * appointment code: the whole party leaves.
 */
export function recordExit(ctx: CommandContext, hallId: string, code: string, staffId: string) {
  const today = businessDay(ctx.now, getHallRow(ctx.tx, hallId).timezone);
  const byTicket = ctx.tx
    .select({ partyId: tickets.partyId })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), or(eq(tickets.publicToken, code), and(eq(tickets.number, code.toUpperCase()), eq(tickets.day, today)))))
    .get();
  const partyId =
    byTicket?.partyId ??
    ctx.tx
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.hallId, hallId), eq(parties.appointmentCode, code), eq(parties.state, 'admitted')))
      .get()?.id;
  if (!partyId) throw new DomainError(404, 'NOT_FOUND', `No visitor inside with code ${code}`);
  const party = partyExits(ctx, hallId, partyId, 'exited', staffId);
  if (!party) throw conflict('NOT_INSIDE', `The visitor with code ${code} is not inside (already left or never admitted)`);
  const occupancy = occupancyOf(ctx.tx, hallId);
  afterRoomFreed(ctx, hallId);
  return { party, occupancy };
}

/** X1: the one-tap "one person left" counter, for visitors who leave without scanning. */
export function recordAnonymousExit(ctx: CommandContext, hallId: string, staffId: string) {
  const before = occupancyOf(ctx.tx, hallId);
  if (before.inside === 0) throw conflict('HALL_EMPTY', 'Nobody is counted inside; nothing to subtract');
  const hall = getHallRow(ctx.tx, hallId);
  ctx.tx.update(halls).set({ occupancyAdjustment: hall.occupancyAdjustment - 1 }).where(eq(halls.id, hallId)).run();
  logEntry(ctx.tx, hallId, ctx.now, { kind: 'one_left', people: 1, staffId });
  const occupancy = occupancyOf(ctx.tx, hallId);
  ctx.emit({ type: 'party.exited', party: null, occupancy });
  afterRoomFreed(ctx, hallId);
  return { party: null, occupancy };
}

/** C3: a supervisor sets the count to what they see, with a reason; audited in the entry log. */
export function correctOccupancy(ctx: CommandContext, hallId: string, inside: number, reason: string, staffId: string) {
  const hall = getHallRow(ctx.tx, hallId);
  const admitted = admittedPeople(ctx.tx, hallId);
  const before = occupancyOf(ctx.tx, hallId).inside;
  ctx.tx.update(halls).set({ occupancyAdjustment: inside - admitted }).where(eq(halls.id, hallId)).run();
  logEntry(ctx.tx, hallId, ctx.now, { kind: 'corrected', people: inside - before, staffId, reason: `${before} → ${inside}: ${reason}` });
  const occupancy = occupancyOf(ctx.tx, hallId);
  ctx.emit({ type: 'occupancy.corrected', occupancy });
  return { occupancy, hallId: hall.id };
}

/**
 * X2: visitors whose service ended `countOutMinutes` ago and who were not
 * seen leaving are counted out. Run by a timer; returns how many parties.
 */
export function countOutFinished(ctx: CommandContext, hallId: string): number {
  const { countOutMinutes } = crowdSettings(getHallRow(ctx.tx, hallId).settings);
  const inside = ctx.tx
    .select({ id: parties.id, finishedAt: tickets.finishedAt, state: tickets.state })
    .from(parties)
    .innerJoin(tickets, eq(tickets.id, parties.ticketId))
    .where(and(eq(parties.hallId, hallId), eq(parties.state, 'admitted')))
    .all();
  let counted = 0;
  for (const row of inside) {
    if ((row.state === 'done' || row.state === 'no_show') && row.finishedAt && countOutDue(row.finishedAt, ctx.now, countOutMinutes)) {
      if (partyExits(ctx, hallId, row.id, 'counted_out', null)) counted++;
    }
  }
  if (counted > 0) afterRoomFreed(ctx, hallId);
  return counted;
}
