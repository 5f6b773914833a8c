import { AppointmentSettingsSchema, CalendarDateSchema } from '@hallflow/shared';
import {
  AppointmentCodeSchema,
  AppointmentViewSchema,
  BookAppointmentBodySchema,
  CheckInBodySchema,
  CheckInResponseSchema,
  FindAppointmentBodySchema,
  FindAppointmentResponseSchema,
  HallParamsSchema,
  PolicyIfMatchHeadersSchema,
  RescheduleAppointmentBodySchema,
  SlotSchema,
} from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { invalidField } from '../../core/errors.ts';
import { errorResponses } from '../errors.schemas.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { appointmentSettings } from './appointment-settings.ts';
import { updateAppointmentSettings } from './appointment-settings.service.ts';
import { requirePolicyVersion } from '../hall/policy-version.ts';
import { appointmentByCode, appointmentView, bookAppointment, cancelAppointment, findAppointments, findForCheckIn, listSlots, rescheduleAppointment } from './appointments.service.ts';
import { allow, bearerToken } from '../../plugins/app/auth.ts';
import { deviceForToken } from '../auth/staff.repository.ts';

const appointmentsRoutes: FastifyPluginAsyncTypebox<{ publicRateLimit: number }> = async (app, options) => {
  const publicLimit = { rateLimit: { max: options.publicRateLimit, timeWindow: '1 minute' } };

  app.get(
    '/api/halls/:hallId/slots',
    {
      schema: {
        operationId: 'listSlots',
        tags: ['visitors'],
        summary: 'Appointment slots of a service on a date, with free places (public)',
        params: HallParamsSchema,
        querystring: Type.Object({ categoryId: Type.String({ minLength: 1, maxLength: 64 }), date: CalendarDateSchema }, { additionalProperties: false }),
        response: { 200: Type.Array(SlotSchema), ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), ...publicLimit },
    },
    async (request) => {
      getHallRow(app.store.db, request.params.hallId);
      return listSlots(app.store.db, request.params.hallId, request.query.categoryId, request.query.date, app.clock.now());
    },
  );

  app.post(
    '/api/halls/:hallId/appointments',
    {
      schema: {
        operationId: 'bookAppointment',
        tags: ['visitors'],
        summary: 'Book an appointment (public): the ID number is validated and never stored in clear; the name may be left out only by a self-service terminal of the hall (KS7)',
        params: HallParamsSchema,
        body: BookAppointmentBodySchema,
        response: { 201: AppointmentViewSchema, ...errorResponses(400, 404, 409, 429) },
      },
      config: { access: allow.public(), ...publicLimit },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      // KS7: a booking may leave out the name only from a self-service terminal of this hall (its device token, still paired).
      const token = bearerToken(request);
      const device = token ? deviceForToken(app.store.db, token) : null;
      const terminalOfHall = device?.kind === 'kiosk' && device.hallId === hallId;
      return app.command(request, reply, { hallId, status: 201 }, (ctx) => bookAppointment(ctx, hallId, request.body, { terminalOfHall }));
    },
  );

  app.get(
    '/api/appointments/:code',
    {
      schema: {
        operationId: 'getAppointment',
        tags: ['visitors'],
        summary: 'An appointment by its code (public; personal data masked)',
        params: Type.Object({ code: AppointmentCodeSchema }),
        response: { 200: AppointmentViewSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), ...publicLimit },
    },
    async (request) => appointmentView(appointmentByCode(app.store.db, request.params.code)),
  );

  app.post(
    '/api/appointments/find',
    {
      schema: {
        operationId: 'findAppointment',
        tags: ['visitors'],
        summary:
          "Find my booking (public, rate-limited): the visitor's own appointments still to come, by the full ID number and the full mobile number together; masked. A wrong pair gives an empty list, like no booking",
        body: FindAppointmentBodySchema,
        response: { 200: FindAppointmentResponseSchema, ...errorResponses(400, 429) },
      },
      config: { access: allow.public(), ...publicLimit },
    },
    // A read: the body carries the ID number, which must not travel in an address or a log line.
    async (request) => ({ appointments: findAppointments(app.store.db, request.body, app.clock.now()) }),
  );

  app.post(
    '/api/appointments/:code/cancel',
    {
      schema: {
        operationId: 'cancelAppointment',
        tags: ['visitors'],
        summary: 'Cancel an appointment: the code and the last four digits of the mobile number (public)',
        params: Type.Object({ code: AppointmentCodeSchema }),
        body: Type.Object({ mobileLast4: Type.String({ pattern: '^\\d{4}$' }) }, { additionalProperties: false }),
        response: { 200: AppointmentViewSchema, ...errorResponses(400, 403, 404, 409, 429) },
      },
      config: { access: allow.public(), ...publicLimit },
    },
    async (request, reply) => {
      const row = appointmentByCode(app.store.db, request.params.code);
      return app.command(request, reply, { hallId: row.hallId }, (ctx) => cancelAppointment(ctx, request.params.code, request.body.mobileLast4));
    },
  );

  app.post(
    '/api/appointments/:code/reschedule',
    {
      schema: {
        operationId: 'rescheduleAppointment',
        tags: ['visitors'],
        summary: 'Move an appointment to another free slot of the same service; it keeps its code (public: code + mobile last four)',
        params: Type.Object({ code: AppointmentCodeSchema }),
        body: RescheduleAppointmentBodySchema,
        response: { 200: AppointmentViewSchema, ...errorResponses(400, 403, 404, 409, 429) },
      },
      config: { access: allow.public(), ...publicLimit },
    },
    async (request, reply) => {
      const row = appointmentByCode(app.store.db, request.params.code);
      return app.command(request, reply, { hallId: row.hallId }, (ctx) => rescheduleAppointment(ctx, request.params.code, request.body));
    },
  );

  app.get(
    '/api/halls/:hallId/appointment-settings',
    {
      schema: {
        operationId: 'getAppointmentSettings',
        tags: ['visitors'],
        summary: 'Slot length, places, per-ID limit, arrival window and the walk-in and late-arrival policies (public)',
        params: HallParamsSchema,
        response: { 200: AppointmentSettingsSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: allow.public(), ...publicLimit },
    },
    async (request) => appointmentSettings(getHallRow(app.store.db, request.params.hallId).settings),
  );

  app.put(
    '/api/halls/:hallId/appointment-settings',
    {
      schema: {
        operationId: 'updateAppointmentSettings',
        tags: ['admin'],
        summary: 'Set how the hall takes appointments; booked appointments keep their times',
        params: HallParamsSchema,
        headers: PolicyIfMatchHeadersSchema,
        body: AppointmentSettingsSchema,
        response: { 200: AppointmentSettingsSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(['admin', 'supervisor']) },
    },
    async (request, reply) => {
      const { hallId } = request.params;
      return app.command(request, reply, { hallId }, (ctx) => {
        requirePolicyVersion(ctx.tx, hallId, 'appointments', request.headers['if-match']);
        return updateAppointmentSettings(ctx, hallId, request.body);
      });
    },
  );

  app.post(
    '/api/halls/:hallId/check-ins',
    {
      schema: {
        operationId: 'checkInAppointment',
        tags: ['door'],
        summary: 'Find an appointment at the door (QR code, typed code, or mobile last four + name) and whether it may enter now',
        params: HallParamsSchema,
        body: CheckInBodySchema,
        response: { 200: CheckInResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: allow.staff(['door', 'supervisor', 'admin']) },
    },
    async (request) => {
      if (!request.body) throw invalidField('code', { zh: '请扫码或输入预约码，或填写姓名和手机后四位', en: 'is required (or name and mobileLast4)' });
      return findForCheckIn(app.store.db, request.params.hallId, request.body, app.clock.now());
    },
  );
};

export default appointmentsRoutes;
