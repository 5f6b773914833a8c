import fc from 'fast-check';
import fastJson, { type Schema } from 'fast-json-stringify';
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { CallResponseSchema } from '@hallflow/shared/api';
import { TicketViewSchema } from '@hallflow/shared/domain';
import app, { httpOptions } from '../src/app.ts';
import { loadEnv } from '../src/config/env.ts';
import { ManualClock } from '../src/core/clock.ts';
import { plainUnions } from '../src/plugins/app/serialization.ts';
import { ADMIN_PASSWORD, HALL_MORNING } from './helper.ts';
import { validValue, type JsonSchema } from './support/schema-arbitrary.ts';

/** What a serialiser makes of a value: its JSON, or that it refused it. */
function outcome(serialise: (value: unknown) => string, value: unknown): string {
  try {
    return serialise(value);
  } catch {
    return 'refused';
  }
}

const instance = Fastify({ ...httpOptions, logger: false });
const routes: RouteOptions[] = [];
instance.addHook('onRoute', (route) => void routes.push(route));
afterAll(() => instance.close());

describe('responses serialised with their unions made plain', () => {
  it('[R10] every route\'s every response schema writes the same JSON as the schema as written, for any value it accepts', async () => {
    await instance.register(app, {
      env: loadEnv({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent', ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD, APPS_DIR: '/nonexistent', HOUSEKEEPING_INTERVAL_MS: '0' }),
      clock: new ManualClock(HALL_MORNING),
    });
    await instance.ready();
    const schemas = routes.flatMap((route) => Object.values((route.schema?.response ?? {}) as Record<string, JsonSchema>));
    expect(schemas.length).toBeGreaterThan(100);
    let compared = 0;
    for (const schema of schemas) {
      const asWritten = fastJson(schema as Schema);
      const plain = fastJson(plainUnions(schema) as Schema);
      fc.assert(
        fc.property(validValue(schema), (value) => {
          const written = outcome(asWritten, value);
          // A value the schema as written refuses (a generated string that misses a union's pattern) says nothing here.
          if (written === 'refused') return;
          compared++;
          expect(outcome(plain, value)).toBe(written);
        }),
        { numRuns: 15 },
      );
    }
    expect(compared).toBeGreaterThan(schemas.length * 5);
  });

  it('[R10] `T | null` becomes nullable T, a union of string literals a string; the schema given is left as it was', () => {
    const before = JSON.stringify(CallResponseSchema);
    const plain = plainUnions(CallResponseSchema) as { properties: { ticket: Record<string, unknown> } };
    expect(JSON.stringify(CallResponseSchema)).toBe(before);
    expect(plain.properties.ticket.anyOf).toBeUndefined();
    expect(plain.properties.ticket.nullable).toBe(true);
    const state = (plainUnions(TicketViewSchema) as { properties: { state: Record<string, unknown> } }).properties.state;
    expect(state).toMatchObject({ type: 'string' });
    expect(state.anyOf).toBeUndefined();
    // A union of two objects keeps its choice.
    const both = { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'number' } } }] };
    expect(plainUnions(both)).toEqual(both);
    const serialise = fastJson(plainUnions(CallResponseSchema) as Schema);
    expect(JSON.parse(serialise({ ticket: null, window: fc.sample(validValue(CallResponseSchema.properties.window as JsonSchema), 1)[0] })).ticket).toBeNull();
  });
});
