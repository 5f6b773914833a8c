import { HallParamsSchema, HallPoliciesSchema } from '@hallflow/shared/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { appointmentSettings } from '../appointments/appointment-settings.ts';
import { hoursConfig } from '../door/hours.guard.ts';
import { errorResponses } from '../errors.schemas.ts';
import { callingSettings, crowdSettings, screeningPolicy } from './hall-policy.ts';
import { getHallRow } from './hall.repository.ts';
import { policyVersion } from './policy-version.ts';
import { allow } from '../../plugins/app/auth.ts';

/** One read of every policy of a hall, for the supervisor's settings page; each is changed by its own update operation. */
const policiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/halls/:hallId/policies',
    {
      schema: {
        operationId: 'getHallPolicies',
        tags: ['admin'],
        summary: 'Opening hours, screening, appointment, crowd, capacity and calling settings of a hall, defaults filled in',
        params: HallParamsSchema,
        response: { 200: HallPoliciesSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: allow.staff(['supervisor', 'admin']) },
    },
    async (request) => {
      const hall = getHallRow(app.store.db, request.params.hallId);
      const { settings } = hall;
      return {
        hours: hoursConfig(settings),
        screening: screeningPolicy(settings),
        appointments: appointmentSettings(settings),
        crowd: crowdSettings(settings),
        capacity: {
          floorAreaM2: hall.floorAreaM2,
          areaPerPersonM2: hall.areaPerPersonM2,
          maxOccupancy: hall.maxOccupancy,
          staffOnFloor: hall.staffOnFloor,
          holdingCapacity: hall.holdingCapacity,
          batchSize: hall.batchSize,
        },
        calling: callingSettings(settings),
        versions: {
          hours: policyVersion(settings, 'hours'),
          screening: policyVersion(settings, 'screening'),
          appointments: policyVersion(settings, 'appointments'),
          calling: policyVersion(settings, 'calling'),
        },
      };
    },
  );
};

export default policiesRoutes;
