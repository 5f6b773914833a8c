import type { StaffRole } from './types.ts';

/**
 * Who may call an operation (rules AC1–AC6 in docs/SPEC.md). Every API route
 * declares one of these; the server enforces it in one place before the body
 * is even read, and `getSecurityPolicy` publishes the table as data.
 */
export type DeviceKind = 'lobby' | 'window' | 'outdoor' | 'rating' | 'kiosk';

/** Whose staff may act: the route's own hall (city-wide staff too), only city-wide staff, or staff of any hall. */
export type StaffScope = 'hall' | 'city' | 'any';

export type AccessRule =
  /** Anyone, signed in or not (rate-limited per address). */
  | { kind: 'public' }
  /**
   * Signed-in staff with one of `roles`, within `scope`. `accounts`: the route
   * acts on a staff account, which must also be within the actor's reach (AC3).
   * `hallInQuery`: the hall is named by the query's `hallId` (a list filtered
   * by hall), and the scope applies to it.
   */
  | { kind: 'staff'; roles: readonly StaffRole[]; scope: StaffScope; accounts?: boolean; hallInQuery?: boolean }
  /** Staff of the hall with one of `roles`, or a screen paired with the hall of one of `devices` (read-only routes). */
  | { kind: 'hall-reader'; roles: readonly StaffRole[]; devices: readonly DeviceKind[] }
  /** A screen paired with the route's hall, of one of `devices`; `ownWindow` ties it to the route's `:windowId`. */
  | { kind: 'device'; devices: readonly DeviceKind[]; ownWindow: boolean }
  /** Any paired, unrevoked screen (it asks who it is). */
  | { kind: 'any-device' }
  /** The holder of a visitor's ticket link: the `:token` in the path is the credential. */
  | { kind: 'ticket-holder' }
  /** MN1: a relay node of this deployment, presenting the deployment's relay secret (the primary's internal routes). */
  | { kind: 'relay' };

/** Who is calling, as the server resolved it from the request. */
export type Principal =
  | { kind: 'nobody' }
  | { kind: 'staff'; id: string; role: StaffRole; hallId: string | null }
  | { kind: 'device'; id: string; hallId: string; device: DeviceKind; windowId: string | null }
  | { kind: 'ticket'; ticketId: string; hallId: string }
  | { kind: 'relay' };

/** What the route's address names: the hall and window it acts on, and whether a ticket token in it was valid. */
export interface RouteTarget {
  hallId: string | null;
  windowId: string | null;
}

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403; code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'WRONG_HALL' | 'WRONG_ROLE' | 'WRONG_WINDOW' };

const allow: AccessDecision = { allowed: true };
const deny = (status: 401 | 403, code: Exclude<AccessDecision, { allowed: true }>['code']): AccessDecision => ({ allowed: false, status, code });

/** AC2: staff tied to a hall act only in that hall; city-wide staff (no hall) act in any. */
export function staffReaches(staffHallId: string | null, targetHallId: string | null): boolean {
  return targetHallId === null || staffHallId === null || staffHallId === targetHallId;
}

function staffDecision(principal: Extract<Principal, { kind: 'staff' }>, roles: readonly StaffRole[], scope: StaffScope, target: RouteTarget): AccessDecision {
  if (!roles.includes(principal.role)) return deny(403, 'WRONG_ROLE');
  if (scope === 'city' && principal.hallId !== null) return deny(403, 'WRONG_HALL');
  if (scope === 'hall' && !staffReaches(principal.hallId, target.hallId)) return deny(403, 'WRONG_HALL');
  return allow;
}

/**
 * AC1: the one decision every route goes through. A missing or unknown
 * credential is 401 (sign in or pair first); a known one without the reach
 * is 403.
 */
export function decideAccess(rule: AccessRule, principal: Principal, target: RouteTarget): AccessDecision {
  switch (rule.kind) {
    case 'public':
      return allow;
    case 'ticket-holder':
      // The token is checked by the route itself (an unknown link is a 404): holding it is the right.
      return allow;
    case 'staff':
      if (principal.kind !== 'staff') return principal.kind === 'nobody' || principal.kind === 'ticket' ? deny(401, 'UNAUTHORIZED') : deny(403, 'FORBIDDEN');
      return staffDecision(principal, rule.roles, rule.scope, target);
    case 'hall-reader':
      if (principal.kind === 'staff') return staffDecision(principal, rule.roles, 'hall', target);
      if (principal.kind === 'device') {
        if (!rule.devices.includes(principal.device)) return deny(403, 'FORBIDDEN');
        return principal.hallId === target.hallId ? allow : deny(403, 'WRONG_HALL');
      }
      return deny(401, 'UNAUTHORIZED');
    case 'device':
      if (principal.kind !== 'device') return principal.kind === 'staff' ? deny(403, 'FORBIDDEN') : deny(401, 'UNAUTHORIZED');
      if (!rule.devices.includes(principal.device)) return deny(403, 'FORBIDDEN');
      if (principal.hallId !== target.hallId) return deny(403, 'WRONG_HALL');
      if (rule.ownWindow && (principal.windowId === null || principal.windowId !== target.windowId)) return deny(403, 'WRONG_WINDOW');
      return allow;
    case 'any-device':
      return principal.kind === 'device' ? allow : deny(401, 'UNAUTHORIZED');
    case 'relay':
      if (principal.kind === 'relay') return allow;
      return principal.kind === 'nobody' || principal.kind === 'ticket' ? deny(401, 'UNAUTHORIZED') : deny(403, 'FORBIDDEN');
  }
}

/** An account as the account rules see it. */
export interface AccountReach {
  role: StaffRole;
  /** Null: city-wide. */
  hallId: string | null;
}

/**
 * AC3: who may create, change, disable or reset an account. City-wide admins
 * act on any account. A hall's admin acts only on non-admin accounts of their
 * own hall. Nobody else manages accounts. So nobody can give an account more
 * reach than their own, and a hall admin can never touch (or become) a
 * city-wide admin.
 */
export function mayManageAccount(actor: AccountReach, account: AccountReach): boolean {
  if (actor.role !== 'admin') return false;
  if (actor.hallId === null) return true;
  return account.hallId === actor.hallId && account.role !== 'admin';
}

/** AC3: only city-wide admins create halls. */
export function mayCreateHall(actor: AccountReach): boolean {
  return actor.role === 'admin' && actor.hallId === null;
}

/**
 * The principals the access table is stated for (docs/SECURITY.md, and
 * `getSecurityPolicy`): each acts on hall A, window 1 of hall A, or an
 * account of hall A. "other*" are staff of hall B.
 */
export const ACCESS_COLUMNS = [
  'nobody',
  'screen',
  'pad',
  'kiosk',
  'phone',
  'door',
  'clerk',
  'supervisor',
  'admin',
  'cityAdmin',
  'otherDoor',
  'otherClerk',
  'otherSupervisor',
  'otherAdmin',
  'relay',
] as const;
export type AccessColumn = (typeof ACCESS_COLUMNS)[number];

const COLUMN_PRINCIPALS: Record<Exclude<AccessColumn, 'phone'>, Principal> = {
  nobody: { kind: 'nobody' },
  screen: { kind: 'device', id: 'screen', hallId: 'A', device: 'lobby', windowId: null },
  pad: { kind: 'device', id: 'pad', hallId: 'A', device: 'rating', windowId: 'w1' },
  kiosk: { kind: 'device', id: 'kiosk', hallId: 'A', device: 'kiosk', windowId: null },
  door: { kind: 'staff', id: 'door', role: 'door', hallId: 'A' },
  clerk: { kind: 'staff', id: 'clerk', role: 'clerk', hallId: 'A' },
  supervisor: { kind: 'staff', id: 'supervisor', role: 'supervisor', hallId: 'A' },
  admin: { kind: 'staff', id: 'admin', role: 'admin', hallId: 'A' },
  cityAdmin: { kind: 'staff', id: 'cityAdmin', role: 'admin', hallId: null },
  otherDoor: { kind: 'staff', id: 'otherDoor', role: 'door', hallId: 'B' },
  otherClerk: { kind: 'staff', id: 'otherClerk', role: 'clerk', hallId: 'B' },
  otherSupervisor: { kind: 'staff', id: 'otherSupervisor', role: 'supervisor', hallId: 'B' },
  otherAdmin: { kind: 'staff', id: 'otherAdmin', role: 'admin', hallId: 'B' },
  relay: { kind: 'relay' },
};

/**
 * AC1: whether a principal of the table may call an operation with this rule,
 * acting on hall A (when the route names a hall), its window 1, or a
 * non-admin account of hall A. A phone holds only its ticket link: it counts
 * on routes open to everyone and on its own ticket's routes.
 */
export function columnAllowed(rule: AccessRule, column: AccessColumn, routeNamesHall: boolean): boolean {
  routeNamesHall ||= rule.kind === 'staff' && rule.hallInQuery === true;
  if (rule.kind === 'ticket-holder') return column === 'phone';
  const principal: Principal = column === 'phone' ? { kind: 'nobody' } : COLUMN_PRINCIPALS[column];
  const target: RouteTarget = { hallId: routeNamesHall ? 'A' : null, windowId: 'w1' };
  if (!decideAccess(rule, principal, target).allowed) return false;
  if (rule.kind === 'staff' && rule.accounts && principal.kind === 'staff') return mayManageAccount(principal, { role: 'clerk', hallId: 'A' });
  return true;
}
