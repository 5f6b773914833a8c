import type { PartyState } from './types.ts';

/**
 * V1: the visitor's path is arrived → screened → holding → admitted → exited;
 * denied is terminal and reachable from arrived or screened, and from holding
 * only by a failed re-check (LV10).
 */
const NEXT: Record<PartyState, readonly PartyState[]> = {
  arrived: ['screened', 'denied'],
  screened: ['holding', 'denied'],
  holding: ['admitted', 'denied'],
  admitted: ['exited'],
  exited: [],
  denied: [],
};

export function canMoveParty(from: PartyState, to: PartyState): boolean {
  return NEXT[from].includes(to);
}

/** V2: people inside the hall are those of admitted parties, counted by party size. */
export function isInside(state: PartyState): boolean {
  return state === 'admitted';
}

/** Party sizes the door accepts: the lead visitor and up to two companions (V3). */
export const MIN_PARTY_SIZE = 1;
export const MAX_PARTY_SIZE = 3;
