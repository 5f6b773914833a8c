import { TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from '../domain/screening.rules.ts';
import { DEFAULT_LEVEL_PRESETS, type LevelChecks } from '../domain/prevention-level.rules.ts';
import { CheckInBodySchema } from './appointments.schemas.ts';
import { CorrectOccupancyBodySchema } from './crowd.schemas.ts';
import { ScreenVisitorBodySchema } from './door.schemas.ts';

/**
 * A19: the door's forms check in the page what the server's schemas check
 * (the limits are read from the same schemas), say what is missing, and send
 * nothing until it is right. Each problem names a message of the app's
 * catalogue, its parameters, and the field to go to (its test id).
 */
export type DoorCheck =
  | 'checkLookupName'
  | 'checkLookupLast4'
  | 'checkName'
  | 'checkNameLong'
  | 'checkCategory'
  | 'checkHealthCode'
  | 'checkMask'
  | 'checkManualMethod'
  | 'checkTemperature'
  | 'checkRecheck'
  | 'checkInside'
  | 'checkReason';

export interface Problem {
  key: DoorCheck;
  params?: Record<string, number>;
  field: string;
}

/** One person as the screening form holds them: the code colour and mask are null until chosen (S10). */
export interface PersonInput {
  healthCode: string | null;
  temperature: number | null;
  recheck: number | null;
  mask: string | null;
  /** MV1: checked by hand instead of a code on a phone; then the method must be chosen. */
  manual?: boolean;
  manualMethod?: string | null;
}

const byPhone = CheckInBodySchema.anyOf[1].properties;
const screening = ScreenVisitorBodySchema.properties;
const correction = CorrectOccupancyBodySchema.properties;

const isNumber = (value: number | null): value is number => typeof value === 'number' && !Number.isNaN(value);
const outside = (value: string, schema: { minLength?: number; maxLength?: number }) =>
  value.length < (schema.minLength ?? 0) || value.length > (schema.maxLength ?? Number.POSITIVE_INFINITY);

/** A3: a look-up by the name and the last four digits of the mobile, both sent trimmed. */
export function lookupProblems(name: string, last4: string): Problem[] {
  const problems: Problem[] = [];
  if (outside(name.trim(), byPhone.name)) problems.push({ key: 'checkLookupName', field: 'lookup-name' });
  if (!new RegExp(byPhone.mobileLast4.pattern!).test(last4.trim())) problems.push({ key: 'checkLookupLast4', field: 'lookup-last4' });
  return problems;
}

/** S1, S3, S5, S10: a name and a service, and for each person a code colour, a mask and a temperature in range — LV2: those the level requires. */
export function screeningProblems(form: { name: string; categoryId: string; people: readonly PersonInput[] }, checks: LevelChecks = DEFAULT_LEVEL_PRESETS.strict.checks): Problem[] {
  const problems: Problem[] = [];
  const name = form.name.trim();
  if (name.length < screening.name.minLength!) problems.push({ key: 'checkName', field: 'walkin-name' });
  if (name.length > screening.name.maxLength!) problems.push({ key: 'checkNameLong', params: { n: screening.name.maxLength! }, field: 'walkin-name' });
  if (outside(form.categoryId, screening.categoryId)) problems.push({ key: 'checkCategory', field: 'walkin-category' });
  const inRange = (value: number) => value >= TEMPERATURE_MIN_C && value <= TEMPERATURE_MAX_C;
  form.people.forEach((person, index) => {
    const n = index + 1;
    const range = { n, min: TEMPERATURE_MIN_C, max: TEMPERATURE_MAX_C };
    if (checks.healthCodeCheck && person.healthCode === null) problems.push({ key: 'checkHealthCode', params: { n }, field: `code-green-${index}` });
    if (checks.maskCheck && person.mask === null) problems.push({ key: 'checkMask', params: { n }, field: `mask-own-${index}` });
    if (checks.healthCodeCheck && person.manual && !person.manualMethod) problems.push({ key: 'checkManualMethod', params: { n }, field: `manual-methods-${index}` });
    if (checks.temperatureCheck && (!isNumber(person.temperature) || !inRange(person.temperature))) {
      problems.push({ key: 'checkTemperature', params: range, field: index === 0 ? 'temperature' : `temperature-${index}` });
    }
    if (checks.temperatureCheck && isNumber(person.recheck) && !inRange(person.recheck)) problems.push({ key: 'checkRecheck', params: range, field: `recheck-${index}` });
  });
  return problems;
}

/** C3: a supervisor's correction of the count: a whole number in range, and a reason sent trimmed. */
export function correctionProblems(inside: number | null, reason: string): Problem[] {
  const problems: Problem[] = [];
  const { minimum = 0, maximum = Number.POSITIVE_INFINITY } = correction.inside;
  if (!isNumber(inside) || !Number.isInteger(inside) || inside < minimum || inside > maximum) {
    problems.push({ key: 'checkInside', params: { min: minimum, max: maximum }, field: 'correct-inside' });
  }
  if (outside(reason.trim(), correction.reason)) {
    problems.push({ key: 'checkReason', params: { min: correction.reason.minLength!, max: correction.reason.maxLength! }, field: 'correct-reason' });
  }
  return problems;
}
