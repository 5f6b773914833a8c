import { isMobileNumber } from '../domain/identity.rules.ts';
import { checkIdDocument, type IdDocumentKind } from '../domain/identity-documents.rules.ts';
import { BookAppointmentBodySchema } from './appointments.schemas.ts';

/**
 * A21: the visitor's booking forms check in the page what the server checks
 * (the name's limits read from the same schema, the ID by I1, the mobile by
 * I2), name what is wrong, and send nothing until it is right. A name that is
 * too long is refused, never cut. Each problem names a message of the page's
 * catalogue, its parameters, and the field to go to (its test id).
 */
export type BookingCheck = 'checkService' | 'checkSlot' | 'checkBookName' | 'checkBookNameLong' | 'checkMobile' | 'checkIdNumber';

export interface BookingProblem {
  key: BookingCheck;
  params?: Record<string, string | number>;
  field: string;
}

const booking = BookAppointmentBodySchema.properties;

/** A mobile as I2 wants it: 11 digits starting 13–19. */
function mobileProblem(mobile: string): BookingProblem[] {
  return isMobileNumber(mobile) ? [] : [{ key: 'checkMobile', field: 'mobile' }];
}

/** An ID number as I1 (or its document's own format, DC2) wants it, with the part that is wrong. */
function idProblem(idNumber: string, today: Date, idType: IdDocumentKind = 'resident'): BookingProblem[] {
  const check = checkIdDocument(idType, idNumber, today);
  return check.ok ? [] : [{ key: 'checkIdNumber', params: { zh: check.zh, en: check.en }, field: 'id' }];
}

/** A1, A16, I1, I2: a service, a time, a name that fits, a real mobile and a real ID number. */
export function bookingProblems(form: { service: string; slot: string; name: string; mobile: string; idNumber: string; idType?: IdDocumentKind }, today = new Date()): BookingProblem[] {
  const problems: BookingProblem[] = [];
  if (!form.service) problems.push({ key: 'checkService', field: 'service' });
  if (!form.slot) problems.push({ key: 'checkSlot', field: 'slot' });
  const name = form.name.trim();
  // KS7: only a terminal may leave the name out; the booking pages always ask for one (NAME_REQUIRED on the server).
  if (name.length === 0) problems.push({ key: 'checkBookName', field: 'name' });
  if ([...name].length > booking.name.maxLength!) problems.push({ key: 'checkBookNameLong', params: { n: booking.name.maxLength! }, field: 'name' });
  return [...problems, ...mobileProblem(form.mobile), ...idProblem(form.idNumber, today, form.idType)];
}

/** A22: "find my booking" needs the full ID number and the full mobile. */
export function findProblems(form: { mobile: string; idNumber: string; idType?: IdDocumentKind }, today = new Date()): BookingProblem[] {
  return [...idProblem(form.idNumber, today, form.idType), ...mobileProblem(form.mobile)];
}
