import type { FinishedView, PublicTicketView } from '@hallflow/shared';
import { aPublicHall, aPublicTicket, aPublicWindow } from '../../shared/test/support/views.ts';
import { describe, expect, it } from 'vitest';
import { ratingTarget } from '../src/lib/rating-target';

const finished = (over: Partial<FinishedView> = {}): FinishedView => ({ windowId: 'w3', ticketId: 't1', number: 'A001', finishedAt: '2026-11-25T02:12:00.000Z', rated: false, ...over });
const hall = (done: FinishedView[], current: PublicTicketView | null = null, state: 'open' | 'paused' = 'open') =>
  aPublicHall({ windows: [aPublicWindow({ id: 'w3', number: 3, state, currentTicketId: current?.id ?? null })], tickets: current ? [current] : [], finished: done });
const at = (minutesAfterEnd: number) => Date.parse('2026-11-25T02:12:00.000Z') + minutesAfterEnd * 60_000;

describe("the window's rating pad", () => {
  it('[L10][F2] asks about the service that just ended at that window, until it is rated', () => {
    expect(ratingTarget(hall([finished()]), 3, at(1))?.number).toBe('A001');
    expect(ratingTarget(hall([finished()]), 4, at(1))).toBeNull(); // another window
    expect(ratingTarget(hall([finished({ rated: true })]), 3, at(1))).toBeNull();
    expect(ratingTarget(hall([]), 3, at(1))).toBeNull();
  });

  it("[L10] gives way to the next call, to a pause, and to time: two minutes after the end, on the hall's clock", () => {
    const next = aPublicTicket({ id: 't2', number: 'A002', state: 'called', windowId: 'w3', calledAt: '2026-11-25T02:13:00.000Z' });
    expect(ratingTarget(hall([finished()], next), 3, at(1))).toBeNull();
    expect(ratingTarget(hall([finished()], null, 'paused'), 3, at(1))).toBeNull();
    expect(ratingTarget(hall([finished()]), 3, at(1.9))?.number).toBe('A001');
    expect(ratingTarget(hall([finished()]), 3, at(3))).toBeNull();
  });
});
