import { admissionRoute, isGreeterDoor } from '@hallflow/shared';
import type { GreetVisitorBody } from '@hallflow/shared/api';
import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { businessDay } from '../../core/business-day.ts';
import { DomainError, conflict } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { halls, parties } from '../../db/schema/index.ts';
import { logEntry } from '../crowd/entry-log.repository.ts';
import { getHallRow, occupancyOf } from '../hall/hall.repository.ts';
import { rulesInForce } from '../hall/level-policy.ts';
import { partyView } from '../hall/views.ts';
import { bookedTicketPlan } from '../appointments/appointments.service.ts';
import { issueTicketTx, phoneTokenOf } from '../tickets/issue.service.ts';
import { categoryRow } from '../tickets/ticket.repository.ts';
import { assertServiceOpen } from './hours.guard.ts';
import { assertHoldingRoom } from './holding-room.ts';

type PartyRow = typeof parties.$inferSelect;

/**
 * LV3: a party the level lets walk straight in (no batch) is admitted now:
 * its ticket is issued, it counts inside, the entry log records it, and staff
 * and screens hear of both (the party as admitted, then its ticket).
 */
export function admitOnArrival(ctx: CommandContext, hallId: string, party: PartyRow, staffId: string) {
  const ticket = issueTicketTx(
    ctx,
    hallId,
    { categoryId: party.categoryId, priority: false, partyId: party.id, partySize: party.size, slotStart: party.slotStart, ...(party.appointmentCode ? bookedTicketPlan(ctx.tx, hallId, party.appointmentCode) : {}) },
    true,
  );
  const admitted = ctx.tx
    .update(parties)
    .set({ state: 'admitted', admittedAt: ctx.now.toISOString(), ticketId: ticket.id })
    .where(and(eq(parties.id, party.id), eq(parties.state, 'holding')))
    .returning()
    .get()!;
  logEntry(ctx.tx, hallId, ctx.now, { kind: 'admitted', people: party.size, partyId: party.id, displayName: party.displayName, ticketNumber: ticket.number, staffId });
  const view = partyView(admitted);
  ctx.emit({ type: 'party.screened', party: view, occupancy: occupancyOf(ctx.tx, hallId) });
  ctx.emit({ type: 'ticket.issued', ticket });
  return { party: view, ticket, phoneToken: phoneTokenOf(ctx.tx, ticket.id) };
}

/** Who a greeter's party is: nobody is asked their name at a door that checks nothing. */
const GREETED = '现场来访';

/**
 * LV2: at a level with no check to make (常态) the door is a greeter's desk:
 * it counts people in, and issues a ticket for the service they came for. It
 * refuses at a level that requires checks (the screening form is the way in
 * then). LV12: when the level sends newcomers to the holding area (LV3), a
 * party with a service goes there and enters by batch, with its ticket then;
 * a count without a service cannot wait for a batch and is refused.
 */
export function greetVisitor(ctx: CommandContext, hallId: string, body: GreetVisitorBody, staffId: string) {
  const hall = getHallRow(ctx.tx, hallId);
  const rules = rulesInForce(hall.settings);
  if (!isGreeterDoor(rules.checks)) throw conflict('SCREENING_REQUIRED', '当前防控等级要求入口查验，请使用查验表单 · The prevention level requires checks at the door; use the screening form');
  assertServiceOpen(ctx, hallId, body.categoryId ? 'ticket' : 'admission', hall);
  const before = occupancyOf(ctx.tx, hallId, hall);
  const route = admissionRoute(rules, before, body.size);
  if (!body.categoryId) {
    if (route === 'hold') throw conflict('BATCH_ADMISSION', '当前人数已达分批入场标准，请选择办理事项并到候场区等候 · The hall admits in batches now; choose a service and wait in the holding area');
    // Counted in without a ticket: the mirror of the one-tap "one person left" (X1).
    ctx.tx.update(halls).set({ occupancyAdjustment: hall.occupancyAdjustment + body.size }).where(eq(halls.id, hallId)).run();
    logEntry(ctx.tx, hallId, ctx.now, { kind: 'one_in', people: body.size, staffId });
    const occupancy = occupancyOf(ctx.tx, hallId);
    ctx.emit({ type: 'occupancy.corrected', occupancy });
    return { ticket: null, phoneToken: null, held: null, occupancy };
  }
  const category = categoryRow(ctx.tx, hallId, body.categoryId);
  if (category.retiredAt) throw new DomainError(400, 'CATEGORY_RETIRED', `body/categoryId ${body.categoryId} 已停办 · takes no new visitors`);
  // B4: a party sent to the holding area needs room there.
  if (route === 'hold') assertHoldingRoom(ctx, hall, body.size, before);
  const at = ctx.now.toISOString();
  const party = ctx.tx
    .insert(parties)
    .values({
      id: newId(),
      hallId,
      day: businessDay(ctx.now, hall.timezone),
      leadName: GREETED,
      displayName: GREETED,
      size: body.size,
      state: 'holding',
      categoryId: category.id,
      appointmentCode: null,
      slotStart: null,
      arrivedAt: at,
      // LV12: a greeted party holds in the order it arrived (B1), as a screened one does.
      screenedAt: route === 'hold' ? at : null,
      denialReasons: [],
    })
    .returning()
    .get();
  if (route === 'hold') {
    const occupancy = occupancyOf(ctx.tx, hallId);
    const held = partyView(party);
    ctx.emit({ type: 'party.screened', party: held, occupancy });
    return { ticket: null, phoneToken: null, held, occupancy };
  }
  const admitted = admitOnArrival(ctx, hallId, party, staffId);
  return { ticket: admitted.ticket, phoneToken: admitted.phoneToken, held: null, occupancy: occupancyOf(ctx.tx, hallId) };
}
