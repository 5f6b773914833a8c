import { Type, type Static } from '@sinclair/typebox';
import { ACCESS_COLUMNS } from '../domain/access.rules.ts';
import { StaffRoleSchema } from '../domain/types.ts';

/** AU1: one staff action as the audit log keeps it. */
export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  hallId: Type.Union([Type.String(), Type.Null()]),
  staffId: Type.String(),
  staffUsername: Type.String(),
  staffRole: Type.String(),
  /** The operation, e.g. callNext, updateCrowdConfig, resetStaffPassword. */
  action: Type.String(),
  /** What it acted on (the operation's path parameters). */
  target: Type.Record(Type.String(), Type.Unknown()),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditLogQuerySchema = Type.Object(
  {
    hallId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    staffId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z]+$' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    /** Entries older than this id (the previous page's `nextBefore`). */
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type AuditLogQuery = Static<typeof AuditLogQuerySchema>;

export const AuditLogResponseSchema = Type.Object({
  /** Newest first. */
  entries: Type.Array(AuditEntrySchema),
  /** Pass as `before` for the next (older) page; null when this is the last. */
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
export type AuditLogResponse = Static<typeof AuditLogResponseSchema>;

const AllowedByColumn = Type.Object(Object.fromEntries(ACCESS_COLUMNS.map((column) => [column, Type.Boolean()])) as Record<(typeof ACCESS_COLUMNS)[number], ReturnType<typeof Type.Boolean>>);

/** AC1: the access table as data: each operation, its declared rule, and who may call it. */
export const SecurityPolicySchema = Type.Object({
  columns: Type.Array(Type.String()),
  operations: Type.Array(
    Type.Object({
      operationId: Type.String(),
      method: Type.String(),
      path: Type.String(),
      rule: Type.Object({
        kind: Type.String(),
        roles: Type.Optional(Type.Array(StaffRoleSchema)),
        scope: Type.Optional(Type.String()),
        devices: Type.Optional(Type.Array(Type.String())),
        ownWindow: Type.Optional(Type.Boolean()),
        accounts: Type.Optional(Type.Boolean()),
      }),
      allowed: AllowedByColumn,
    }),
  ),
});
export type SecurityPolicy = Static<typeof SecurityPolicySchema>;
