import { estimateWaitMinutes, servingWindows, ticketsAhead, type QueueView, type WindowView } from '@hallflow/shared';
import { and, asc, count, eq, gt, gte, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { bundles, categories, queueCounts, ratings, ticketItems, tickets, windows } from '../../db/schema/index.ts';
import { callingSettings } from '../hall/hall-policy.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { categoryView, ticketView, windowView } from '../hall/views.ts';
import { prepared } from '../../db/prepared.ts';
import { StampedCache } from '../../db/stamped-cache.ts';
import { queueFigures } from '../tickets/queue-stats.repository.ts';

type TicketRow = typeof tickets.$inferSelect;
/** Public reads go straight to the database, outside any command; the desk reads inside its issuing transaction (DK4). */
type Reader = Db | Tx;

/**
 * Q9: the tickets the calling policy will call before this one at the
 * windows that may call it, over the hall's waiting tickets of the day.
 */
function peopleAhead(db: Reader, row: TicketRow, hallWindows: readonly WindowView[], settings: Record<string, unknown>, now: Date): number | null {
  // Only what the calling order looks at (CallCandidate): a whole row each cost three times as much to read.
  const waiting = prepared(db, 'waiting-candidates-of-day', (d) =>
    d
      .select({
        id: tickets.id,
        number: tickets.number,
        categoryId: tickets.categoryId,
        state: tickets.state,
        priority: tickets.priority,
        queuedAt: tickets.queuedAt,
        slotStart: tickets.slotStart,
        targetWindowId: tickets.targetWindowId,
      })
      .from(tickets)
      .where(and(eq(tickets.hallId, sql.placeholder('hallId')), eq(tickets.day, sql.placeholder('day')), eq(tickets.state, 'waiting')))
      .prepare(),
  ).all({ hallId: row.hallId, day: row.day });
  return ticketsAhead({ windows: hallWindows, tickets: waiting }, row.id, now, callingSettings(settings));
}

/**
 * Q9 and E1–E3, E5 for one waiting ticket, from one read of the day's queue
 * counts (R10). The people ahead: Q9 up to EXACT_PLACE_LIMIT waiting in the
 * hall's day, the ticket's own queue beyond (DK4); the desk and the phone
 * count alike. The wait stands behind its own queue in the calling order (the
 * DK4 count), at its queue's handling time, served by the queue's windows as
 * the screens count them, overflow windows only while their own queues are
 * empty (E3) unless the queue's calls show more help (E5). Q9's count plays
 * the windows' turns over who waits now; while visitors keep coming, a window
 * keeps calling its own queue first (Q5), so the help it gives another queue
 * is seldom what the snapshot says: on the simulated day an estimate from
 * Q9's count was short by two fifths.
 */
function placeOf(db: Reader, row: TicketRow, hallWindows: readonly WindowView[], settings: Record<string, unknown>, now: Date): { ahead: number | null; estimatedWaitMinutes: number | null } {
  const queues = waitingByQueue(db, row.hallId, row.day);
  const ownQueue = queues.find((queue) => queue.categoryId === row.categoryId)?.waiting ?? 0;
  const inOwnQueue = row.slotStart === null ? aheadOfWalkIn(db, row, now, ownQueue) : aheadInOwnQueue(db, row, now);
  const waiting = queues.reduce((sum, queue) => sum + queue.waiting, 0);
  const ahead = waiting <= EXACT_PLACE_LIMIT ? peopleAhead(db, row, hallWindows, settings, now) : inOwnQueue;
  if (ahead === null) return { ahead: null, estimatedWaitMinutes: null };
  // E1, E5: the ticket's own queue with its handling time and call interval; the others' counts tell E3 which windows are free to help.
  const own = queueFigures(db, row.hallId, row.categoryId, row.day, ownQueue);
  const figures = queues.map((queue) => (queue.categoryId === row.categoryId ? own : queue));
  const wait = estimateWaitMinutes(inOwnQueue, own.handlingMinutes, servingWindows({ windows: hallWindows, queues: figures }, row.categoryId));
  return { ahead, estimatedWaitMinutes: wait === null ? null : Math.max(1, Math.round(wait)) };
}

/** E3, DK4: how many wait in each queue of the hall's day, from the kept counts (R10). */
function waitingByQueue(db: Reader, hallId: string, day: string): QueueView[] {
  return prepared(db, 'waiting-by-queue', (d) =>
    d
      .select({ categoryId: queueCounts.categoryId, waiting: queueCounts.waiting })
      .from(queueCounts)
      .where(and(eq(queueCounts.hallId, sql.placeholder('hallId')), eq(queueCounts.day, sql.placeholder('day'))))
      .prepare(),
  )
    .all({ hallId, day })
    .map((queue) => ({ ...queue, handlingMinutes: 0 }));
}

/**
 * F6: the windows the visitor may rate once the ticket is done: each window
 * that served a routed 一件事 (in the order of its items), or the window that
 * finished any other ticket; and whether each is rated yet.
 */
function rateableWindows(db: Reader, row: TicketRow): { windowId: string; number: number; rated: boolean }[] {
  if (row.state !== 'done' || !row.windowId) return [];
  const routed = row.bundleId ? db.select({ mode: bundles.mode }).from(bundles).where(eq(bundles.id, row.bundleId)).get()?.mode === 'routed' : false;
  const ids = routed
    ? [...new Set(db.select({ windowId: ticketItems.windowId }).from(ticketItems).where(and(eq(ticketItems.ticketId, row.id), isNotNull(ticketItems.windowId))).orderBy(asc(ticketItems.position)).all().map((r) => r.windowId!))]
    : [row.windowId];
  const rated = db.select({ windowId: ratings.windowId }).from(ratings).where(eq(ratings.ticketId, row.id)).all().map((r) => r.windowId);
  const numbers = new Map(db.select({ id: windows.id, number: windows.number }).from(windows).where(eq(windows.hallId, row.hallId)).all().map((w) => [w.id, w.number]));
  return ids.map((windowId) => ({ windowId, number: numbers.get(windowId) ?? 0, rated: rated.includes(windowId) }));
}

/**
 * DK4: beyond this many waiting tickets in a hall's day, issuing counts the
 * tickets before the new one in its own queue instead of playing the windows'
 * turns (Q9), which grows with the square of the queue and would hold the
 * write lock of every issue while hundreds wait.
 */
export const EXACT_PLACE_LIMIT = 200;

/**
 * The tickets before this one in its own queue, by the calling order (Q2, Q4:
 * priority first; then those whose slot has come, walk-ins, later slots;
 * then by time queued and number), counted by SQLite over the queue's index
 * instead of reading every waiting ticket (an issue with thousands waiting
 * read them all, under the write lock). `byPolicyOrder` is the rule; the
 * DK4 test checks this count against it. The ticket itself is never before
 * itself, so no condition on its id is needed, and the count reads only
 * the columns of the call-order index.
 */
export function aheadInOwnQueue(db: Reader, row: TicketRow, now: Date): number {
  const nowIso = now.toISOString();
  const ownUrgency = row.slotStart === null ? 1 : row.slotStart <= nowIso ? 0 : 2;
  const build = (priority: boolean) => (d: Reader) => {
    const urgency = sql`(case when ${tickets.slotStart} is null then 1 when ${tickets.slotStart} <= ${sql.placeholder('now')} then 0 else 2 end)`;
    const own = sql.placeholder('ownUrgency');
    const before = sql`(${urgency} < ${own} or (${urgency} = ${own} and (${tickets.queuedAt} < ${sql.placeholder('queuedAt')} or (${tickets.queuedAt} = ${sql.placeholder('queuedAt')} and ${tickets.number} < ${sql.placeholder('number')}))))`;
    const ahead = priority ? and(eq(tickets.priority, true), before) : or(eq(tickets.priority, true), before);
    return d
      .select({ n: count() })
      .from(tickets)
      .where(
        and(
          eq(tickets.hallId, sql.placeholder('hallId')),
          eq(tickets.day, sql.placeholder('day')),
          eq(tickets.categoryId, sql.placeholder('categoryId')),
          eq(tickets.state, 'waiting'),
          ahead,
        ),
      )
      .prepare();
  };
  const query = row.priority ? prepared(db, 'ahead-in-queue-priority', build(true)) : prepared(db, 'ahead-in-queue', build(false));
  return query.get({ now: nowIso, ownUrgency, queuedAt: row.queuedAt, number: row.number, hallId: row.hallId, day: row.day, categoryId: row.categoryId })!.n;
}

/**
 * DK4 for a walk-in (no slot): everyone of its kind in its queue is before it
 * except the appointments not yet due and the walk-ins queued after it (or in
 * the same instant with a later number). So the count is the queue's kept
 * count (R10) less those, each read from a short index range: for the ticket
 * just issued, a handful of rows however long the queue. The same answer as
 * `aheadInOwnQueue` (tested against it). `waitingInQueue`: the queue's kept
 * count of the ticket's day, when the caller has read it already.
 */
export function aheadOfWalkIn(db: Reader, row: TicketRow, now: Date, waitingInQueue = keptQueueCount(db, row)): number {
  const params = { hallId: row.hallId, day: row.day, categoryId: row.categoryId, priority: row.priority ? 1 : 0, now: now.toISOString(), queuedAt: row.queuedAt, number: row.number };
  const ofQueue = () => and(eq(tickets.hallId, sql.placeholder('hallId')), eq(tickets.categoryId, sql.placeholder('categoryId')), eq(tickets.state, 'waiting'), eq(tickets.day, sql.placeholder('day')));
  const priorityWaiting = prepared(db, 'walk-in-priority-count', (d) =>
    d.select({ n: count() }).from(tickets).where(and(ofQueue(), eq(tickets.priority, true))).prepare(),
  ).get(params)!.n;
  const ofKind = () => and(ofQueue(), eq(tickets.priority, sql`${sql.placeholder('priority')}`));
  const notYetDue = prepared(db, 'walk-in-not-yet-due', (d) =>
    d.select({ n: count() }).from(tickets).where(and(ofKind(), gt(tickets.slotStart, sql`${sql.placeholder('now')}`))).prepare(),
  ).get(params)!.n;
  const walkInsAfter = prepared(db, 'walk-ins-after', (d) =>
    d
      .select({ n: count() })
      .from(tickets)
      .where(
        and(
          ofKind(),
          isNull(tickets.slotStart),
          gte(tickets.queuedAt, sql`${sql.placeholder('queuedAt')}`),
          or(gt(tickets.queuedAt, sql`${sql.placeholder('queuedAt')}`), gt(tickets.number, sql`${sql.placeholder('number')}`)),
        ),
      )
      .prepare(),
  ).get(params)!.n;
  const ofItsKind = row.priority ? priorityWaiting : waitingInQueue - priorityWaiting;
  return (row.priority ? 0 : priorityWaiting) + ofItsKind - 1 - notYetDue - walkInsAfter;
}

/** R10: how many wait in the ticket's queue on its day, from the count the triggers keep. */
function keptQueueCount(db: Reader, row: TicketRow): number {
  return prepared(db, 'walk-in-queue-count', (d) =>
    d
      .select({ n: sql<number>`coalesce(sum(${queueCounts.waiting}), 0)` })
      .from(queueCounts)
      .where(and(eq(queueCounts.hallId, sql.placeholder('hallId')), eq(queueCounts.categoryId, sql.placeholder('categoryId')), eq(queueCounts.day, sql.placeholder('day'))))
      .prepare(),
  ).get({ hallId: row.hallId, categoryId: row.categoryId, day: row.day })!.n;
}

/** Q9 and E1–E3 for a waiting ticket: the people ahead and the estimated wait (null: no window serves it now). */
export function placeInQueue(db: Reader, ticketId: string, now: Date): { ahead: number | null; estimatedWaitMinutes: number | null } {
  return placeOfTicket(db, ticketById(db, ticketId), now);
}

/** `placeInQueue` for a ticket row the caller holds (the desk's, just inserted), without reading it again; so the hall's settings, when it has them. */
export function placeOfTicket(db: Reader, row: TicketRow | undefined, now: Date, hallSettings?: Record<string, unknown>): { ahead: number | null; estimatedWaitMinutes: number | null } {
  if (!row || row.state !== 'waiting') return { ahead: null, estimatedWaitMinutes: null };
  return placeOf(db, row, windowsOf(db, row.hallId), hallSettings ?? getHallRow(db, row.hallId).settings, now);
}

function ticketById(db: Reader, ticketId: string): TicketRow | undefined {
  return prepared(db, 'ticket-by-id', (d) => d.select().from(tickets).where(eq(tickets.id, sql.placeholder('ticketId'))).prepare()).get({ ticketId });
}

/** R10: a hall's windows, read again only after a window changed (a call, a pause, a new window). */
function windowsOf(db: Reader, hallId: string): readonly WindowView[] {
  return windowsByHall.get(db, hallId, () =>
    prepared(db, 'windows-of-hall', (d) => d.select().from(windows).where(eq(windows.hallId, sql.placeholder('hallId'))).orderBy(asc(windows.number)).prepare())
      .all({ hallId })
      .map(windowView),
  );
}

const windowsByHall = new StampedCache<readonly WindowView[]>(['windows']);

/** What a visitor's phone shows about its own ticket; null when no ticket has this token. */
export function ticketStatusByToken(db: Reader, token: string, now: Date) {
  const row = db.select().from(tickets).where(eq(tickets.publicToken, token)).get();
  if (!row) return null;
  const hall = getHallRow(db, row.hallId);
  const category = db.select().from(categories).where(eq(categories.id, row.categoryId)).get();
  const hallWindows = windowsOf(db, row.hallId);
  const place = row.state === 'waiting' ? placeOf(db, row, hallWindows, hall.settings, now) : { ahead: null, estimatedWaitMinutes: null };
  const numberOf = (windowId: string | null) => hallWindows.find((w) => w.id === windowId)?.number ?? null;
  return {
    hallId: hall.id,
    hallName: hall.name,
    ticket: ticketView(row),
    category: category ? categoryView(category) : null,
    ...place,
    windowNumber: numberOf(row.windowId),
    targetWindowNumber: row.state === 'waiting' ? numberOf(row.targetWindowId) : null,
    rateable: rateableWindows(db, row),
  };
}
