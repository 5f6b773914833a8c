import type { ServiceBundleView, ServiceCatalogue, ServiceItemView } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, build, login, staffToken, tableCounts } from './helper.ts';

const newItem = {
  categoryId: 'demo-B',
  name: '小餐饮登记',
  nameEn: 'Small eatery registration',
  materials: ['本人身份证原件 · ID card', '经营场所证明 · Proof of premises'],
  typicalMinutes: 12,
  before: { materials: 6, steps: 2, days: 10, trips: 3 },
  legalDays: 3,
};

async function setup() {
  const built = await build();
  const admin = await login(built.app, 'admin', ADMIN_PASSWORD);
  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object, token = admin) =>
    built.app.inject({ method, url: `/api/halls/demo${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  return { ...built, admin, send };
}

describe('catalogue administration', () => {
  it('[CA1][CA2] an admin adds an item and a bundle with before figures; both are listed and the audit keeps before and after', async () => {
    const { app, send } = await setup();
    const created = await send('POST', '/services/items', newItem);
    expect(created.statusCode).toBe(201);
    const item = created.json<ServiceItemView>();
    expect(item).toMatchObject({ ...newItem, retired: false, sortOrder: 0 });
    const bundle = await send('POST', '/services/bundles', {
      name: '小餐饮开业一件事',
      nameEn: 'Open a small eatery',
      itemIds: ['demo-business-licence', item.id],
      mode: 'routed',
      categoryId: null,
      before: { materials: 12, steps: 3, days: 20, trips: 5 },
      legalDays: 5,
    });
    expect(bundle.statusCode).toBe(201);
    const catalogue = (await app.inject({ method: 'GET', url: '/api/halls/demo/services' })).json<ServiceCatalogue>();
    expect(catalogue.items.map((i) => i.id)).toContain(item.id);
    expect(catalogue.bundles.find((b) => b.id === bundle.json<ServiceBundleView>().id)).toMatchObject({ mode: 'routed', before: { days: 20 }, legalDays: 5 });
    expect(catalogue.bundles.find((b) => b.id === 'demo-open-restaurant')?.before).toEqual({ materials: 25, steps: 4, days: 16, trips: 6 });

    const renamed = await send('PATCH', `/services/items/${item.id}`, { name: '小餐饮经营登记', before: { materials: 7, steps: 2, days: 10, trips: 3 } });
    expect(renamed.json<ServiceItemView>()).toMatchObject({ id: item.id, name: '小餐饮经营登记', before: { materials: 7 } });
    const audit = app.store.sqlite.prepare("select action, before, after from audit_log where action = 'updateServiceItem'").get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toMatchObject({ name: '小餐饮登记', before: { materials: 6 } });
    expect(JSON.parse(audit.after)).toMatchObject({ name: '小餐饮经营登记', before: { materials: 7 } });
  });

  it('[CA1][A10] wrong fields are named and write nothing; clerks may not change the catalogue', async () => {
    const { app, send } = await setup();
    const before = tableCounts(app);
    const cases: [object, string][] = [
      [{ ...newItem, typicalMinutes: '12' }, 'body/typicalMinutes'],
      [{ ...newItem, before: { materials: -1, steps: 1, days: 1, trips: 1 } }, 'body/before/materials'],
      [{ ...newItem, categoryId: 'demo-Z' }, 'body/categoryId'],
      [{ ...newItem, extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of cases) {
      const answer = await send('POST', '/services/items', payload);
      expect(answer.statusCode, field).toBe(400);
      expect(answer.json<{ message: string }>().message).toContain(field);
    }
    const oneItem = await send('POST', '/services/bundles', { name: 'x', nameEn: 'x', itemIds: ['demo-social-card'], mode: 'routed', categoryId: null });
    expect(oneItem.json<{ message: string }>().message).toContain('body/itemIds');
    const noWindow = await send('POST', '/services/bundles', { name: 'x', nameEn: 'x', itemIds: ['demo-social-card', 'demo-medical-enrolment'], mode: 'one_window', categoryId: null });
    expect(noWindow.json<{ message: string }>().message).toContain('body/categoryId');
    expect(tableCounts(app)).toEqual(before);
    const clerk = await staffToken(app, 'clerk');
    expect((await send('POST', '/services/items', newItem, clerk)).statusCode).toBe(403);
  });

  it('[CA3] a retired item is no longer offered but its tickets keep it; an item of a bundle on offer cannot be retired', async () => {
    const { app, send } = await setup();
    const clerk = await staffToken(app, 'clerk');
    const ticket = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-D', itemIds: ['demo-provident-withdrawal'] } });
    expect(ticket.statusCode).toBe(201);
    const inBundle = await send('PATCH', '/services/items/demo-food-permit', { retired: true });
    expect(inBundle.statusCode).toBe(409);
    expect(inBundle.json<{ message: string }>().message).toContain('demo-open-restaurant');

    expect((await send('PATCH', '/services/items/demo-provident-withdrawal', { retired: true, sortOrder: 5 })).json<ServiceItemView>()).toMatchObject({ retired: true, sortOrder: 5 });
    const offered = (await app.inject({ method: 'GET', url: '/api/halls/demo/services' })).json<ServiceCatalogue>();
    expect(offered.items.map((i) => i.id)).not.toContain('demo-provident-withdrawal');
    const all = (await app.inject({ method: 'GET', url: '/api/halls/demo/services?retired=true' })).json<ServiceCatalogue>();
    expect(all.items.find((i) => i.id === 'demo-provident-withdrawal')?.retired).toBe(true);
    const refused = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-D', itemIds: ['demo-provident-withdrawal'] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain('body/itemIds');
    const items = await app.inject({ method: 'GET', url: `/api/halls/demo/tickets/${ticket.json<{ ticket: { id: string } }>().ticket.id}/items`, headers: bearer(clerk) });
    expect(items.json<{ items: { name: string }[] }>().items[0]?.name).toBe('住房公积金提取');

    // A retired bundle: its item can go; offered again, it can be booked again.
    expect((await send('PATCH', '/services/bundles/demo-open-restaurant', { retired: true })).json<ServiceBundleView>().retired).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { bundleId: 'demo-open-restaurant' } })).statusCode).toBe(400);
    expect((await send('PATCH', '/services/items/demo-liquor-permit', { retired: true })).statusCode).toBe(200);
    expect((await send('PATCH', '/services/items/demo-liquor-permit', { retired: false })).statusCode).toBe(200);
    expect((await send('PATCH', '/services/bundles/demo-open-restaurant', { retired: false })).json<ServiceBundleView>().retired).toBe(false);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { bundleId: 'demo-open-restaurant' } })).statusCode).toBe(201);
  });
});

describe('queues and windows renamed, reordered and retired in place', () => {
  it('[CA5] a queue is renamed and reordered; retired, it takes no new visitor while its waiting tickets are served; a window is taken out of service', async () => {
    const { app, send } = await setup();
    const clerk = await staffToken(app, 'clerk');
    const waiting = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-D' } });
    const renamed = await send('PATCH', '/categories/demo-D', { name: '公积金业务', sortOrder: 9 });
    expect(renamed.json<{ categories: { id: string; name: string; sortOrder: number }[] }>().categories.at(-1)).toMatchObject({ id: 'demo-D', name: '公积金业务', sortOrder: 9 });
    // Its item is still offered: retire that first.
    expect((await send('PATCH', '/categories/demo-D', { retired: true })).json<{ code: string }>().code).toBe('CATEGORY_HAS_ITEMS');
    await send('PATCH', '/services/items/demo-provident-withdrawal', { retired: true });
    const retired = await send('PATCH', '/categories/demo-D', { retired: true });
    expect(retired.json<{ categories: { id: string; retired?: true }[] }>().categories.find((c) => c.id === 'demo-D')?.retired).toBe(true);
    const refused = await app.inject({ method: 'POST', url: '/api/halls/demo/tickets', headers: bearer(clerk), payload: { categoryId: 'demo-D' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain('body/categoryId');
    const catalogue = (await app.inject({ method: 'GET', url: '/api/halls/demo/catalogue' })).json<{ categories: { id: string }[] }>();
    expect(catalogue.categories.map((c) => c.id)).not.toContain('demo-D');
    // The ticket already waiting is still called and served.
    await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w4/open', headers: bearer(clerk) });
    const called = await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w4/call-next', headers: bearer(clerk) });
    expect(called.json<{ ticket: { id: string } }>().ticket.id).toBe(waiting.json<{ ticket: { id: string } }>().ticket.id);

    // A window in use cannot be retired; a closed one can, and then cannot be opened until it is back.
    expect((await send('PATCH', '/windows/demo-w4', { retired: true })).statusCode).toBe(409);
    expect((await send('PATCH', '/windows/demo-w5', { retired: true })).json<{ windows: { id: string; retired?: true }[] }>().windows.find((w) => w.id === 'demo-w5')?.retired).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w5/open', headers: bearer(clerk) })).json<{ code: string }>().code).toBe('WINDOW_RETIRED');
    await send('PATCH', '/windows/demo-w5', { retired: false });
    expect((await app.inject({ method: 'POST', url: '/api/halls/demo/windows/demo-w5/open', headers: bearer(clerk) })).statusCode).toBe(200);
    const audit = app.store.sqlite.prepare("select before, after from audit_log where action = 'updateCategory'").all() as { before: string; after: string }[];
    expect(JSON.parse(audit[0]!.before)).toMatchObject({ name: '住房公积金' });
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ name: '公积金业务' });
  });
});
