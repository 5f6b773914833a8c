import { Type, type Static } from '@sinclair/typebox';
import { TicketViewSchema, WindowViewSchema } from '../domain/types.ts';
import { MAX_PARTY_SIZE } from '../domain/party.rules.ts';
import { DeviceKindSchema } from './auth.schemas.ts';
import { PriorityReasonSchema } from '../domain/priority.rules.ts';

export const IssueTicketBodySchema = Type.Object(
  {
    /** The queue; may be left out for a bundle (its window's category, or its first item's). */
    categoryId: Type.Optional(Type.String({ minLength: 1 })),
    /** 一件事: the bundle this case handles. */
    bundleId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Single items (事项) of this visit, in the category given. */
    itemIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 10, uniqueItems: true })),
    priority: Type.Optional(Type.Boolean()),
    /** DK2: required with `priority`, one of the reasons the hall offers (DK3). */
    priorityReason: Type.Optional(PriorityReasonSchema),
    partySize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PARTY_SIZE })),
  },
  { additionalProperties: false },
);
export type IssueTicketBody = Static<typeof IssueTicketBodySchema>;

/** KS5: what a visitor chooses at a terminal: a queue, items or a bundle, and how many come; never priority (staff decide that, DK2). */
export const KioskTicketBodySchema = Type.Object(
  {
    categoryId: IssueTicketBodySchema.properties.categoryId,
    bundleId: IssueTicketBodySchema.properties.bundleId,
    itemIds: IssueTicketBodySchema.properties.itemIds,
    partySize: IssueTicketBodySchema.properties.partySize,
  },
  { additionalProperties: false },
);
export type KioskTicketBody = Static<typeof KioskTicketBodySchema>;

export const TicketResponseSchema = Type.Object({
  ticket: TicketViewSchema,
  /** For the visitor only (printed as a QR code): their live page is /t/<phoneToken>. Never broadcast. */
  phoneToken: Type.String(),
  /** DK4: the people ahead of it (Q9) and the estimated wait in minutes (E1–E3; null while no window serves its queue), as issued. */
  ahead: Type.Integer({ minimum: 0 }),
  estimatedWaitMinutes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type TicketResponse = Static<typeof TicketResponseSchema>;

export const WindowParamsSchema = Type.Object({
  hallId: Type.String({ minLength: 1, maxLength: 64 }),
  windowId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const TicketParamsSchema = Type.Object({
  hallId: Type.String({ minLength: 1, maxLength: 64 }),
  ticketId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const CallResponseSchema = Type.Object({
  /** Null when nobody is waiting for this window's categories. */
  ticket: Type.Union([TicketViewSchema, Type.Null()]),
  window: WindowViewSchema,
});
export type CallResponse = Static<typeof CallResponseSchema>;

export const WindowResponseSchema = Type.Object({ window: WindowViewSchema });
export type WindowResponse = Static<typeof WindowResponseSchema>;

export const CallTicketBodySchema = Type.Object({ ticketId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const TransferBodySchema = Type.Object(
  {
    categoryId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    windowId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TransferBody = Static<typeof TransferBodySchema>;

/** A ticket after a move, and the window it left or is at (null when none). */
export const TicketMoveResponseSchema = Type.Object({
  ticket: TicketViewSchema,
  window: Type.Union([WindowViewSchema, Type.Null()]),
});
export type TicketMoveResponse = Static<typeof TicketMoveResponseSchema>;

/** W3: the window, closed, and the ticket that went back to its queue (null when none was called or served there). */
export const CloseWindowResponseSchema = Type.Object({
  window: WindowViewSchema,
  ticket: Type.Union([TicketViewSchema, Type.Null()]),
});
export type CloseWindowResponse = Static<typeof CloseWindowResponseSchema>;

/** A paired screen and whether it has a live connection now. */
export const ScreenPresenceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: DeviceKindSchema,
  /** The window a window screen or rating pad hangs over; null for the others and for screens paired without one. */
  windowNumber: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  online: Type.Boolean(),
});
export type ScreenPresence = Static<typeof ScreenPresenceSchema>;

const QueueCountSchema = Type.Object({ categoryId: Type.String(), prefix: Type.String(), name: Type.String(), nameEn: Type.String(), waiting: Type.Integer({ minimum: 0 }) });

/** W4: every window of a hall as a supervisor oversees it. */
export const WindowsOverviewSchema = Type.Object({
  /** When this was read (server clock). */
  at: Type.String({ format: 'date-time' }),
  windows: Type.Array(
    Type.Object({
      window: WindowViewSchema,
      /** The ticket called or being served there, and since when (called, or service started). */
      current: Type.Union([Type.Object({ ticket: TicketViewSchema, since: Type.String({ format: 'date-time' }) }), Type.Null()]),
      /** Cases on hold at this window (T7). */
      held: Type.Array(TicketViewSchema),
      /** Per category the window serves, in its order: tickets this window may call now (Q6). */
      waiting: Type.Array(QueueCountSchema),
      /** Its window screens and rating pads. */
      screens: Type.Array(ScreenPresenceSchema),
    }),
  ),
  /** Waiting tickets per category of the hall. */
  categories: Type.Array(QueueCountSchema),
  /** Screens not tied to a window: lobby, outdoor, and any paired without a window number. */
  screens: Type.Array(ScreenPresenceSchema),
});
export type WindowsOverview = Static<typeof WindowsOverviewSchema>;

const BilingualName = Type.Object({ name: Type.String(), nameEn: Type.String() });

/**
 * PR1: what a ticket's printout shows, read with the ticket's own link
 * (`getTicketPrintout`): the hall, the number, its queue, its items or
 * bundle, the people ahead when it was issued and when. Nobody's name, and
 * never the priority reason (only that it is a 绿色通道 ticket).
 */
export const TicketPrintoutSchema = Type.Object({
  hall: Type.Object({ name: Type.String(), nameEn: Type.String(), timezone: Type.String() }),
  number: Type.String(),
  category: Type.Object({ prefix: Type.String(), name: Type.String(), nameEn: Type.String() }),
  bundle: Type.Union([BilingualName, Type.Null()]),
  items: Type.Array(BilingualName),
  priority: Type.Boolean(),
  partySize: Type.Integer({ minimum: 1 }),
  /** The people ahead when issued at the desk or a terminal; null for tickets from a batch. */
  aheadAtIssue: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  issuedAt: Type.String({ format: 'date-time' }),
});
export type TicketPrintout = Static<typeof TicketPrintoutSchema>;
