/**
 * What public screens (lobby, window, outdoor, rating pad) and visitors'
 * phones may hold (rules PV1–PV4). Nothing here names a visitor, carries an
 * appointment code, a phone token, an ID or mobile digit, or any health fact
 * (code colour, temperature, symptoms, denial reasons, or that anyone was
 * denied). Its size does not grow with the day: current tickets at windows,
 * the last calls, the last finished service per window, and counts.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  CategoryViewSchema,
  HallInfoSchema,
  OccupancyViewSchema,
  QueueViewSchema,
  TicketStateSchema,
  TicketViewSchema,
  WindowStateSchema,
} from './types.ts';

const IsoTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** A ticket as a screen shows it: number, queue, state and window; never who holds it. */
export const PublicTicketViewSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  categoryId: Type.String(),
  state: TicketStateSchema,
  windowId: Nullable(Type.String()),
  calledAt: Nullable(IsoTime),
  callCount: Type.Integer({ minimum: 0 }),
  finishedAt: Nullable(IsoTime),
  /** Whether a 好差评 rating was given (not which). */
  rated: Type.Boolean(),
});
export type PublicTicketView = Static<typeof PublicTicketViewSchema>;

export const PublicWindowViewSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer({ minimum: 1 }),
  categoryIds: Type.Array(Type.String()),
  state: WindowStateSchema,
  currentTicketId: Nullable(Type.String()),
  /** The clerk on duty, as printed on the window's name plate. */
  clerkName: Nullable(Type.String()),
});
export type PublicWindowView = Static<typeof PublicWindowViewSchema>;

/** One call as the lobby lists it. */
export const CallViewSchema = Type.Object({
  ticketId: Type.String(),
  number: Type.String(),
  windowId: Type.String(),
  windowNumber: Type.Integer({ minimum: 1 }),
  /** Server time of the call. */
  at: IsoTime,
  recall: Type.Boolean(),
  /** The call was taken back: the ticket went back to waiting (a requeue, a transfer, a window closed). Screens stop showing it. */
  withdrawn: Type.Boolean(),
});
export type CallView = Static<typeof CallViewSchema>;

/** The latest service a window finished, for its rating pad (L10). */
export const FinishedViewSchema = Type.Object({
  windowId: Type.String(),
  ticketId: Type.String(),
  number: Type.String(),
  finishedAt: IsoTime,
  rated: Type.Boolean(),
});
export type FinishedView = Static<typeof FinishedViewSchema>;

/** A batch as the entrance announces it: ticket numbers and a head count, no names (PV2). */
export const PublicBatchViewSchema = Type.Object({
  number: Type.Integer({ minimum: 1 }),
  admittedAt: IsoTime,
  people: Type.Integer({ minimum: 0 }),
  ticketNumbers: Type.Array(Type.String()),
});
export type PublicBatchView = Static<typeof PublicBatchViewSchema>;

/** The public audience's state: what every screen shows, as of `seq`. */
export const PublicHallStateSchema = Type.Object({
  seq: Type.Integer({ minimum: 0 }),
  /** The hall's business day of the newest change, YYYY-MM-DD in its zone. */
  day: Type.String(),
  hall: HallInfoSchema,
  categories: Type.Array(CategoryViewSchema),
  windows: Type.Array(PublicWindowViewSchema),
  /** The tickets current at a window (called, served), at most one per window. */
  tickets: Type.Array(PublicTicketViewSchema),
  /** The last calls, newest first, one per ticket (a recall moves it to the top). */
  calls: Type.Array(CallViewSchema),
  /** Per window, the last service it finished. */
  finished: Type.Array(FinishedViewSchema),
  queues: Type.Array(QueueViewSchema),
  latestBatch: Nullable(PublicBatchViewSchema),
  occupancy: OccupancyViewSchema,
});
export type PublicHallState = Static<typeof PublicHallStateSchema>;

/** A visitor's phone: the public view of the hall, and its own ticket in full (PV3). */
export const PhoneHallStateSchema = Type.Composite([PublicHallStateSchema, Type.Object({ mine: TicketViewSchema })]);
export type PhoneHallState = Static<typeof PhoneHallStateSchema>;

/** How many calls the public state keeps: the lobby shows the newest large and six below. */
export const PUBLIC_CALLS_KEPT = 10;
