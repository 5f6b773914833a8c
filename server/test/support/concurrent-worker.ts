/**
 * A separate process with its own connection to the same SQLite file, as a
 * second server node would have: it runs commands as fast as it can so that
 * several workers really contend for the write lock.
 */
import { systemClock } from '../../src/core/clock.ts';
import { CommandRunner, nullPublisher } from '../../src/core/command-runner.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { callNext } from '../../src/modules/tickets/calling.service.ts';
import { issueTicketTx } from '../../src/modules/tickets/issue.service.ts';
import { completeTicket } from '../../src/modules/tickets/ticket-flow.service.ts';

interface Job {
  path: string;
  kind: 'issue' | 'call';
  count: number;
  windowIds: string[];
  startAt: number;
}

const job = JSON.parse(process.argv[2]!) as Job;
const { db, sqlite } = openDatabase(job.path);
const runner = new CommandRunner(db, systemClock, nullPublisher);
const results: string[] = [];
while (Date.now() < job.startAt) {
  // spin until every worker is ready, so they start at the same moment
}
for (let i = 0; i < job.count; i++) {
  if (job.kind === 'issue') {
    const ticket = runner.run('demo', (ctx) => issueTicketTx(ctx, 'demo', { categoryId: 'demo-A', priority: false, partyId: null, partySize: 1 }));
    results.push(ticket.number);
  } else {
    const windowId = job.windowIds[i % job.windowIds.length]!;
    const called = runner.run('demo', (ctx) => callNext(ctx, 'demo', windowId));
    if (!called.ticket) continue;
    results.push(called.ticket.id);
    runner.run('demo', (ctx) => completeTicket(ctx, 'demo', called.ticket!.id));
  }
}
sqlite.close();
process.stdout.write(JSON.stringify(results));
