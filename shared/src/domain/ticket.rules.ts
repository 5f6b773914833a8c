import type { TicketState } from './types.ts';

export type TicketAction =
  | 'call'
  | 'recall'
  | 'start'
  | 'complete'
  | 'no_show'
  | 'requeue'
  | 'transfer'
  | 'hold'
  | 'resume'
  | 'release';

/** T1: which states each action may start from, and where it leads. */
const TRANSITIONS: Record<TicketAction, { from: readonly TicketState[]; to: TicketState }> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  complete: { from: ['called', 'serving'], to: 'done' },
  no_show: { from: ['called'], to: 'no_show' },
  requeue: { from: ['no_show'], to: 'waiting' },
  transfer: { from: ['called', 'serving', 'held'], to: 'waiting' },
  hold: { from: ['serving'], to: 'held' },
  resume: { from: ['held'], to: 'serving' },
  /** W3: the window closes under a called or serving ticket; it goes back to its queue. */
  release: { from: ['called', 'serving'], to: 'waiting' },
};

export type TransitionResult = { ok: true; to: TicketState } | { ok: false; message: string };

const STATE_ZH: Record<TicketState, string> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  held: '挂起',
  done: '已办结',
  no_show: '过号',
};

export function ticketTransition(from: TicketState, action: TicketAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  return {
    ok: false,
    message: `Cannot ${action.replace('_', '-')} a ticket that is ${from} (${STATE_ZH[from]}); allowed from: ${rule.from.join(', ')}`,
  };
}

/** T2: done and no-show are the ends of a ticket's day (no-show may be requeued, T5). */
export function isTerminal(state: TicketState): boolean {
  return state === 'done' || state === 'no_show';
}

/**
 * T3: a ticket number is the category prefix and a three-digit counter that
 * restarts each business day per hall and prefix (A001, A002 …). Past 999 it
 * grows a digit (A1000) rather than wrap, so a number is never reused in a day.
 */
export function formatTicketNumber(prefix: string, counter: number): string {
  if (!Number.isInteger(counter) || counter < 1) throw new RangeError(`ticket counter must be a positive integer, got ${counter}`);
  return `${prefix}${String(counter).padStart(3, '0')}`;
}

/** T4: recall is allowed this many times after the first call. */
export const DEFAULT_MAX_RECALLS = 3;
