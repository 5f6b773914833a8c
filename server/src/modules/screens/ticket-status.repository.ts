import { byPolicyOrder, estimateWaitMinutes, servingWindows, smoothedHandlingMinutes, ticketsAhead, type WindowView } from '@hallflow/shared';
import { and, asc, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { bundles, categories, ratings, ticketItems, tickets, windows } from '../../db/schema/index.ts';
import { callingSettings } from '../hall/hall-policy.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { categoryView, ticketView, windowView } from '../hall/views.ts';

type TicketRow = typeof tickets.$inferSelect;
/** Public reads go straight to the database, outside any command; the desk reads inside its issuing transaction (DK4). */
type Reader = Db | Tx;

/**
 * Q9: the tickets the calling policy will call before this one at the
 * windows that may call it, over the hall's waiting tickets of the day.
 */
function peopleAhead(db: Reader, row: TicketRow, hallWindows: readonly WindowView[], settings: Record<string, unknown>, now: Date): number | null {
  const waiting = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, row.hallId), eq(tickets.day, row.day), eq(tickets.state, 'waiting')))
    .all()
    .map(ticketView);
  return ticketsAhead({ windows: hallWindows, tickets: waiting }, row.id, now, callingSettings(settings));
}

/** E1–E3 for one waiting ticket: the same estimator the screens use, for its own place in the queue. */
function waitMinutes(db: Reader, row: TicketRow, ahead: number, hallWindows: WindowView[]): number | null {
  const recent = db
    .select({ started: tickets.serviceStartedAt, finished: tickets.finishedAt })
    .from(tickets)
    .where(and(eq(tickets.hallId, row.hallId), eq(tickets.day, row.day), eq(tickets.categoryId, row.categoryId), eq(tickets.state, 'done'), isNotNull(tickets.serviceStartedAt), isNotNull(tickets.finishedAt)))
    .orderBy(desc(tickets.finishedAt))
    .limit(20)
    .all()
    .reverse()
    .map((t) => (Date.parse(t.finished!) - Date.parse(t.started!)) / 60_000);
  const wait = estimateWaitMinutes(ahead, smoothedHandlingMinutes(recent), servingWindows({ windows: hallWindows }, row.categoryId));
  return wait === null ? null : Math.max(1, Math.round(wait));
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

/** The tickets before this one in its own queue, by the calling order (Q2, Q4). */
function aheadInOwnQueue(db: Reader, row: TicketRow, now: Date): number {
  const order = byPolicyOrder(now.toISOString());
  const target = ticketView(row);
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, row.hallId), eq(tickets.day, row.day), eq(tickets.categoryId, row.categoryId), eq(tickets.state, 'waiting')))
    .all()
    .map(ticketView)
    .filter((t) => t.id !== target.id && (t.priority === target.priority ? order(t, target) < 0 : t.priority))
    .length;
}

/** Q9 and E1–E3 for a waiting ticket: the people ahead and the estimated wait (null: no window serves it now). */
export function placeInQueue(db: Reader, ticketId: string, now: Date): { ahead: number | null; estimatedWaitMinutes: number | null } {
  const row = db.select().from(tickets).where(eq(tickets.id, ticketId)).get();
  if (!row || row.state !== 'waiting') return { ahead: null, estimatedWaitMinutes: null };
  const hall = getHallRow(db, row.hallId);
  const hallWindows = db.select().from(windows).where(eq(windows.hallId, row.hallId)).orderBy(asc(windows.number)).all().map(windowView);
  const waiting = db.select({ n: count() }).from(tickets).where(and(eq(tickets.hallId, row.hallId), eq(tickets.day, row.day), eq(tickets.state, 'waiting'))).get()!.n;
  const ahead = waiting > EXACT_PLACE_LIMIT ? aheadInOwnQueue(db, row, now) : peopleAhead(db, row, hallWindows, hall.settings, now);
  return { ahead, estimatedWaitMinutes: ahead === null ? null : waitMinutes(db, row, ahead, hallWindows) };
}

/** What a visitor's phone shows about its own ticket; null when no ticket has this token. */
export function ticketStatusByToken(db: Reader, token: string, now: Date) {
  const row = db.select().from(tickets).where(eq(tickets.publicToken, token)).get();
  if (!row) return null;
  const hall = getHallRow(db, row.hallId);
  const category = db.select().from(categories).where(eq(categories.id, row.categoryId)).get();
  const hallWindows = db.select().from(windows).where(eq(windows.hallId, row.hallId)).orderBy(asc(windows.number)).all().map(windowView);
  const ahead = row.state === 'waiting' ? peopleAhead(db, row, hallWindows, hall.settings, now) : null;
  const numberOf = (windowId: string | null) => hallWindows.find((w) => w.id === windowId)?.number ?? null;
  return {
    hallId: hall.id,
    hallName: hall.name,
    ticket: ticketView(row),
    category: category ? categoryView(category) : null,
    ahead,
    estimatedWaitMinutes: ahead === null ? null : waitMinutes(db, row, ahead, hallWindows),
    windowNumber: numberOf(row.windowId),
    targetWindowNumber: row.state === 'waiting' ? numberOf(row.targetWindowId) : null,
    rateable: rateableWindows(db, row),
  };
}
