import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Union([Type.Literal('open'), Type.Literal('contacted'), Type.Literal('closed')]);

/** FU1–FU4: a follow-up case as listed (never the visitor's contact details: `hasContact` says whether there are any). */
export const FollowUpViewSchema = Type.Object({
  id: Type.String(),
  ticketNumber: Type.String(),
  day: Type.String(),
  level: Type.Integer(),
  reasons: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  windowNumber: Nullable(Type.Integer()),
  categoryId: Type.String(),
  openedAt: Type.String(),
  dueAt: Type.String(),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  status: Status,
  overdue: Type.Boolean(),
  hasContact: Type.Boolean(),
  contactedAt: Nullable(Type.String()),
  contactNote: Nullable(Type.String()),
  finding: Nullable(Type.String()),
  justified: Nullable(Type.Boolean()),
  rectification: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
});
export type FollowUpView = Static<typeof FollowUpViewSchema>;

export const FollowUpFiguresSchema = Type.Object({
  cases: Type.Integer(),
  contacted: Type.Integer(),
  closed: Type.Integer(),
  overdue: Type.Integer(),
  justified: Type.Integer(),
  rectified: Type.Integer(),
  followUpRate: Nullable(Type.Number()),
  rectificationRate: Nullable(Type.Number()),
  averageHoursToClose: Nullable(Type.Number()),
});

export const FollowUpListSchema = Type.Object({ cases: Type.Array(FollowUpViewSchema), figures: FollowUpFiguresSchema });
export type FollowUpList = Static<typeof FollowUpListSchema>;

export const FollowUpQuerySchema = Type.Object(
  { status: Type.Optional(Status), overdue: Type.Optional(Type.Boolean({ description: 'only cases past their deadline and not closed' })) },
  { additionalProperties: false },
);

const Text = Type.String({ minLength: 2, maxLength: 500 });

/** FU2: one step of a case; only the fields sent change. */
export const UpdateFollowUpBodySchema = Type.Object(
  {
    assigneeStaffId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    contactNote: Type.Optional(Text),
    finding: Type.Optional(Text),
    justified: Type.Optional(Type.Boolean()),
    rectification: Type.Optional(Text),
    close: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFollowUpBody = Static<typeof UpdateFollowUpBodySchema>;

export const FollowUpParamsSchema = Type.Object({ hallId: Type.String({ minLength: 1, maxLength: 64 }), followUpId: Type.String({ minLength: 1, maxLength: 64 }) });

export const FollowUpContactSchema = Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) });
export type FollowUpContact = Static<typeof FollowUpContactSchema>;
