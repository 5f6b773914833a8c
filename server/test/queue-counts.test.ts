import { describe, expect, it } from 'vitest';
import { callNext } from '../src/modules/tickets/calling.service.ts';
import { issueTicketTx } from '../src/modules/tickets/issue.service.ts';
import { completeTicket, markNoShow, requeueTicket, startService, transferTicket } from '../src/modules/tickets/ticket-flow.service.ts';
import { openWindow } from '../src/modules/tickets/window.service.ts';
import { attempt, build, seeded } from './helper.ts';

/** What the triggers keep, beside what counting the tickets gives. */
function countsAgree(sqlite: import('better-sqlite3').Database) {
  const kept = sqlite.prepare('select hall_id, category_id, day, waiting from queue_counts order by 1, 2, 3').all();
  const counted = sqlite.prepare("select hall_id, category_id, day, count(*) as waiting from tickets where state = 'waiting' group by 1, 2, 3 order by 1, 2, 3").all();
  expect(kept).toEqual(counted);
}


describe('the waiting counts kept by triggers', () => {
  it('[R10] after every issue, call, service, completion, no-show, return and transfer, the kept counts equal the waiting tickets counted', async () => {
    const { app, clock } = await build();
    const random = seeded(11);
    const windows = ['demo-w1', 'demo-w2', 'demo-w3'];
    for (const windowId of windows) app.commands.run('demo', (ctx) => openWindow(ctx, 'demo', windowId, { id: 'test', name: 'test' }));
    const ids: string[] = [];
    const pick = () => ids[Math.floor(random() * ids.length)]!;
    const steps: ((ctx: Parameters<Parameters<typeof app.commands.run>[1]>[0]) => unknown)[] = [
      (ctx) => ids.push(issueTicketTx(ctx, 'demo', { categoryId: random() < 0.6 ? 'demo-A' : 'demo-B', priority: random() < 0.2, partyId: null, partySize: 1 }).id),
      (ctx) => callNext(ctx, 'demo', windows[Math.floor(random() * windows.length)]!),
      (ctx) => startService(ctx, 'demo', pick()),
      (ctx) => completeTicket(ctx, 'demo', pick()),
      (ctx) => markNoShow(ctx, 'demo', pick()),
      (ctx) => requeueTicket(ctx, 'demo', pick()),
      (ctx) => transferTicket(ctx, 'demo', pick(), { categoryId: random() < 0.5 ? 'demo-A' : 'demo-B' }),
    ];
    let applied = 0;
    for (let i = 0; i < 400; i++) {
      if (i % 50 === 0) clock.advance(1);
      const step = i < 10 ? steps[0]! : steps[Math.floor(random() * steps.length)]!;
      // A move the ticket's state does not allow is refused and writes nothing (T1); the counts must still agree.
      if (attempt(() => app.commands.run('demo', step)) !== null) applied++;
      countsAgree(app.store.sqlite);
    }
    expect(applied).toBeGreaterThan(80);
    expect(app.store.sqlite.prepare("select count(*) as n from tickets where state = 'waiting'").get()).not.toEqual({ n: 0 });
  });

  it('[R10] a ticket moved to another day or queue by hand, or deleted (retention), leaves the counts right; a queue emptied has no row', async () => {
    const { app } = await build();
    for (let i = 0; i < 6; i++) app.commands.run('demo', (ctx) => issueTicketTx(ctx, 'demo', { categoryId: i % 2 ? 'demo-A' : 'demo-B', priority: false, partyId: null, partySize: 1 }));
    const sqlite = app.store.sqlite;
    countsAgree(sqlite);
    sqlite.prepare("update tickets set day = '2026-11-24' where rowid in (select rowid from tickets limit 2)").run();
    countsAgree(sqlite);
    sqlite.prepare("update tickets set category_id = 'demo-A' where category_id = 'demo-B'").run();
    countsAgree(sqlite);
    sqlite.prepare("delete from tickets where day = '2026-11-24'").run();
    countsAgree(sqlite);
    sqlite.prepare("update tickets set state = 'done'").run();
    countsAgree(sqlite);
    expect(sqlite.prepare('select count(*) as n from queue_counts').get()).toEqual({ n: 0 });
  });
});
