import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../src/modules/auth/bootstrap.ts';
import { hashPassword, verifyPassword } from '../src/modules/auth/passwords.ts';
import { ADMIN_PASSWORD, bearer, build, greenPerson, login, staffToken } from './helper.ts';

describe('staff sign-in and roles', () => {
  it('[A5] passwords are stored as salted scrypt hashes, never in clear', async () => {
    const { app } = await build();
    const rows = app.store.sqlite.prepare('select password_hash as hash from staff').all() as { hash: string }[];
    expect(rows.length).toBe(4); // the first admin and the demo hall's door, clerk and supervisor (A23)
    for (const { hash } of rows) {
      expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(hash).not.toContain(ADMIN_PASSWORD);
    }
    expect(hashPassword('same')).not.toBe(hashPassword('same'));
    expect(verifyPassword('same', hashPassword('same'))).toBe(true);
    expect(verifyPassword('other', hashPassword('same'))).toBe(false);
  });

  it('[A5] a wrong password or unknown user gets the same 401', async () => {
    const { app } = await build();
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('[A6] each staff route checks its role: a clerk cannot screen or admit, a door cannot call', async () => {
    const { app } = await build();
    const clerk = await staffToken(app, 'clerk');
    const door = await staffToken(app, 'door');
    const screen = await app.inject({
      method: 'POST',
      url: '/api/halls/demo/screenings',
      headers: bearer(clerk),
      payload: { name: '王五', categoryId: 'demo-A', people: [greenPerson] },
    });
    expect(screen.statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(clerk) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w1/call-next', headers: bearer(door) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/batches' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer('forged') })).statusCode).toBe(401);
  });

  it('[A6] only an admin creates staff; a door account must belong to a hall', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const payload = { username: 'x1', displayName: 'X', role: 'clerk', hallId: 'demo', password: 'password-123' };
    expect((await app.inject({ method: 'POST', url: '/api/staff', headers: bearer(door), payload })).statusCode).toBe(403);
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const noHall = await app.inject({ method: 'POST', url: '/api/staff', headers: bearer(admin), payload: { ...payload, role: 'door', hallId: null } });
    expect(noHall.statusCode).toBe(400);
    expect(noHall.json<{ message: string }>().message).toContain('hallId');
    const twice = await app.inject({ method: 'POST', url: '/api/staff', headers: bearer(admin), payload: { ...payload, username: 'door' } });
    expect(twice.statusCode).toBe(409);
  });

  it('[A6] a session ends at logout and after its lifetime', async () => {
    const { app, clock } = await build({ SESSION_HOURS: '1' });
    const token = await login(app, 'admin', ADMIN_PASSWORD);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    clock.advance(61);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    const second = await login(app, 'admin', ADMIN_PASSWORD);
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(second) });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(second) })).statusCode).toBe(401);
  });

  it('[A6] a screen device token reads its own hall only, and cannot act', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const device = (
      await app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: 'Lobby TV', kind: 'lobby' } })
    ).json<{ token: string }>();
    expect((await app.inject({ method: 'GET', url: '/api/halls/demo/snapshot', headers: bearer(device.token) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(device.token) })).statusCode).toBe(403);
  });

  it('[A7] the first start creates one admin with a random password, and never again', async () => {
    const { app, clock } = await build({ ADMIN_INITIAL_PASSWORD: '' });
    // build() with an empty ADMIN_INITIAL_PASSWORD generated one; a second call must not create another.
    expect(ensureFirstAdmin(app.store.db, clock.now())).toBeNull();
    const { app: fresh } = await build({ SEED_DEMO: 'false' });
    fresh.store.sqlite.prepare('delete from sessions').run();
    fresh.store.sqlite.prepare('delete from staff').run();
    const first = ensureFirstAdmin(fresh.store.db, clock.now());
    const other = await build({ SEED_DEMO: 'false' });
    other.app.store.sqlite.prepare('delete from staff').run();
    const second = ensureFirstAdmin(other.app.store.db, clock.now());
    expect(first?.password).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(second?.password).not.toBe(first?.password);
    expect(await login(fresh, 'admin', first!.password)).toBeTruthy();
  });
});

describe('hall scoping', () => {
  it('[A8] staff of one hall cannot act in another; city-wide admins can', async () => {
    const { app } = await build();
    app.store.sqlite
      .prepare(
        "insert into halls (id, name, name_en, floor_area_m2, area_per_person_m2, holding_capacity, batch_size, created_at) values ('east', '东区', 'East', 100, 10, 5, 5, 'x')",
      )
      .run();
    app.store.sqlite.prepare("insert into categories (id, hall_id, prefix, name, name_en) values ('east-A', 'east', 'A', '综合', 'General')").run();
    const clerk = await staffToken(app, 'clerk');
    const elsewhere = await app.inject({ method: 'POST', url: '/api/halls/east/tickets', headers: bearer(clerk), payload: { categoryId: 'east-A' } });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json<{ message: string }>().message).toContain('demo');
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const anywhere = await app.inject({ method: 'POST', url: '/api/halls/east/tickets', headers: bearer(admin), payload: { categoryId: 'east-A' } });
    expect(anywhere.statusCode).toBe(201);
  });
});

describe('public routes', () => {
  it('[A6] visitor routes are public but rate-limited per address; sign-in is limited too', async () => {
    const { app } = await build({ PUBLIC_RATE_LIMIT: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'GET', url: '/api/halls' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.inject({ method: 'GET', url: '/api/halls' });
    expect(limited.json<{ statusCode: number; message: string }>()).toMatchObject({ statusCode: 429 });
    // Sign-in is limited to 10 a minute per address, whichever accounts it tries (each failing account backs off too: AC5).
    const logins: number[] = [];
    for (let i = 0; i < 11; i++) {
      logins.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${i}`, password: 'guess' } })).statusCode);
    }
    expect(logins.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(logins[10]).toBe(429);
  });
});

describe('screen pairing', () => {
  it('[A6] a device token finds its hall; an unknown token is refused', async () => {
    const { app } = await build();
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const device = (
      await app.inject({ method: 'POST', url: '/api/halls/demo/devices', headers: bearer(admin), payload: { name: '大厅主屏', kind: 'lobby' } })
    ).json<{ id: string; token: string }>();
    const me = await app.inject({ method: 'GET', url: '/api/devices/me', headers: bearer(device.token) });
    expect(me.json()).toEqual({ id: device.id, hallId: 'demo', name: '大厅主屏', kind: 'lobby', inside: false, windowId: null, windowNumber: null });
    expect((await app.inject({ method: 'GET', url: '/api/devices/me', headers: bearer('nope') })).statusCode).toBe(401);
  });
});
