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
  /** Bearer token; also set as the http-only `hallflow_session` cookie. */
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

export const CreateDeviceBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    kind: Type.Union([Type.Literal('lobby'), Type.Literal('window'), Type.Literal('outdoor'), Type.Literal('rating')]),
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
