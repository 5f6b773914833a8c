import type { TicketResponse } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import type { HallEventEnvelope } from '@hallflow/shared';
import { DomainError, RecordedRefusal } from '../src/core/errors.ts';
import { issueTicketTx } from '../src/modules/tickets/issue.service.ts';
import { ADMIN_PASSWORD, bearer, build, login } from './helper.ts';

describe('group commit', () => {
  it('[R7] commands that arrive together share one transaction; a refused one rolls back alone; each is answered after the commit', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const db = app.store.db;
    const transaction = db.transaction.bind(db);
    let transactions = 0;
    db.transaction = ((...args: Parameters<typeof transaction>) => {
      transactions++;
      return transaction(...args);
    }) as typeof db.transaction;
    const issue = (categoryId: string) => app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(admin), payload: { categoryId } });
    const answers = await Promise.all([...Array.from({ length: 10 }, () => issue('demo-A')), issue('no-such-queue'), ...Array.from({ length: 9 }, () => issue('demo-A'))]);
    expect(answers.map((a) => a.statusCode).filter((s) => s === 201)).toHaveLength(19);
    expect(answers[10]!.statusCode).toBe(400);
    // One shared transaction for all twenty (the refused one inside its own savepoint).
    expect(transactions).toBe(1);
    const numbers = answers.filter((a) => a.statusCode === 201).map((a) => a.json<TicketResponse>().ticket.number);
    expect(new Set(numbers).size).toBe(19);
    expect(numbers.toSorted()).toEqual(Array.from({ length: 19 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    // The log has exactly the nineteen, gap-free.
    const events = app.store.sqlite.prepare("select seq from events where hall_id = 'demo' order by seq").all() as { seq: number }[];
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it('[R7] a command that wrote and then failed leaves nothing of itself, between two that commit, in the same group', async () => {
    const { app } = await build();
    const issue = (fail: boolean) =>
      app.commands.runGrouped(
        'demo',
        (ctx) => {
          const ticket = issueTicketTx(ctx, 'demo', { categoryId: 'demo-A', priority: false, partyId: null, partySize: 1 });
          if (fail) throw new Error('refused after writing');
          return ticket;
        },
        (outcome) => outcome.value.number,
      );
    const [first, failed, third] = await Promise.allSettled([issue(false), issue(true), issue(false)]);
    expect(first).toEqual({ status: 'fulfilled', value: 'A001' });
    expect(failed.status).toBe('rejected');
    // The failed command's ticket number, its row and its event were all undone, so the third takes the next number and seq.
    expect(third).toEqual({ status: 'fulfilled', value: 'A002' });
    const rows = app.store.sqlite.prepare("select number from tickets where hall_id = 'demo' order by number").all();
    expect(rows).toEqual([{ number: 'A001' }, { number: 'A002' }]);
    const events = app.store.sqlite.prepare("select seq from events where hall_id = 'demo' order by seq").all();
    expect(events).toEqual([{ seq: 1 }, { seq: 2 }]);
    // No savepoint is left open: the next group commits on its own.
    await expect(issue(false)).resolves.toBe('A003');
    expect(app.store.sqlite.inTransaction).toBe(false);
  });

  it('[R7][B6] a refusal that records something: the command\'s own writes are undone, the record commits, its events are published, and the refusal is answered, grouped or not', async () => {
    const { app } = await build();
    const published: HallEventEnvelope[] = [];
    app.commands.setPublisher({ publish: (envelopes) => void published.push(...envelopes) });
    const refuse = (ctx: Parameters<Parameters<typeof app.commands.run>[1]>[0]) => {
      issueTicketTx(ctx, 'demo', { categoryId: 'demo-A', priority: false, partyId: null, partySize: 1 });
      throw new RecordedRefusal(new DomainError(409, 'HOLDING_FULL_KEPT', 'kept', { time: '10:50', until: '11:05' }), (record) => {
        issueTicketTx(record, 'demo', { categoryId: 'demo-B', priority: false, partyId: null, partySize: 1 });
      });
    };
    // Grouped, between two commands that commit; without a refusal handler the refusal is the command's error.
    const ok = () => app.commands.runGrouped('demo', (ctx) => issueTicketTx(ctx, 'demo', { categoryId: 'demo-C', priority: false, partyId: null, partySize: 1 }).number, (outcome) => outcome.value);
    const [first, refused, third] = await Promise.allSettled([ok(), app.commands.runGrouped('demo', refuse, () => 'answered'), ok()]);
    expect(first).toEqual({ status: 'fulfilled', value: 'C001' });
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'HOLDING_FULL_KEPT' } });
    expect(third).toEqual({ status: 'fulfilled', value: 'C002' });
    // With a refusal handler, what it makes of the refusal is the answer, within the transaction.
    await expect(app.commands.runGrouped('demo', refuse, () => 'answered', (refusal) => `refused ${refusal.code}`)).resolves.toBe('refused HOLDING_FULL_KEPT');
    // Not grouped: the same.
    expect(() => app.commands.run('demo', refuse)).toThrow(expect.objectContaining({ code: 'HOLDING_FULL_KEPT' }) as Error);
    expect(app.commands.runAndFinish('demo', refuse, () => 'answered', (refusal, _audit, tx) => `refused in ${tx ? 'tx' : '?'} ${refusal.code}`)).toBe('refused in tx HOLDING_FULL_KEPT');
    // Only the records' tickets (B) and the two that committed (C); no A: every refused command's own ticket was undone.
    const rows = app.store.sqlite.prepare("select number from tickets where hall_id = 'demo' order by number").all();
    expect(rows).toEqual([{ number: 'B001' }, { number: 'B002' }, { number: 'B003' }, { number: 'B004' }, { number: 'C001' }, { number: 'C002' }]);
    // Each record's event was logged gap-free and published once, in seq order.
    const seqs = (app.store.sqlite.prepare("select seq from events where hall_id = 'demo' order by seq").all() as { seq: number }[]).map((row) => row.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(published.map((envelope) => envelope.seq)).toEqual(seqs);
    expect(app.store.sqlite.inTransaction).toBe(false);
  });
});
