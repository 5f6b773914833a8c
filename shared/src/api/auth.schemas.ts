import { Type, type Static } from '@sinclair/typebox';
import { StaffRoleSchema } from '../domain/types.ts';

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBodySchema>;

export const StaffViewSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRoleSchema,
  /** Null for city-wide staff (admins, city supervisors). */
  hallId: Type.Union([Type.String(), Type.Null()]),
});
export type StaffView = Static<typeof StaffViewSchema>;

export const LoginResponseSchema = Type.Object({
  /** Bearer token, sent as `Authorization: Bearer …` (there is no session cookie). */
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  staff: StaffViewSchema,
});
export type LoginResponse = Static<typeof LoginResponseSchema>;

export const CreateStaffBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    role: StaffRoleSchema,
    hallId: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    password: Type.String({ minLength: 8, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type CreateStaffBody = Static<typeof CreateStaffBodySchema>;

/** KS1: a self-service terminal (`kiosk`) authenticates like a screen and may do only what a visitor may. */
export const DeviceKindSchema = Type.Union([Type.Literal('lobby'), Type.Literal('window'), Type.Literal('outdoor'), Type.Literal('rating'), Type.Literal('kiosk')]);
export type DeviceKind = Static<typeof DeviceKindSchema>;

export const CreateDeviceBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    kind: DeviceKindSchema,
    /** The window a window screen or rating pad belongs to: required for those kinds, refused for the others (AC4); the windows overview shows it there (W4). */
    windowId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    /** KS5: a terminal that stands inside the hall (past the door), where visitors may take a ticket; only for kiosks. */
    inside: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateDeviceBody = Static<typeof CreateDeviceBodySchema>;

export const DeviceTokenResponseSchema = Type.Object({
  id: Type.String(),
  /** Shown once: put it in the screen's URL as ?device=… */
  token: Type.String(),
});
export type DeviceTokenResponse = Static<typeof DeviceTokenResponseSchema>;

/** A staff account as admins see it in the list. */
export const StaffAccountSchema = Type.Composite([
  StaffViewSchema,
  Type.Object({ createdAt: Type.String(), disabled: Type.Boolean() }),
]);
export type StaffAccount = Static<typeof StaffAccountSchema>;

export const StaffParamsSchema = Type.Object({ staffId: Type.String({ minLength: 1, maxLength: 64 }) });

export const ResetPasswordBodySchema = Type.Object({ password: Type.String({ minLength: 8, maxLength: 200 }) }, { additionalProperties: false });

/** A paired screen; its token is never shown again after pairing. */
export const DeviceViewSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  name: Type.String(),
  kind: DeviceKindSchema,
  /** The window it is paired with (window screens and rating pads). */
  windowId: Type.Union([Type.String(), Type.Null()]),
  /** KS5: a terminal inside the hall (kiosks only; false for every other kind). */
  inside: Type.Boolean(),
  createdAt: Type.String(),
  revoked: Type.Boolean(),
  /**
   * A23: only for the demo screens the first start paired, and only to
   * admins: their token, so the demo links can be found again. Null for every
   * other screen (its token was shown once) and for other callers.
   */
  demoToken: Type.Union([Type.String(), Type.Null()]),
});
export type DeviceView = Static<typeof DeviceViewSchema>;

export const DeviceParamsSchema = Type.Object({ hallId: Type.String({ minLength: 1, maxLength: 64 }), deviceId: Type.String({ minLength: 1, maxLength: 64 }) });
