import { describe, expect, it } from 'vitest';
import { canMoveParty, isInside, MAX_PARTY_SIZE, MIN_PARTY_SIZE, type PartyState } from '../src/domain/index.ts';

const STATES: PartyState[] = ['arrived', 'screened', 'holding', 'admitted', 'exited', 'denied'];

describe('the visitor path', () => {
  it('[V1][LV10] a party moves only forward along arrived → screened → holding → admitted → exited; a failed re-check turns a holding party away', () => {
    const allowed = STATES.flatMap((from) => STATES.filter((to) => canMoveParty(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'arrived→screened',
      'arrived→denied',
      'screened→holding',
      'screened→denied',
      'holding→admitted',
      'holding→denied',
      'admitted→exited',
    ]);
  });

  it('[V1] denied and exited are terminal: nobody denied is ever admitted', () => {
    for (const to of STATES) {
      expect(canMoveParty('denied', to)).toBe(false);
      expect(canMoveParty('exited', to)).toBe(false);
    }
  });

  it('[V2] only admitted parties are inside the hall', () => {
    expect(STATES.filter(isInside)).toEqual(['admitted']);
  });

  it('[V3] a party is one lead visitor and up to two companions', () => {
    expect([MIN_PARTY_SIZE, MAX_PARTY_SIZE]).toEqual([1, 3]);
  });
});
