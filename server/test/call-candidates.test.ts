import { pickNextTicket } from '@hallflow/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId, newToken } from '../src/core/ids.ts';
import { tickets } from '../src/db/schema/index.ts';
import { ticketView } from '../src/modules/hall/views.ts';
import { callCandidates } from '../src/modules/tickets/ticket.repository.ts';
import { build } from './helper.ts';

const NOW = new Date('2026-11-25T02:00:00.000Z');
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000).toISOString();

const waitingTicket = fc.record({
  category: fc.constantFrom('demo-A', 'demo-B', 'demo-C'),
  priority: fc.boolean(),
  queuedMinute: fc.integer({ min: -120, max: 0 }),
  slot: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
  target: fc.constantFrom(null, null, null, 'demo-w1', 'demo-w2'),
  state: fc.constantFrom('waiting', 'waiting', 'waiting', 'called', 'done'),
});

describe('call next reads a few rows, not the queue', () => {
  it('[Q10][Q1][Q3][Q4][Q5][Q6] the policy picks the same ticket from the index-read candidates as from every waiting ticket', async () => {
    const { app } = await build();
    const db = app.store.db;
    await fc.assert(
      fc.asyncProperty(fc.array(waitingTicket, { maxLength: 40 }), fc.shuffledSubarray(['demo-A', 'demo-B', 'demo-C'], { minLength: 1 }), fc.integer({ min: 0, max: 3 }), async (rows, categoryIds, normalSincePriority) => {
        db.delete(tickets).run();
        rows.forEach((row, i) => {
          db.insert(tickets)
            .values({
              id: newId(),
              hallId: 'demo',
              day: '2026-11-25',
              categoryId: row.category,
              prefix: row.category.slice(-1),
              counter: i + 1,
              number: `${row.category.slice(-1)}${String(i + 1).padStart(3, '0')}`,
              state: row.state as 'waiting',
              priority: row.priority,
              publicToken: newToken(),
              queuedAt: minutes(row.queuedMinute),
              slotStart: row.slot === null ? null : minutes(row.slot),
              targetWindowId: row.target,
              issuedAt: minutes(row.queuedMinute),
            })
            .run();
        });
        const window = { id: 'demo-w1', categoryIds, normalSincePriority };
        const everyone = db.select().from(tickets).all().map(ticketView);
        const candidates = db.transaction((tx) => callCandidates(tx, 'demo', window, NOW)).map(ticketView);
        expect(candidates.length).toBeLessThanOrEqual(categoryIds.length * 6);
        expect(pickNextTicket(candidates, window, NOW)?.id ?? null).toBe(pickNextTicket(everyone, window, NOW)?.id ?? null);
      }),
      { numRuns: 200 },
    );
  });
});
