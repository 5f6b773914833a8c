import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HallSnapshot } from '@hallflow/shared';
import type { TicketResponse } from '@hallflow/shared/api';
import { afterAll, describe, expect, it } from 'vitest';
import { createStaff, signIn, signInAdmin } from './support/api.ts';
import { ROOT, startServer, type RunningServer } from './support/server.ts';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

describe('backup and restore', () => {
  it('[AU3] pnpm backup copies the live database while the hall works; a server started on the copy has everything committed before it', async () => {
    const live = await startServer();
    servers.push(live);
    const { api: admin } = await signInAdmin(live.url);
    const password = await createStaff(admin, 'backup-clerk', 'clerk');
    const { api: clerk } = await signIn(live.url, 'backup-clerk', password);
    const before: TicketResponse[] = [];
    for (let i = 0; i < 20; i++) before.push(await clerk<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-A' }));
    const seqBefore = (await clerk<HallSnapshot>('GET', '/api/halls/demo/snapshot')).seq;

    // Tickets keep coming while the backup runs.
    let issuing = true;
    const during = (async () => {
      let n = 0;
      while (issuing) {
        await clerk('POST', '/api/halls/demo/tickets', { categoryId: 'demo-C' });
        n++;
      }
      return n;
    })();
    const file = join(mkdtempSync(join(tmpdir(), 'hallflow-backup-')), 'copy.db');
    const backup = spawnSync('pnpm', ['backup', file], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: live.databasePath }, encoding: 'utf8' });
    issuing = false;
    expect(await during).toBeGreaterThan(0);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('backed up');
    // A second backup onto the same file is refused rather than overwriting it.
    expect(spawnSync('pnpm', ['backup', file], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: live.databasePath }, encoding: 'utf8' }).status).not.toBe(0);
    await live.stop();

    const restored = await startServer({ databasePath: file });
    servers.push(restored);
    const { api: again } = await signIn(restored.url, 'backup-clerk', password);
    const snapshot = await again<HallSnapshot>('GET', '/api/halls/demo/snapshot');
    expect(snapshot.seq).toBeGreaterThanOrEqual(seqBefore);
    for (const issued of before) expect(snapshot.tickets.some((t) => t.id === issued.ticket.id)).toBe(true);
    // The copy is a working hall: it takes new commands and keeps numbering.
    const next = await again<TicketResponse>('POST', '/api/halls/demo/tickets', { categoryId: 'demo-A' });
    expect(next.ticket.number).toBe('A021');
  });
});
