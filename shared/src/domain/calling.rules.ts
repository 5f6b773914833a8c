import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_MAX_RECALLS } from './ticket.rules.ts';
import { PRIORITY_REASONS, PriorityReasonSchema, type PriorityReason } from './priority.rules.ts';
import type { HallInfo, TicketView } from './types.ts';

/** What the calling policy needs to know about a ticket; TicketView satisfies it. */
export type CallCandidate = Pick<TicketView, 'id' | 'number' | 'categoryId' | 'state' | 'priority' | 'queuedAt' | 'slotStart' | 'targetWindowId'>;

export interface CallingWindow {
  id?: string;
  /** Categories served, most preferred first. */
  categoryIds: readonly string[];
  /** Normal tickets called at this window since its last priority call (Q3). */
  normalSincePriority?: number;
}

export interface CallingPolicy {
  /** Q3: when both kinds wait, a priority ticket is called after at most this many normal ones. */
  normalPerPriority: number;
}

export const DEFAULT_CALLING_POLICY: CallingPolicy = { normalPerPriority: 2 };

/** A hall's calling policy, kept under `settings.calling` and changed by `updateCallingPolicy`. */
export const CallingSettingsSchema = Type.Object(
  {
    /** Q3: a priority ticket is called after at most this many normal ones. */
    normalPerPriority: Type.Integer({ minimum: 0, maximum: 20 }),
    /** T4: recalls allowed after the first call. */
    maxRecalls: Type.Integer({ minimum: 0, maximum: 10 }),
    /** T5: a no-show may be put back in the queue within this many minutes. */
    requeueMinutes: Type.Integer({ minimum: 0, maximum: 480 }),
    /** DK3: the 绿色通道 reasons the desk offers; left out, all of them. Empty: the hall gives no priority tickets. */
    priorityReasons: Type.Optional(Type.Array(PriorityReasonSchema, { maxItems: PRIORITY_REASONS.length, uniqueItems: true })),
    /** KS5: visitors may take a ticket at a self-service terminal inside the hall (off unless the hall turns it on). */
    kioskTickets: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CallingSettings = Static<typeof CallingSettingsSchema>;

export const DEFAULT_CALLING_SETTINGS: CallingSettings = {
  normalPerPriority: DEFAULT_CALLING_POLICY.normalPerPriority,
  maxRecalls: DEFAULT_MAX_RECALLS,
  requeueMinutes: 30,
};

/**
 * Q4: appointments that are due come first, then visitors without an
 * appointment, then appointments not yet due (early arrivals wait for their
 * time); within a group, first come first served by queue time (Q2).
 */
function urgency(ticket: CallCandidate, nowIso: string): number {
  if (ticket.slotStart === null) return 1;
  return ticket.slotStart <= nowIso ? 0 : 2;
}

export function byPolicyOrder(nowIso: string) {
  return (a: CallCandidate, b: CallCandidate): number => {
    const group = urgency(a, nowIso) - urgency(b, nowIso);
    if (group !== 0) return group;
    if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt ? -1 : 1;
    return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  };
}

/** Q6: a ticket transferred to a particular window can be called only there. */
export function callableAt(ticket: CallCandidate, window: CallingWindow): boolean {
  return ticket.state === 'waiting' && window.categoryIds.includes(ticket.categoryId) && (ticket.targetWindowId === null || ticket.targetWindowId === window.id);
}

/**
 * Q5: the window's first category with anyone callable is served (its later
 * categories are overflow). Within it, and across the window's categories for
 * priority tickets (绿色通道), Q3 decides between priority and normal.
 */
export function pickNextTicket(
  candidates: readonly CallCandidate[],
  window: CallingWindow,
  now: Date = new Date(0),
  policy: CallingPolicy = DEFAULT_CALLING_POLICY,
): CallCandidate | null {
  return pickFromOrdered(candidates.toSorted(byPolicyOrder(now.toISOString())), window, policy);
}

/**
 * `pickNextTicket` over candidates already in the calling order
 * (`byPolicyOrder` at the same moment): one pass, no sorting and no copies,
 * for Q9's count, which picks once per turn of every window.
 */
export function pickFromOrdered(ordered: readonly CallCandidate[], window: CallingWindow, policy: CallingPolicy = DEFAULT_CALLING_POLICY): CallCandidate | null {
  let priority: CallCandidate | null = null;
  // The earliest normal ticket of the window's first category that has one (Q5).
  let normal: CallCandidate | null = null;
  let normalRank = window.categoryIds.length;
  for (const ticket of ordered) {
    if (!callableAt(ticket, window)) continue;
    if (ticket.priority) {
      priority ??= ticket;
    } else {
      const rank = window.categoryIds.indexOf(ticket.categoryId);
      if (rank < normalRank) {
        normal = ticket;
        normalRank = rank;
      }
    }
    if (priority && normalRank === 0) break;
  }
  return priorityOrNormal(priority, normal, window, policy);
}

/** Q3: between the first priority ticket and the first normal one a window may call, the one it calls now. */
export function priorityOrNormal(priority: CallCandidate | null, normal: CallCandidate | null, window: CallingWindow, policy: CallingPolicy): CallCandidate | null {
  const priorityDue = (window.normalSincePriority ?? policy.normalPerPriority) >= policy.normalPerPriority;
  if (priority && (priorityDue || normal === null)) return priority;
  return normal ?? priority ?? null;
}

/** Q3: the window's counter after a call. */
export function normalSincePriorityAfter(called: Pick<CallCandidate, 'priority'>, before: number): number {
  return called.priority ? 0 : before + 1;
}

/** Q7: "call this ticket" is allowed for a waiting ticket the window may serve. */
export function canCallSpecific(ticket: CallCandidate, window: CallingWindow): { ok: true } | { ok: false; message: string } {
  if (ticket.state !== 'waiting') return { ok: false, message: `Ticket ${ticket.number} is ${ticket.state}, not waiting` };
  if (!window.categoryIds.includes(ticket.categoryId)) return { ok: false, message: `This window does not serve the category of ticket ${ticket.number}` };
  if (ticket.targetWindowId !== null && ticket.targetWindowId !== window.id) {
    return { ok: false, message: `Ticket ${ticket.number} was transferred to another window` };
  }
  return { ok: true };
}

/** The hall's calling policy as its clients see it, defaults filled in. */
export function hallCalling(hall: Pick<HallInfo, 'calling'>): CallingSettings {
  return hall.calling ?? DEFAULT_CALLING_SETTINGS;
}

/** DK3: the priority reasons a hall's desk offers, in the catalogue's order. */
export function offeredPriorityReasons(calling: Pick<CallingSettings, 'priorityReasons'>): PriorityReason[] {
  const chosen = calling.priorityReasons ?? PRIORITY_REASONS;
  return PRIORITY_REASONS.filter((reason) => chosen.includes(reason));
}
