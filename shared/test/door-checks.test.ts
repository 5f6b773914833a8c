import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CheckInBodySchema,
  CorrectOccupancyBodySchema,
  correctionProblems,
  lookupProblems,
  ScreenVisitorBodySchema,
  screeningProblems,
  type PersonInput,
} from '../src/api/index.ts';

/** Text a door form may hold: empty, blanks, digits, Chinese names, and more than any limit. */
const text = fc.oneof(
  fc.constantFrom('', ' ', '   ', '陈大文', ' 林小红 ', '1234', ' 5678', '12a4', '12345', '１２３４'),
  fc.string({ maxLength: 6 }),
  fc.string({ minLength: 35, maxLength: 45, unit: fc.constantFrom('张', '王', 'a', ' ') }),
  fc.string({ minLength: 190, maxLength: 210, unit: fc.constantFrom('人', '数', ' ') }),
);
const reading = fc.oneof(fc.constant(null), fc.constantFrom(29.9, 30, 36.5, 37.3, 45, 45.1, Number.NaN), fc.double({ min: 20, max: 50, noNaN: true }));
const person = fc.record({
  healthCode: fc.constantFrom('green', 'yellow', 'red'),
  mask: fc.constantFrom('own', 'provided', 'none'),
  temperature: reading,
  recheck: reading,
});

/** What the screening page sends for a form whose choices are all made (person-reading.ts in the door app). */
function screeningBody(name: string, categoryId: string, people: PersonInput[]) {
  return {
    name: name.trim(),
    categoryId,
    people: people.map((p) => ({
      healthCode: p.healthCode,
      temperature: Number(p.temperature),
      temperatureRecheck: typeof p.recheck === 'number' && !Number.isNaN(p.recheck) ? p.recheck : null,
      mask: p.mask === 'own',
      maskProvided: p.mask === 'provided',
      symptoms: { fever: false, cough: false, other: false },
    })),
  };
}

describe('the door page checks what the server checks', () => {
  it('[A19] look-up by name and mobile: the page lets through exactly what the server accepts', () => {
    fc.assert(
      fc.property(text, text, (name, last4) => {
        const body = { mobileLast4: last4.trim(), name: name.trim() };
        expect(lookupProblems(name, last4).length === 0).toBe(Value.Check(CheckInBodySchema, body));
      }),
      { numRuns: 500 },
    );
    expect(lookupProblems('', '5678').map((p) => p.key)).toEqual(['checkLookupName']);
    expect(lookupProblems('林小红', '56').map((p) => p.field)).toEqual(['lookup-last4']);
  });

  it('[A19][S5] screening: a complete form passes exactly when the server accepts it; a temperature out of range is named', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('', 'demo-A'), fc.array(person, { minLength: 1, maxLength: 3 }), (name, categoryId, people) => {
        const body = screeningBody(name, categoryId, people);
        expect(screeningProblems({ name, categoryId, people }).length === 0).toBe(Value.Check(ScreenVisitorBodySchema, body));
      }),
      { numRuns: 500 },
    );
    const problems = screeningProblems({ name: '周九', categoryId: 'demo-A', people: [{ healthCode: 'green', mask: 'own', temperature: 46, recheck: null }] });
    expect(problems).toEqual([{ key: 'checkTemperature', params: { n: 1, min: 30, max: 45 }, field: 'temperature' }]);
  });

  it('[A19][S10] an untouched person cannot be sent: the code colour and the mask are named for each person', () => {
    const untouched = { healthCode: null, mask: null, temperature: 36.5, recheck: null };
    const problems = screeningProblems({ name: '周九', categoryId: 'demo-A', people: [untouched, { ...untouched, healthCode: 'green' }] });
    expect(problems.map((p) => [p.key, p.params?.n])).toEqual([
      ['checkHealthCode', 1],
      ['checkMask', 1],
      ['checkMask', 2],
    ]);
  });

  it('[A19][C3] occupancy correction: the page lets through exactly what the server accepts', () => {
    const inside = fc.oneof(fc.constant(null), fc.constantFrom(-1, 0, 12, 2.5, 100_000, 100_001, Number.NaN), fc.integer({ min: -5, max: 200_000 }));
    fc.assert(
      fc.property(inside, text, (count, reason) => {
        const body = { inside: count, reason: reason.trim() };
        expect(correctionProblems(count, reason).length === 0).toBe(Value.Check(CorrectOccupancyBodySchema, body));
      }),
      { numRuns: 500 },
    );
  });
});
