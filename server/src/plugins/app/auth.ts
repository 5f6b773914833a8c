import type { StaffRole } from '@hallflow/shared';
import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../core/errors.ts';
import type { devices, staff } from '../../db/schema/index.ts';
import { deviceForToken, staffForToken } from '../../modules/auth/staff.repository.ts';

type StaffRow = typeof staff.$inferSelect;
type DeviceRow = typeof devices.$inferSelect;

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: a signed-in staff member with one of `roles`, allowed in the route's `:hallId`. */
    requireStaff(roles: readonly StaffRole[]): preHandlerHookHandler;
    /** preHandler: staff of the hall, or a screen device paired with it (read-only). */
    requireHallReader(): preHandlerHookHandler;
  }
  interface FastifyRequest {
    staff: StaffRow | null;
    device: DeviceRow | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

function hallIdOf(request: FastifyRequest): string | null {
  const params = request.params as { hallId?: string } | undefined;
  return params?.hallId ?? null;
}

/** A8: staff tied to a hall act only in that hall; city-wide staff (hallId null) act in any. */
export function staffMayActIn(member: { hallId: string | null }, hallId: string | null): boolean {
  return hallId === null || member.hallId === null || member.hallId === hallId;
}

const unauthorized = () => new DomainError(401, 'UNAUTHORIZED', 'Sign in first: send Authorization: Bearer <token> from login');

export default fp(
  async (app) => {
    app.decorateRequest('staff', null);
    app.decorateRequest('device', null);

    app.decorate('requireStaff', (roles: readonly StaffRole[]): preHandlerHookHandler => {
      return async (request) => {
        const token = bearerToken(request);
        const member = token ? staffForToken(app.store.db, token, app.clock.now()) : null;
        if (!member) throw unauthorized();
        if (!roles.includes(member.role)) {
          throw new DomainError(403, 'FORBIDDEN', `This needs the role ${roles.join(' or ')}; you are ${member.role}`);
        }
        if (!staffMayActIn(member, hallIdOf(request))) {
          throw new DomainError(403, 'FORBIDDEN', `You work in hall ${member.hallId}, not ${hallIdOf(request)}`);
        }
        request.staff = member;
      };
    });

    app.decorate('requireHallReader', (): preHandlerHookHandler => {
      return async (request) => {
        const token = bearerToken(request);
        if (!token) throw unauthorized();
        const hallId = hallIdOf(request);
        const member = staffForToken(app.store.db, token, app.clock.now());
        if (member && staffMayActIn(member, hallId)) {
          request.staff = member;
          return;
        }
        const device = deviceForToken(app.store.db, token);
        if (device && device.hallId === hallId) {
          request.device = device;
          return;
        }
        throw member || device ? new DomainError(403, 'FORBIDDEN', `Not allowed to read hall ${hallId}`) : unauthorized();
      };
    });
  },
  { name: 'auth', dependencies: ['database'] },
);
