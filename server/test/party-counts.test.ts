import { describe, expect, it } from 'vitest';
import { occupancyOf } from '../src/modules/hall/hall.repository.ts';
import { bearer, build, seeded, staffToken } from './helper.ts';

/** What the triggers keep, beside what summing the parties gives. */
function countsAgree(sqlite: import('better-sqlite3').Database) {
  const kept = sqlite.prepare('select hall_id, state, people from party_counts where people <> 0 order by 1, 2').all();
  const summed = sqlite.prepare("select hall_id, state, sum(size) as people from parties where state in ('admitted', 'holding') group by 1, 2 having sum(size) <> 0 order by 1, 2").all();
  expect(kept).toEqual(summed);
}

const green = { healthCode: 'green', temperature: 36.5, mask: true, symptoms: { fever: false, cough: false, other: false } };

describe('the occupancy sums kept by triggers', () => {
  it('[R10][V2] after every screening, denial, batch and exit, the kept sums equal the parties summed, and the occupancy reads them', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    const random = seeded(7);
    const tickets: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const roll = random();
      if (roll < 0.5) {
        const people = Array.from({ length: 1 + Math.floor(random() * 3) }, () => (random() < 0.15 ? { ...green, temperature: 38.2 } : green));
        await app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '测试', categoryId: 'demo-A', people } });
      } else if (roll < 0.7) {
        const batch = (await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(door) })).json<{ tickets?: { number: string }[] }>();
        tickets.push(...(batch.tickets ?? []).map((ticket) => ticket.number));
      } else if (roll < 0.85 && tickets.length > 0) {
        await app.inject({ method: 'POST', url: '/api/halls/demo/exits', headers: bearer(door), payload: { code: tickets.shift() } });
      } else {
        await app.inject({ method: 'POST', url: '/api/halls/demo/exits', headers: bearer(door), payload: {} });
      }
      countsAgree(app.store.sqlite);
      for (const state of app.store.sqlite.prepare('select distinct state from parties').pluck().all() as string[]) seen.add(state);
    }
    // The walk went through every kind of party: denied, waiting in holding, admitted, gone.
    expect([...seen].sort()).toEqual(['admitted', 'denied', 'exited', 'holding']);
    const summed = app.store.sqlite.prepare("select coalesce(sum(size), 0) as n from parties where state = 'holding'").get() as { n: number };
    expect(occupancyOf(app.store.db, 'demo').holding).toBe(summed.n);
  });

  it('[R10] a party resized, moved to another hall or deleted by hand (retention) leaves the sums right', async () => {
    const { app } = await build();
    const door = await staffToken(app, 'door');
    for (let i = 0; i < 4; i++) await app.inject({ method: 'POST', url: '/api/halls/demo/screenings', headers: bearer(door), payload: { name: '测试', categoryId: 'demo-A', people: [green, green] } });
    await app.inject({ method: 'POST', url: '/api/halls/demo/batches', headers: bearer(door) });
    const sqlite = app.store.sqlite;
    countsAgree(sqlite);
    sqlite.prepare("update parties set size = size + 1 where rowid in (select rowid from parties limit 2)").run();
    countsAgree(sqlite);
    sqlite.prepare("insert into halls (id, name, name_en, floor_area_m2, area_per_person_m2, holding_capacity, batch_size, created_at) values ('east', '东区', 'East', 100, 10, 5, 5, 'x')").run();
    sqlite.prepare("update parties set hall_id = 'east' where rowid in (select rowid from parties where state = 'holding' limit 1)").run();
    countsAgree(sqlite);
    sqlite.prepare("delete from parties where state = 'holding'").run();
    countsAgree(sqlite);
    expect(occupancyOf(app.store.db, 'demo').holding).toBe(0);
  });
});
