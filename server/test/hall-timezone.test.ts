import { describe, expect, it } from 'vitest';
import { createHall } from '../src/modules/hall/hall-admin.service.ts';
import { hallTimezone } from '../src/modules/hall/hall.repository.ts';
import { build } from './helper.ts';

const body = { id: 'zone-hall', name: '时区大厅', nameEn: 'Zone hall', timezone: 'Asia/Urumqi', floorAreaM2: 100, areaPerPersonM2: 2, holdingCapacity: 10, batchSize: 5 };

describe('a hall’s time zone, answered from its cached row (R10)', () => {
  it('[R10][H1] a creation that rolled back leaves no zone behind: the hall created again answers its own zone', async () => {
    const { app } = await build();
    expect(() =>
      app.commands.run(body.id, (ctx) => {
        createHall(ctx, body);
        expect(hallTimezone(ctx.tx, body.id)).toBe('Asia/Urumqi');
        throw new Error('the answer could not be written');
      }),
    ).toThrow(/could not be written/);
    // Nothing answers for a hall that is not there.
    const hours = await app.inject({ method: 'GET', url: `/api/halls/${body.id}/hours` });
    expect(hours.statusCode).toBe(404);
    expect(hours.json()).toMatchObject({ code: 'NOT_FOUND' });
    app.commands.run(body.id, (ctx) => createHall(ctx, { ...body, timezone: 'Europe/Berlin' }));
    expect(hallTimezone(app.store.db, body.id)).toBe('Europe/Berlin');
  });
});
