import { STAFF_OPERATIONS } from '@hallflow/shared/i18n';
import { describe, expect, it } from 'vitest';
import { build } from './helper.ts';

describe('the audit log names every operation staff run', () => {
  it('[AU2] the catalogue of operation names holds every state-changing operation staff may run, and nothing else', async () => {
    const { app } = await build();
    // What the audit log records: a staff member's command (AU1), and signing in.
    const audited = app
      .accessTable()
      .filter((route) => route.method !== 'GET' && route.method !== 'HEAD' && (route.access.kind === 'staff' || route.access.kind === 'hall-reader' || route.operationId === 'login'))
      .map((route) => route.operationId)
      .toSorted();
    expect(audited.length).toBeGreaterThan(40);
    expect(Object.keys(STAFF_OPERATIONS).toSorted()).toEqual(audited);
  });
});
