/**
 * A separate process with its own connection to the same SQLite file, as a
 * second server node would have: it runs commands as fast as it can so that
 * several workers really contend for the write lock.
 */
import { ManualClock, systemClock } from '../../src/core/clock.ts';
import { CommandRunner, nullPublisher } from '../../src/core/command-runner.ts';
import { DomainError } from '../../src/core/errors.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { bookAppointment } from '../../src/modules/appointments/appointments.service.ts';
import { callNext } from '../../src/modules/tickets/calling.service.ts';
import { issueTicketTx } from '../../src/modules/tickets/issue.service.ts';
import { completeTicket } from '../../src/modules/tickets/ticket-flow.service.ts';
import { booking, idFor } from './booking.ts';

interface Job {
  path: string;
  /** 'migrate': open a new file at startAt, bringing its schema up to date as a starting node does. */
  kind: 'issue' | 'call' | 'book' | 'migrate';
  count: number;
  windowIds: string[];
  startAt: number;
  /** 'book': the first test ID number this worker uses, and the hall time it runs at. */
  firstId?: number;
  now?: string;
}

const job = JSON.parse(process.argv[2]!) as Job;
if (job.kind === 'migrate') waitForStart();
const { db, sqlite } = openDatabase(job.path);
const runner = new CommandRunner(db, job.now ? new ManualClock(job.now) : systemClock, nullPublisher);
const results: string[] = [];
if (job.kind !== 'migrate') waitForStart();
for (let i = 0; i < job.count && job.kind !== 'migrate'; i++) {
  if (job.kind === 'book') {
    // A full slot is the expected answer for most; any other refusal fails the worker.
    try {
      results.push(runner.run('demo', (ctx) => bookAppointment(ctx, 'demo', booking({ idNumber: idFor(job.firstId! + i) }))).code);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'SLOT_FULL')) throw error;
    }
  } else if (job.kind === 'issue') {
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

function waitForStart(): void {
  while (Date.now() < job.startAt) {
    // spin until every worker is ready, so they start at the same moment
  }
}
