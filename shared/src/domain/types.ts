/**
 * The entities every HallFlow client sees, as JSON Schemas (TypeBox) with
 * their TypeScript types derived from them: one source for the server's
 * response schemas, the OpenAPI document and the clients' types.
 *
 * These are the staff audience's views. Public screens and phones get their
 * own, smaller projections (public-views.ts); party views carry masked names,
 * appointment codes and denial reasons and never reach them (PV1).
 */
import { Type, type Static } from '@sinclair/typebox';
// Registers the date and date-time formats for TypeBox's own checks (stored policies are re-checked on read).
import './formats.ts';
import { PriorityReasonSchema } from './priority.rules.ts';
import { CallingSettingsSchema } from './calling.rules.ts';
import { EntryRulesSchema } from './screening.rules.ts';
import { CheckNameSchema, LevelRulesSchema } from './prevention-level.rules.ts';

const IsoTime = Type.String({ format: 'date-time' });

/** IN2: a real calendar date, YYYY-MM-DD (local to the hall): 2025-06-31 and 0000-00-00 are refused, not rolled over. */
export const CalendarDateSchema = Type.String({ format: 'date', pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD, a real calendar date' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const StaffRoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('supervisor'),
  Type.Literal('door'),
  Type.Literal('clerk'),
]);
export type StaffRole = Static<typeof StaffRoleSchema>;
/** Who is on the other end of a realtime connection. */
export type ClientRole = StaffRole | 'display' | 'phone';

export const HealthCodeSchema = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);
export type HealthCode = Static<typeof HealthCodeSchema>;

/** The visitor's path at the door (rules V1..V3 in docs/SPEC.md). */
export const PartyStateSchema = Type.Union([
  Type.Literal('arrived'),
  Type.Literal('screened'),
  Type.Literal('holding'),
  Type.Literal('admitted'),
  Type.Literal('exited'),
  Type.Literal('denied'),
]);
export type PartyState = Static<typeof PartyStateSchema>;

/** The ticket's life (rules T1..T4 in docs/SPEC.md). */
export const TicketStateSchema = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('called'),
  Type.Literal('serving'),
  Type.Literal('held'),
  Type.Literal('done'),
  Type.Literal('no_show'),
]);
export type TicketState = Static<typeof TicketStateSchema>;

export const WindowStateSchema = Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]);
export type WindowState = Static<typeof WindowStateSchema>;

export const HallInfoSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  timezone: Type.String(),
  /** Most people allowed inside at once (after subtracting staff on the floor). */
  capacity: Type.Integer({ minimum: 0 }),
  holdingCapacity: Type.Integer({ minimum: 0 }),
  batchSize: Type.Integer({ minimum: 1 }),
  /**
   * The calling policy (Q3, T4, T5), so clients count the people ahead (Q9)
   * and offer returns as the server will. Absent only in events logged
   * before it was added; read it with `hallCalling`.
   */
  calling: Type.Optional(CallingSettingsSchema),
  /**
   * S11: the entry rules the door applies (fever threshold, whether a green
   * code and a mask are required), for the outdoor screen and the lobby's
   * notices. Rules only, nobody's data. Absent only in events logged before
   * it was added; read it with `hallEntryRules`.
   */
  entryRules: Type.Optional(EntryRulesSchema),
  /**
   * LV1, LV8: the prevention level in force and its rules (which checks the
   * door makes, walk-ins, batches), for every screen and app. Rules only.
   * Absent only in events logged before levels; read it with `hallLevelRules`.
   */
  levelRules: Type.Optional(LevelRulesSchema),
});
export type HallInfo = Static<typeof HallInfoSchema>;

export const CategoryViewSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  /** One capital letter printed before the ticket number, e.g. "A" in A023. */
  prefix: Type.String({ pattern: '^[A-Z]$' }),
  name: Type.String(),
  nameEn: Type.String(),
  sortOrder: Type.Integer(),
  /** CA5: no longer taking new visitors (present only when true); its tickets are still served. */
  retired: Type.Optional(Type.Literal(true)),
});
export type CategoryView = Static<typeof CategoryViewSchema>;

export const WindowViewSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  /** The number painted above the counter; what the voice says. */
  number: Type.Integer({ minimum: 1 }),
  /** Categories this window serves, most preferred first. */
  categoryIds: Type.Array(Type.String()),
  state: WindowStateSchema,
  currentTicketId: Nullable(Type.String()),
  /** Normal tickets called here since the last priority one (calling rule Q3). */
  normalSincePriority: Type.Integer({ minimum: 0 }),
  clerkName: Nullable(Type.String()),
  /** CA5: taken out of service (present only when true): it cannot be opened. */
  retired: Type.Optional(Type.Literal(true)),
});
export type WindowView = Static<typeof WindowViewSchema>;

export const ReasonViewSchema = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });
export type ReasonView = Static<typeof ReasonViewSchema>;

export const PartyViewSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  /** Masked lead visitor's name, e.g. 张*三. */
  displayName: Type.String(),
  size: Type.Integer({ minimum: 1 }),
  state: PartyStateSchema,
  categoryId: Type.String(),
  appointmentCode: Nullable(Type.String()),
  /** Start of the booked slot, when the party has an appointment. */
  slotStart: Nullable(IsoTime),
  screenedAt: Nullable(IsoTime),
  batchNumber: Nullable(Type.Integer()),
  ticketId: Nullable(Type.String()),
  /** Bilingual reasons when state is 'denied'. */
  denialReasons: Type.Array(ReasonViewSchema),
  /** LV10: present while the party holds and must be re-checked at the door for these checks before a batch takes it. Staff only. */
  recheck: Type.Optional(Type.Array(CheckNameSchema)),
});
export type PartyView = Static<typeof PartyViewSchema>;

export const TicketViewSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  /** Prefix + three digits, e.g. "A023". */
  number: Type.String(),
  categoryId: Type.String(),
  state: TicketStateSchema,
  priority: Type.Boolean(),
  /** DK2: why a priority ticket is one (present only on priority tickets issued since DK2). Staff and its own phone only. */
  priorityReason: Type.Optional(PriorityReasonSchema),
  windowId: Nullable(Type.String()),
  partyId: Nullable(Type.String()),
  partySize: Type.Integer({ minimum: 1 }),
  /** Time that decides the ticket's place in its queue; kept across transfers and returns. */
  queuedAt: IsoTime,
  /** Start of the visitor's appointment slot, when the ticket came from an appointment. */
  slotStart: Nullable(IsoTime),
  /** Set when transferred to one particular window: only that window may call it. */
  targetWindowId: Nullable(Type.String()),
  issuedAt: IsoTime,
  calledAt: Nullable(IsoTime),
  callCount: Type.Integer({ minimum: 0 }),
  serviceStartedAt: Nullable(IsoTime),
  finishedAt: Nullable(IsoTime),
  /** The visitor's satisfaction rating (1–5), once given. */
  rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
});
export type TicketView = Static<typeof TicketViewSchema>;

export const BatchViewSchema = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  number: Type.Integer({ minimum: 1 }),
  admittedAt: IsoTime,
  partyIds: Type.Array(Type.String()),
  people: Type.Integer({ minimum: 0 }),
});
export type BatchView = Static<typeof BatchViewSchema>;

export const OccupancyViewSchema = Type.Object({
  inside: Type.Integer({ minimum: 0 }),
  capacity: Type.Integer({ minimum: 0 }),
  holding: Type.Integer({ minimum: 0 }),
  /** Alert level (rule C2): 'high' from 80 %, 'very_high' from 90 %, 'full' at capacity. */
  level: Type.Union([Type.Literal('normal'), Type.Literal('high'), Type.Literal('very_high'), Type.Literal('full')]),
});
export type OccupancyView = Static<typeof OccupancyViewSchema>;

/** One queue's figures for the wait estimate (E1–E3): who is waiting, and the smoothed handling time of the day. */
export const QueueViewSchema = Type.Object({
  categoryId: Type.String(),
  waiting: Type.Integer({ minimum: 0 }),
  /** E1: exponentially weighted mean of the day's last 20 handling times, from a 10-minute prior. */
  handlingMinutes: Type.Number({ minimum: 0 }),
  /** E5: the mean minutes between the queue's latest calls while someone waited in it; absent until three were seen today. */
  callIntervalMinutes: Type.Optional(Type.Number({ minimum: 0 })),
});
export type QueueView = Static<typeof QueueViewSchema>;

/** The whole state staff apps need, as of `seq` (the staff audience's snapshot). */
export const HallSnapshotSchema = Type.Object({
  seq: Type.Integer({ minimum: 0 }),
  /** The hall's business day this snapshot covers, YYYY-MM-DD in the hall's zone. */
  day: Type.String(),
  hall: HallInfoSchema,
  categories: Type.Array(CategoryViewSchema),
  windows: Type.Array(WindowViewSchema),
  tickets: Type.Array(TicketViewSchema),
  parties: Type.Array(PartyViewSchema),
  batches: Type.Array(BatchViewSchema),
  occupancy: OccupancyViewSchema,
  /** Every category's waiting count and handling time. */
  queues: Type.Array(QueueViewSchema),
});
export type HallSnapshot = Static<typeof HallSnapshotSchema>;
