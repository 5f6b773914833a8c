import {
  chooseAssignee,
  followUpDue,
  followUpStep,
  isOverdue,
  opensFollowUp,
  type FollowUpChange,
  type FollowUpSettings,
} from '@hallflow/shared';
import type { FollowUpView } from '@hallflow/shared/api';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { CommandContext } from '../../core/command-runner.ts';
import { DomainError, notFound, invalidField } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { appointments, followUps, parties, ratings, staff, tickets, windows } from '../../db/schema/index.ts';
import { saveHallPolicy } from '../hall/hall-admin.service.ts';
import { storedPolicy } from '../hall/hall-policy.ts';
import { getHallRow } from '../hall/hall.repository.ts';

type Reader = Db | Tx;
type FollowUpRow = typeof followUps.$inferSelect;
type TicketRow = typeof tickets.$inferSelect;
type RatingRow = typeof ratings.$inferSelect;

export function followUpSettings(settings: Record<string, unknown>): FollowUpSettings {
  return storedPolicy(settings, 'followUp');
}

export function updateFollowUpPolicy(ctx: CommandContext, hallId: string, body: FollowUpSettings): FollowUpSettings {
  saveHallPolicy(ctx, hallId, 'followUp', body);
  return body;
}

/**
 * FU1, FU4: a low rating opens its case in the rating's transaction, assigned
 * to the hall's least busy supervisor. The contact details (the lead
 * visitor's name, the number they left or the masked mobile of the booking)
 * are copied into the case only.
 */
export function openFollowUp(ctx: CommandContext, ticket: TicketRow, rating: RatingRow, contactPhone: string | null): void {
  if (!opensFollowUp(rating.level)) return;
  const hall = getHallRow(ctx.tx, ticket.hallId);
  const party = ticket.partyId ? ctx.tx.select().from(parties).where(eq(parties.id, ticket.partyId)).get() : undefined;
  const booking = party?.appointmentCode ? ctx.tx.select({ mobileMasked: appointments.mobileMasked }).from(appointments).where(eq(appointments.code, party.appointmentCode)).get() : undefined;
  const supervisors = ctx.tx
    .select({ id: staff.id, username: staff.username })
    .from(staff)
    .where(and(eq(staff.hallId, ticket.hallId), eq(staff.role, 'supervisor'), isNull(staff.disabledAt)))
    .all();
  const open = ctx.tx
    .select({ assignee: followUps.assigneeStaffId })
    .from(followUps)
    .where(and(eq(followUps.hallId, ticket.hallId), ne(followUps.status, 'closed')))
    .all();
  const counts = new Map<string, number>();
  for (const { assignee } of open) if (assignee) counts.set(assignee, (counts.get(assignee) ?? 0) + 1);
  ctx.tx
    .insert(followUps)
    .values({
      id: newId(),
      hallId: ticket.hallId,
      ratingId: rating.id,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      day: ticket.day,
      level: rating.level,
      reasons: rating.reasons,
      comment: rating.comment,
      windowId: rating.windowId,
      categoryId: rating.categoryId,
      openedAt: ctx.now.toISOString(),
      dueAt: followUpDue(ctx.now, followUpSettings(hall.settings)).toISOString(),
      assigneeStaffId: chooseAssignee(supervisors, counts),
      contactName: party?.leadName ?? null,
      contactPhone: contactPhone ?? booking?.mobileMasked ?? null,
      status: 'open',
    })
    .run();
}

function followUpRow(db: Reader, hallId: string, id: string): FollowUpRow {
  const row = db.select().from(followUps).where(and(eq(followUps.id, id), eq(followUps.hallId, hallId))).get();
  if (!row) throw notFound('Follow-up case', id);
  return row;
}

/** A case as listed: never the contact details themselves (FU4), only whether there are any. */
function views(db: Reader, rows: FollowUpRow[], now: Date): FollowUpView[] {
  const staffIds = [...new Set(rows.map((r) => r.assigneeStaffId).filter((id): id is string => id !== null))];
  const names = new Map(staffIds.length ? db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, staffIds)).all().map((s) => [s.id, s.name]) : []);
  const windowIds = [...new Set(rows.map((r) => r.windowId).filter((id): id is string => id !== null))];
  const numbers = new Map(windowIds.length ? db.select({ id: windows.id, number: windows.number }).from(windows).where(inArray(windows.id, windowIds)).all().map((w) => [w.id, w.number]) : []);
  return rows.map((row) => ({
    id: row.id,
    ticketNumber: row.ticketNumber,
    day: row.day,
    level: row.level,
    reasons: row.reasons,
    comment: row.comment,
    windowNumber: row.windowId ? (numbers.get(row.windowId) ?? null) : null,
    categoryId: row.categoryId,
    openedAt: row.openedAt,
    dueAt: row.dueAt,
    assignee: row.assigneeStaffId ? { id: row.assigneeStaffId, name: names.get(row.assigneeStaffId) ?? '' } : null,
    status: row.status,
    overdue: isOverdue(row, now),
    hasContact: row.contactName !== null || row.contactPhone !== null,
    contactedAt: row.contactedAt,
    contactNote: row.contactNote,
    finding: row.finding,
    justified: row.justified,
    rectification: row.rectification,
    closedAt: row.closedAt,
  }));
}

export function followUpView(db: Reader, hallId: string, id: string, now: Date): FollowUpView {
  return views(db, [followUpRow(db, hallId, id)], now)[0]!;
}

/** FU3: a hall's cases, newest first, with their figures (all cases of the filter). */
export function listFollowUps(db: Reader, hallId: string, filter: { status?: 'open' | 'contacted' | 'closed'; overdue?: boolean }, now: Date) {
  const rows = db.select().from(followUps).where(eq(followUps.hallId, hallId)).all();
  const chosen = rows
    .filter((row) => (filter.status ? row.status === filter.status : true) && (filter.overdue ? isOverdue(row, now) : true))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  return { cases: views(db, chosen, now), rows };
}

const audited = (view: FollowUpView) => ({ status: view.status, assignee: view.assignee?.id ?? null, contactNote: view.contactNote, finding: view.finding, justified: view.justified, rectification: view.rectification });

/** FU2: one step of a case, by the rule; audited before and after (never the contact details). */
export function updateFollowUp(ctx: CommandContext, hallId: string, id: string, change: FollowUpChange, actorId: string): FollowUpView {
  const row = followUpRow(ctx.tx, hallId, id);
  if (change.assigneeStaffId !== undefined) {
    const target = ctx.tx.select().from(staff).where(eq(staff.id, change.assigneeStaffId)).get();
    if (!target || target.role !== 'supervisor' || target.disabledAt || (target.hallId !== null && target.hallId !== hallId)) {
      throw invalidField('assigneeStaffId', { zh: `${change.assigneeStaffId} 不是本厅在岗的值班主任`, en: `${change.assigneeStaffId} is not an active supervisor of this hall` });
    }
  }
  const step = followUpStep(row, change, actorId, ctx.now);
  if (!step.ok) throw new DomainError(step.status, step.code, step.message);
  const before = followUpView(ctx.tx, hallId, id, ctx.now);
  const { next } = step;
  ctx.tx
    .update(followUps)
    .set({
      status: next.status,
      assigneeStaffId: next.assigneeStaffId,
      contactedAt: next.contactedAt,
      contactNote: next.contactNote,
      finding: next.finding,
      justified: next.justified,
      rectification: next.rectification,
      closedAt: next.closedAt,
    })
    .where(eq(followUps.id, id))
    .run();
  const after = followUpView(ctx.tx, hallId, id, ctx.now);
  ctx.audit({ before: audited(before), after: audited(after) });
  return after;
}

/** FU4: the contact details, for the supervisor handling the case only; the read itself is the audit entry. */
export function revealContact(ctx: CommandContext, hallId: string, id: string, actorId: string) {
  const row = followUpRow(ctx.tx, hallId, id);
  if (row.assigneeStaffId !== actorId) {
    throw new DomainError(403, 'NOT_ASSIGNEE', '只有承办该整改的值班主任可以查看联系方式 · Only the supervisor handling the case sees the contact details');
  }
  ctx.audit({ before: null, after: { read: 'contact', followUpId: id, ticketNumber: row.ticketNumber } });
  return { name: row.contactName, phone: row.contactPhone };
}
