import { Type, type Static } from '@sinclair/typebox';
import { HallSnapshotSchema } from '../domain/types.ts';
import { PublicHallStateSchema } from '../domain/public-views.ts';

/**
 * MN1: the primary's internal routes, for its relays only (the deployment's
 * relay secret). A relay never opens the store: it learns who a connection
 * is, a hall's state and the events it missed from these.
 */
export const RealtimeIdentityBodySchema = Type.Object(
  {
    credential: Type.Union([Type.Literal('staff'), Type.Literal('device'), Type.Literal('ticket')]),
    token: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type RealtimeIdentityBody = Static<typeof RealtimeIdentityBodySchema>;

export const RealtimeIdentitySchema = Type.Object({
  /** Null: the primary does not know this credential (or it was withdrawn). */
  identity: Type.Union([
    Type.Null(),
    Type.Object({
      role: Type.String(),
      audience: Type.Union([Type.Literal('staff'), Type.Literal('public'), Type.Literal('phone')]),
      hallIds: Type.Union([Type.Array(Type.String()), Type.Null()]),
      staffId: Type.Union([Type.String(), Type.Null()]),
      deviceId: Type.Union([Type.String(), Type.Null()]),
      ticketId: Type.Union([Type.String(), Type.Null()]),
    }),
  ]),
});

export const HallMirrorSchema = Type.Object({
  seq: Type.Integer({ minimum: 0 }),
  staff: HallSnapshotSchema,
  public: PublicHallStateSchema,
});

export const HallEventsQuerySchema = Type.Object(
  {
    after: Type.Integer({ minimum: 0 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 500 })),
  },
  { additionalProperties: false },
);

export const HallEventsSchema = Type.Object({
  /** Oldest first: { hallId, seq, at, event } as the event log holds them. */
  events: Type.Array(Type.Object({ hallId: Type.String(), seq: Type.Integer(), at: Type.String(), event: Type.Unknown() })),
});
