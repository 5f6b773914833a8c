import type { DeviceTokenResponse, DeviceView, StaffAccount } from '@hallflow/shared/api';
import { connectHall, type HallSocket } from '@hallflow/shared/realtime';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login, staffToken } from './helper.ts';

const sockets: HallSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function listening() {
  const test = await build();
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const address = test.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { ...test, url, admin: await login(test.app, 'admin', ADMIN_PASSWORD) };
}

/** A live connection, resolved once connected, with a promise of the reason it is closed by the server. */
async function connected(url: string, token: string, credential: 'staff' | 'device') {
  const socket = connectHall({ url, credential, token });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
  return { socket, closed };
}

describe('staff accounts and paired screens', () => {
  it('[A17] an admin lists staff and disables an account: it cannot sign in, its session ends and its live connection is closed', async () => {
    const { app, url, admin } = await listening();
    const clerk = await staffToken(app, 'clerk', 'clerk-wang');
    await staffToken(app, 'door', 'door-li');
    const list = (await app.inject({ method: 'GET', url: '/api/staff?hallId=demo', headers: bearer(admin) })).json<StaffAccount[]>();
    expect(list.map((s) => s.username)).toEqual(['admin', 'clerk-wang', 'demo-clerk', 'demo-door', 'demo-supervisor', 'door-li']); // by username; the demo accounts are the first start's (A23)
    const target = list.find((s) => s.username === 'clerk-wang')!;
    expect(target).toMatchObject({ role: 'clerk', hallId: 'demo', disabled: false });
    expect(JSON.stringify(list)).not.toContain('scrypt');

    const live = await connected(url, clerk, 'staff');
    const disabled = await app.inject({ method: 'POST', url: `/api/staff/${target.id}/disable`, headers: bearer(admin) });
    expect(disabled.json<StaffAccount>().disabled).toBe(true);
    expect(await live.closed).toBe('io server disconnect');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(clerk) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk-wang', password: 'password-123' } })).statusCode).toBe(401);

    await app.inject({ method: 'POST', url: `/api/staff/${target.id}/enable`, headers: bearer(admin) });
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk-wang', password: 'password-123' } })).statusCode).toBe(200);
  });

  it('[A17] a new password ends the old sessions; an admin cannot disable themselves; only admins manage accounts', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const clerk = await staffToken(app, 'clerk', 'clerk-zhao');
    const supervisor = await staffToken(app, 'supervisor');
    const accounts = (await app.inject({ method: 'GET', url: '/api/staff', headers: bearer(admin) })).json<StaffAccount[]>();
    const clerkId = accounts.find((s) => s.username === 'clerk-zhao')!.id;
    const adminId = accounts.find((s) => s.username === 'admin')!.id;

    expect((await app.inject({ method: 'POST', url: `/api/staff/${clerkId}/password`, headers: bearer(admin), payload: { password: 'short' } })).json<{ message: string }>().message).toContain('body/password');
    expect((await app.inject({ method: 'POST', url: `/api/staff/${clerkId}/password`, headers: bearer(admin), payload: { password: 'a-new-password' } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(clerk) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk-zhao', password: 'a-new-password' } })).statusCode).toBe(200);

    expect((await app.inject({ method: 'POST', url: `/api/staff/${adminId}/disable`, headers: bearer(admin) })).json<{ code: string }>().code).toBe('SELF');
    expect((await app.inject({ method: 'POST', url: '/api/staff/nobody/disable', headers: bearer(admin) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/staff', headers: bearer(supervisor) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/staff/${clerkId}/disable`, headers: bearer(supervisor) })).statusCode).toBe(403);
  });

  it('[A17][L8] screens are listed without their tokens; a revoked screen is cut off at once and cannot come back', async () => {
    const { app, url, admin } = await listening();
    const supervisor = await staffToken(app, 'supervisor');
    const door = await staffToken(app, 'door');
    const paired = (await app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(supervisor), payload: { name: '大厅主屏', kind: 'lobby' } })).json<DeviceTokenResponse>();
    const devices = (await app.inject({ method: 'GET', url: '/api/halls/demo/devices', headers: bearer(supervisor) })).json<DeviceView[]>();
    expect(devices.find((device) => device.id === paired.id)).toEqual({ id: paired.id, hallId: 'demo', name: '大厅主屏', kind: 'lobby', windowId: null, inside: false, createdAt: expect.any(String), revoked: false, demoToken: null });
    expect(JSON.stringify(devices)).not.toContain(paired.token);
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/devices', headers: bearer(door) })).statusCode).toBe(403);

    const live = await connected(url, paired.token, 'device');
    const revoked = await app.inject({ method: 'POST', url: `/api/halls/demo/devices/${paired.id}/revoke`, headers: bearer(admin) });
    expect(revoked.json<DeviceView>().revoked).toBe(true);
    expect(await live.closed).toBe('io server disconnect');
    expect((await app.inject({ method: 'GET', url: '/api/devices/me', headers: bearer(paired.token) })).statusCode).toBe(401);
    await expect(connected(url, paired.token, 'device')).rejects.toThrow();
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/devices/unknown/revoke', headers: bearer(admin) })).statusCode).toBe(404);
  });
});
