import { byPolicyOrder, canCallSpecific, DEFAULT_CALLING_POLICY, normalSincePriorityAfter, pickFromOrdered, type CallCandidate, type CallingPolicy } from './calling.rules.ts';
import type { WindowView } from './types.ts';

/** What counting the people ahead needs to know about a window; WindowView satisfies it. */
export type QueueWindow = Pick<WindowView, 'id' | 'number' | 'state' | 'categoryIds' | 'normalSincePriority' | 'currentTicketId'>;

interface Turn {
  id: string;
  categoryIds: readonly string[];
  normalSincePriority: number;
  /** Whether this window may call the ticket we count for. */
  serves: boolean;
}

/**
 * Q9: how many tickets will be called before this one at the windows that
 * may call it. The hall's windows (open or paused; when none of those can
 * call it, also the closed ones that can, as if they opened now) take turns
 * — free windows first, then busy ones, each by number — and each calls the
 * ticket the calling policy ranks first for it (Q1–Q6: its categories in
 * order, priority tickets, appointments due, transfers to one window). The
 * tickets called before ours at a window that may call ours are the people
 * ahead; windows that cannot call it still take their turns, since they
 * empty queues it shares with them.
 *
 * Null when the ticket is not waiting. When no window of the hall serves its
 * category at all, the waiting tickets of its category ranked before it.
 */
export function ticketsAhead(
  hall: { windows: readonly QueueWindow[]; tickets: readonly CallCandidate[] },
  ticketId: string,
  now: Date,
  policy: CallingPolicy = DEFAULT_CALLING_POLICY,
): number | null {
  const target = hall.tickets.find((t) => t.id === ticketId);
  if (!target || target.state !== 'waiting') return null;
  // Sorted once in the calling order, so each turn picks in one pass (pickFromOrdered) instead of sorting.
  const remaining = hall.tickets.filter((t) => t.state === 'waiting').sort(byPolicyOrder(now.toISOString()));
  const mayCall = (window: QueueWindow) => canCallSpecific(target, window).ok;

  let windows = hall.windows.filter((w) => w.state !== 'closed');
  if (!windows.some(mayCall)) {
    const opening = hall.windows.filter(mayCall).map((w) => ({ ...w, currentTicketId: null, normalSincePriority: policy.normalPerPriority }));
    if (opening.length === 0) {
      const order = byPolicyOrder(now.toISOString());
      return remaining.filter((t) => t.categoryId === target.categoryId && order(t, target) < 0).length;
    }
    windows = [...windows, ...opening];
  }
  const turns: Turn[] = windows
    .toSorted((a, b) => Number(a.currentTicketId !== null) - Number(b.currentTicketId !== null) || a.number - b.number)
    .map((w) => ({ id: w.id, categoryIds: w.categoryIds, normalSincePriority: w.normalSincePriority, serves: mayCall(w) }));

  let ahead = 0;
  for (;;) {
    let called = false;
    for (const turn of turns) {
      const next = pickFromOrdered(remaining, turn, policy);
      if (!next) continue;
      if (next.id === target.id) return ahead;
      called = true;
      remaining.splice(remaining.indexOf(next), 1);
      turn.normalSincePriority = normalSincePriorityAfter(next, turn.normalSincePriority);
      if (turn.serves) ahead++;
    }
    // A window that may call the ticket always calls something while it waits, so this is only a guard.
    if (!called) return ahead;
  }
}
