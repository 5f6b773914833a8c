import { decideAccess, type AccessRule, type DeviceKind, type Principal, type StaffRole, type StaffScope } from '@hallflow/shared';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { tickets, type devices, type staff } from '../../db/schema/index.ts';
import { deviceForToken, staffForToken } from '../../modules/auth/staff.repository.ts';

type StaffRow = typeof staff.$inferSelect;
type DeviceRow = typeof devices.$inferSelect;

/** One row of the access table: what `getSecurityPolicy` publishes and docs/SECURITY.md states. */
export interface DeclaredAccess {
  operationId: string;
  method: string;
  url: string;
  access: AccessRule;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (AC1). Every /api route must declare it, or the server refuses to start. */
    access?: AccessRule;
  }
  interface FastifyInstance {
    /** Every API route's declared access rule, in registration order. */
    accessTable(): readonly DeclaredAccess[];
  }
  interface FastifyRequest {
    principal: Principal;
    staff: StaffRow | null;
    device: DeviceRow | null;
  }
}

/** Constructors for route declarations: `config: { access: allow.staff(['admin'], 'city') }`. */
export const allow = {
  public: (): AccessRule => ({ kind: 'public' }),
  staff: (roles: readonly StaffRole[], scope: StaffScope = 'hall'): AccessRule => ({ kind: 'staff', roles, scope }),
  /** Staff reading a list they filter by `?hallId=`: the hall named there must be within their reach. */
  hallFiltered: (roles: readonly StaffRole[]): AccessRule => ({ kind: 'staff', roles, scope: 'hall', hallInQuery: true }),
  /** Admins acting on a staff account: the route checks the account is within their reach (AC3). */
  accountAdmins: (): AccessRule => ({ kind: 'staff', roles: ['admin'], scope: 'any', accounts: true }),
  hallReaders: (roles: readonly StaffRole[], devices: readonly DeviceKind[]): AccessRule => ({ kind: 'hall-reader', roles, devices }),
  device: (devices: readonly DeviceKind[], ownWindow = false): AccessRule => ({ kind: 'device', devices, ownWindow }),
  anyDevice: (): AccessRule => ({ kind: 'any-device' }),
  ticketHolder: (): AccessRule => ({ kind: 'ticket-holder' }),
  /** MN1: the primary's internal routes, for its relays only. */
  relay: (): AccessRule => ({ kind: 'relay' }),
};

/**
 * Rate limit of a ticket link's routes, counted per link: a hall's visitors
 * share one address on the hall's Wi-Fi, and each phone refreshes its own
 * place. Guessing links gains nothing (they are 128-bit random).
 */
export const perTicketLink = (max: number) => ({
  max,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => `ticket:${String((request.params as { token?: unknown } | undefined)?.token ?? request.ip)}`,
});

/** The shape of a visitor's ticket link token (what the routes' schemas accept). */
const TICKET_LINK = /^[A-Za-z0-9_-]{16,64}$/;

export const ALL_STAFF: readonly StaffRole[] = ['admin', 'supervisor', 'door', 'clerk'];
/** Every paired device reads its hall's public state: the screens, and the self-service terminals (KS1), which show the waiting figures. */
export const ALL_SCREENS: readonly DeviceKind[] = ['lobby', 'window', 'outdoor', 'rating', 'kiosk'];

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

const MESSAGES = {
  UNAUTHORIZED: 'Sign in first (staff), or use a paired screen: send Authorization: Bearer <token>',
  FORBIDDEN: 'This credential may not do this',
  WRONG_ROLE: 'Your role may not do this',
  WRONG_HALL: 'You may act only in your own hall',
  WRONG_WINDOW: 'This screen is paired with another window',
} as const;

/**
 * AC1: access control in one place. Each route declares its rule; this
 * plugin refuses to start with an undeclared /api route, resolves who is
 * calling before the body is read, and answers 401/403 before any handler runs.
 */
export interface AuthOptions {
  /** MN1: the deployment's relay secret; without one no caller is ever a relay. */
  relaySecret?: string;
}

/** Compares a presented token with the relay secret in constant time. */
function isRelaySecret(secret: string | undefined, token: string): boolean {
  if (!secret) return false;
  const presented = Buffer.from(token);
  const expected = Buffer.from(secret);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export default fp<AuthOptions>(
  async (app, options) => {
    const table: DeclaredAccess[] = [];
    // Set by the onRequest hook below before any handler runs.
    app.decorateRequest('principal', null as never);
    app.decorateRequest('staff', null);
    app.decorateRequest('device', null);
    app.decorate('accessTable', () => table);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.method === 'HEAD') return;
      const schema = route.schema as { operationId?: string; hide?: boolean } | undefined;
      if (schema?.hide) return;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
      table.push({ operationId: schema?.operationId ?? '', method: String(route.method), url: route.url, access });
    });

    function resolvePrincipal(request: FastifyRequest, rule: AccessRule): Principal {
      const { db } = app.store;
      if (rule.kind === 'ticket-holder') {
        const token = (request.params as { token?: unknown } | undefined)?.token;
        const ticket = typeof token === 'string' ? db.select({ id: tickets.id, hallId: tickets.hallId }).from(tickets).where(eq(tickets.publicToken, token)).get() : undefined;
        return ticket ? { kind: 'ticket', ticketId: ticket.id, hallId: ticket.hallId } : { kind: 'nobody' };
      }
      const token = bearerToken(request);
      if (!token) return { kind: 'nobody' };
      if (isRelaySecret(options.relaySecret, token)) return { kind: 'relay' };
      const member = staffForToken(db, token, app.clock.now());
      if (member) {
        request.staff = member;
        return { kind: 'staff', id: member.id, role: member.role, hallId: member.hallId };
      }
      const device = deviceForToken(db, token);
      if (device) {
        request.device = device;
        return { kind: 'device', id: device.id, hallId: device.hallId, device: device.kind, windowId: device.windowId };
      }
      return { kind: 'nobody' };
    }

    app.addHook('onRequest', async (request) => {
      const rule = request.routeOptions.config.access;
      if (!rule) return;
      if (rule.kind === 'public') {
        request.principal = { kind: 'nobody' };
        return;
      }
      const principal = resolvePrincipal(request, rule);
      request.principal = principal;
      if (rule.kind === 'ticket-holder' && principal.kind === 'nobody' && TICKET_LINK.test(String((request.params as { token?: unknown }).token))) {
        // The link is the credential: a well-formed but unknown one is answered before the body is even read (a malformed one is a 400 naming it).
        throw new DomainError(404, 'NOT_FOUND', 'No ticket with this link; it may be from another day');
      }
      const params = (request.params ?? {}) as { hallId?: unknown; windowId?: unknown };
      const query = (request.query ?? {}) as { hallId?: unknown };
      const named = rule.kind === 'staff' && rule.hallInQuery ? query.hallId : params.hallId;
      const target = {
        hallId: typeof named === 'string' ? named : null,
        windowId: typeof params.windowId === 'string' ? params.windowId : null,
      };
      const decision = decideAccess(rule, principal, target);
      if (!decision.allowed) {
        const home = principal.kind === 'staff' || principal.kind === 'device' ? principal.hallId : null;
        const where = decision.code === 'WRONG_HALL' ? `: you belong to hall ${home ?? '(city)'}, not ${target.hallId ?? '(city)'}` : '';
        throw new DomainError(decision.status, decision.code === 'UNAUTHORIZED' ? 'UNAUTHORIZED' : 'FORBIDDEN', MESSAGES[decision.code] + where);
      }
    });
  },
  { name: 'auth', dependencies: ['database'] },
);
