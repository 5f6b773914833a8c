import { describe, expect, it } from 'vitest';
import { build } from './helper.ts';

interface Operation {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, unknown>;
  requestBody?: unknown;
}

describe('the API describes itself', () => {
  it('[A9] every documented route has an operationId, tags and a success response schema', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, Operation>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    // Every API route the server has is in the document: the access table lists them all (AC1).
    const routes = app.accessTable().filter((route) => route.method !== 'HEAD');
    expect(operations).toHaveLength(routes.length);
    expect(operations.map((o) => o.op.operationId).toSorted()).toEqual(routes.map((r) => r.operationId).toSorted());
    for (const { path, method, op } of operations) {
      expect(op.operationId, `${method} ${path}`).toBeTruthy();
      expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
      const statuses = Object.keys(op.responses ?? {});
      expect(statuses.filter((code) => code.startsWith('2')).length, `${method} ${path}`).toBeGreaterThan(0);
      // A route that needs a credential documents the refusals it gives.
      const route = routes.find((r) => r.operationId === op.operationId)!;
      if (route.access.kind !== 'public' && route.access.kind !== 'ticket-holder') expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['401']));
    }
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const required of ['login', 'getHallSnapshot', 'screenVisitor', 'admitBatch', 'issueTicket', 'callNext', 'completeTicket']) {
      expect(ids).toContain(required);
    }
  });

  it('[A9] the docs UI is served', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });

  it('[A9] health reports ok, the protocol version and the server time', async () => {
    const { app, clock } = await build();
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json<{ status: string; time: string }>();
    expect(health.status).toBe('ok');
    expect(health.time).toBe(clock.now().toISOString());
  });
});
