import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tickets } from '../src/db/schema/index.ts';
import { issueTicketRow } from '../src/modules/tickets/issue.service.ts';
import { build } from './helper.ts';

describe('the row an issue answers', () => {
  it('[R10] is the row stored, column for column (the insert names every column; nothing is left to a default)', async () => {
    const { app } = await build();
    const issued = [
      app.commands.run('demo', (ctx) => issueTicketRow(ctx, 'demo', { categoryId: 'demo-A', priority: false, partyId: null, partySize: 1 })),
      app.commands.run('demo', (ctx) =>
        issueTicketRow(ctx, 'demo', { categoryId: 'demo-C', priority: true, priorityReason: 'age65', partyId: null, partySize: 3, slotStart: '2026-11-25T02:30:00.000Z' }),
      ),
    ];
    for (const row of issued) {
      const stored = app.store.db.select().from(tickets).where(eq(tickets.id, row.id)).get();
      expect(stored).toEqual(row);
    }
    expect(issued[1]).toMatchObject({ priority: true, priorityReason: 'age65', partySize: 3, state: 'waiting', callCount: 0, aheadAtIssue: null });
  });
});
