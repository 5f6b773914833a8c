import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ACCESS_COLUMNS, type AccessColumn } from '@hallflow/shared';
import type { SecurityPolicy, TicketResponse } from '@hallflow/shared/api';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import authPlugin from '../src/plugins/app/auth.ts';
import database from '../src/plugins/external/database.ts';
import { ManualClock } from '../src/core/clock.ts';
import { ACCESS_TABLE_END, ACCESS_TABLE_START } from '../src/tools/security-table.ts';
import { ADMIN_PASSWORD, EAST_HALL, bearer, build, login } from './helper.ts';

const RELAY_SECRET = 'relay-secret-of-this-test-0123456789abcdef';
const SECURITY_MD = resolve(import.meta.dirname, '../../docs/SECURITY.md');

/** The access table as docs/SECURITY.md states it: operationId → column → allowed. */
function documentedTable(): Map<string, Record<AccessColumn, boolean>> {
  const text = readFileSync(SECURITY_MD, 'utf8');
  const table = text.slice(text.indexOf(ACCESS_TABLE_START), text.indexOf(ACCESS_TABLE_END));
  const rows = new Map<string, Record<AccessColumn, boolean>>();
  for (const line of table.split('\n')) {
    const match = /^\| `(\w+)` \| [^|]+ \|(.*)\|$/.exec(line.trim());
    if (!match) continue;
    const cells = match[2]!.split('|').map((cell) => cell.trim());
    rows.set(match[1]!, Object.fromEntries(ACCESS_COLUMNS.map((column, i) => [column, cells[i] === '✓'])) as Record<AccessColumn, boolean>);
  }
  return rows;
}

interface Operation {
  operationId: string;
  method: string;
  path: string;
}

/** Every operation of the running server's OpenAPI document. */
function operationsOf(openapi: { paths: Record<string, Record<string, { operationId?: string }>> }): Operation[] {
  return Object.entries(openapi.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, operation]) => operation.operationId)
      .map(([method, operation]) => ({ operationId: operation.operationId!, method: method.toUpperCase(), path })),
  );
}

describe('who may do what (docs/SECURITY.md)', () => {
  it('[AC1][AC2][AC3][AC4] every operation of the OpenAPI document, called by each principal of the table, answers as the table says', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '100000', RELAY_SECRET });
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const call = async (method: string, url: string, token: string | null, payload?: object) =>
      app.inject({ method: method as 'GET', url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
    expect((await call('POST', '/api/halls', admin, EAST_HALL)).statusCode).toBe(201);
    const account = async (username: string, role: string, hallId: string | null) => {
      const created = await call('POST', '/api/staff', admin, { username, displayName: username, role, hallId, password: 'password-123' });
      expect(created.statusCode).toBe(201);
      return { id: created.json<{ id: string }>().id, token: await login(app, username, 'password-123') };
    };
    const device = async (kind: string, windowId?: string) =>
      (await call('POST', '/api/halls/demo/devices', admin, { name: kind, kind, ...(windowId ? { windowId } : {}) })).json<{ id: string; token: string }>();

    const screen = await device('lobby');
    const pad = await device('rating', 'demo-w1');
    const targetDevice = await device('outdoor');
    const target = await account('target-clerk', 'clerk', 'demo');
    const issued = (await call('POST', '/api/halls/demo/tickets', admin, { categoryId: 'demo-A' })).json<TicketResponse>();
    const tokens: Record<AccessColumn, string | null> = {
      nobody: null,
      screen: screen.token,
      pad: pad.token,
      kiosk: (await device('kiosk')).token,
      phone: issued.phoneToken,
      door: (await account('m-door', 'door', 'demo')).token,
      clerk: (await account('m-clerk', 'clerk', 'demo')).token,
      supervisor: (await account('m-supervisor', 'supervisor', 'demo')).token,
      admin: (await account('m-admin', 'admin', 'demo')).token,
      cityAdmin: admin,
      otherDoor: (await account('o-door', 'door', 'east')).token,
      otherClerk: (await account('o-clerk', 'clerk', 'east')).token,
      otherSupervisor: (await account('o-supervisor', 'supervisor', 'east')).token,
      otherAdmin: (await account('o-admin', 'admin', 'east')).token,
      relay: RELAY_SECRET,
    };
    const params: Record<string, string> = {
      hallId: 'demo',
      windowId: 'demo-w1',
      ticketId: issued.ticket.id,
      staffId: target.id,
      deviceId: targetDevice.id,
      code: 'ABCD1234',
    };
    /** Bodies for the routes whose rule reaches into the body or the target (AC3): valid, so only reach decides. */
    const bodies: Record<string, (column: AccessColumn) => object> = {
      createStaff: (column) => ({ username: `made-${column.toLowerCase()}`, displayName: '新人', role: 'clerk', hallId: 'demo', password: 'password-123' }),
      resetStaffPassword: () => ({ password: 'another-password-1' }),
    };

    /** Lists filtered by hall are asked for hall A's. */
    const queries: Record<string, string> = {
      listStaff: '?hallId=demo',
      listAuditLog: '?hallId=demo',
      listPreventionLevelChanges: '?hallId=demo',
      getReport: '?hallId=demo&from=2026-11-25&to=2026-11-25',
      getFourReductions: '?hallId=demo&from=2026-11-25&to=2026-11-25',
    };
    // The clerk holds window 1, so closing it is theirs to do (W3).
    expect((await call('POST', '/api/halls/demo/windows/demo-w1/open', tokens.clerk)).statusCode).toBe(200);

    const openapi = (await call('GET', '/api/openapi.json', null)).json<{ paths: Record<string, Record<string, { operationId?: string }>> }>();
    // Closing window 1 comes first, while the clerk still holds it; signing out ends the sessions the other calls use: it goes last.
    const rank = (o: Operation) => (o.operationId === 'closeWindow' ? -1 : o.operationId === 'logout' ? 1 : 0);
    const operations = operationsOf(openapi).toSorted((a, b) => rank(a) - rank(b));
    const documented = documentedTable();
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.map((o) => o.operationId).filter((id) => !documented.has(id))).toEqual([]);

    const mismatches: string[] = [];
    let calls = 0;
    for (const operation of operations) {
      const ticketRoute = operation.path.includes('{token}');
      for (const column of ACCESS_COLUMNS) {
        const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'token' ? (column === 'phone' ? issued.phoneToken : 'AAAAAAAAAAAAAAAAAAAAAA') : params[name]!));
        const url = path + (queries[operation.operationId] ?? '');
        const payload = operation.method === 'GET' ? undefined : (bodies[operation.operationId]?.(column) ?? {});
        const response = await call(operation.method, url, column === 'phone' && !ticketRoute ? issued.phoneToken : tokens[column], payload);
        calls++;
        const denied = response.statusCode === 401 || response.statusCode === 403 || (ticketRoute && response.statusCode === 404);
        expect(response.statusCode, `${operation.operationId} as ${column}: ${response.body}`).toBeLessThan(500);
        const expected = documented.get(operation.operationId)![column];
        if (denied === expected) mismatches.push(`${operation.operationId} as ${column}: table says ${expected ? 'allowed' : 'denied'}, server answered ${response.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(operations.length * ACCESS_COLUMNS.length);
  });

  it('[AC1] the table in docs/SECURITY.md is the one the routes declare, and getSecurityPolicy publishes it to admins only', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const policy = (await app.inject({ method: 'GET', url: '/api/security-policy', headers: bearer(admin) })).json<SecurityPolicy>();
    const documented = documentedTable();
    expect(policy.operations.map((o) => o.operationId).toSorted()).toEqual([...documented.keys()].toSorted());
    for (const operation of policy.operations) expect(operation.allowed, operation.operationId).toEqual(documented.get(operation.operationId));
    expect((await app.inject({ method: 'GET', url: '/api/security-policy' })).statusCode).toBe(401);
  });

  it('[AC1] a route that declares no access rule stops the server from starting', async () => {
    const instance = Fastify({ logger: false });
    await instance.register(database, { path: ':memory:', clock: new ManualClock('2026-11-25T02:00:00.000Z') });
    await instance.register(authPlugin);
    expect(() => instance.get('/api/undeclared', { schema: { operationId: 'undeclared' } }, async () => ({ ok: true }))).toThrow(/declares no access rule/);
    await instance.close();
  });
});
