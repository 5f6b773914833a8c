import { Type, type Static } from '@sinclair/typebox';

/** A hall's 差评整改 settings, kept under `settings.followUp`. */
export const FollowUpSettingsSchema = Type.Object(
  {
    /** FU1: hours from a low rating to the 回访 deadline (the case is overdue when not closed by then). */
    deadlineHours: Type.Integer({ minimum: 1, maximum: 720 }),
  },
  { additionalProperties: false },
);
export type FollowUpSettings = Static<typeof FollowUpSettingsSchema>;
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { deadlineHours: 72 };

/** FU1: 不满意 (2) and 非常不满意 (1) open a follow-up case. */
export const opensFollowUp = (level: number): boolean => level <= 2;

/** FU1: the case's deadline. */
export function followUpDue(openedAt: Date, settings: FollowUpSettings): Date {
  return new Date(openedAt.getTime() + settings.deadlineHours * 3_600_000);
}

/** FU1: the hall supervisor with the fewest open cases takes a new one (ties: by username); none: unassigned. */
export function chooseAssignee(supervisors: readonly { id: string; username: string }[], openCases: ReadonlyMap<string, number>): string | null {
  const ranked = [...supervisors].sort((a, b) => (openCases.get(a.id) ?? 0) - (openCases.get(b.id) ?? 0) || a.username.localeCompare(b.username));
  return ranked[0]?.id ?? null;
}

export type FollowUpStatus = 'open' | 'contacted' | 'closed';

export interface FollowUpCase {
  status: FollowUpStatus;
  assigneeStaffId: string | null;
  contactedAt: string | null;
  contactNote: string | null;
  finding: string | null;
  justified: boolean | null;
  rectification: string | null;
  closedAt: string | null;
  openedAt: string;
  dueAt: string;
}

/** What one update asks for; absent fields stay. */
export interface FollowUpChange {
  assigneeStaffId?: string;
  contactNote?: string;
  finding?: string;
  justified?: boolean;
  rectification?: string;
  close?: boolean;
}

export type FollowUpStep =
  | { ok: true; next: FollowUpCase }
  | { ok: false; status: 403 | 409; code: string; message: string };

/**
 * FU2: a case moves open → contacted (回访 made, with a note) → closed. Only
 * the assigned supervisor records the contact, the finding (属实 or not) and
 * the rectification; any supervisor or admin of the hall may hand the case
 * to another supervisor. A case closes only once the visitor was contacted
 * and a finding recorded, and, when the complaint was justified, the
 * rectification (整改) too. A closed case does not change.
 */
export function followUpStep(current: FollowUpCase, change: FollowUpChange, actorId: string, now: Date): FollowUpStep {
  if (current.status === 'closed') return { ok: false, status: 409, code: 'FOLLOW_UP_CLOSED', message: '该整改已办结，不能再修改 · This case is closed' };
  const next: FollowUpCase = { ...current };
  if (change.assigneeStaffId !== undefined) next.assigneeStaffId = change.assigneeStaffId;
  const records = change.contactNote !== undefined || change.finding !== undefined || change.justified !== undefined || change.rectification !== undefined || change.close;
  if (records && current.assigneeStaffId !== actorId) {
    return { ok: false, status: 403, code: 'NOT_ASSIGNEE', message: '只有承办的值班主任可以记录回访和整改 · Only the supervisor handling the case records it' };
  }
  if (change.contactNote !== undefined) {
    next.contactNote = change.contactNote;
    next.contactedAt = current.contactedAt ?? now.toISOString();
    if (next.status === 'open') next.status = 'contacted';
  }
  if (change.finding !== undefined) next.finding = change.finding;
  if (change.justified !== undefined) next.justified = change.justified;
  if (change.rectification !== undefined) next.rectification = change.rectification;
  if (change.close) {
    if (!next.contactedAt) return { ok: false, status: 409, code: 'NOT_CONTACTED', message: '请先记录回访情况 · Record the contact with the visitor first' };
    if (!next.finding || next.justified === null) return { ok: false, status: 409, code: 'NO_FINDING', message: '请先记录核查结论（是否属实） · Record the finding first' };
    if (next.justified && !next.rectification) return { ok: false, status: 409, code: 'NO_RECTIFICATION', message: '差评属实，须先记录整改措施 · A justified complaint needs its rectification first' };
    next.status = 'closed';
    next.closedAt = now.toISOString();
  }
  return { ok: true, next };
}

/** FU3: overdue: not closed by its deadline. */
export const isOverdue = (entry: Pick<FollowUpCase, 'status' | 'dueAt'>, now: Date): boolean => entry.status !== 'closed' && now.getTime() > Date.parse(entry.dueAt);

export interface FollowUpFigures {
  cases: number;
  contacted: number;
  closed: number;
  overdue: number;
  justified: number;
  rectified: number;
  /** 回访率: contacted ÷ cases. */
  followUpRate: number | null;
  /** 整改率: justified complaints closed with their rectification ÷ justified complaints. */
  rectificationRate: number | null;
  /** Mean hours from opening to closing, over closed cases. */
  averageHoursToClose: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 1000);

/** FU3: the figures of a set of cases at an instant. */
export function followUpFigures(entries: readonly FollowUpCase[], now: Date): FollowUpFigures {
  const closed = entries.filter((e) => e.status === 'closed');
  const justified = entries.filter((e) => e.justified === true);
  const rectified = justified.filter((e) => e.status === 'closed' && e.rectification);
  const hours = closed.map((e) => (Date.parse(e.closedAt!) - Date.parse(e.openedAt)) / 3_600_000);
  return {
    cases: entries.length,
    contacted: entries.filter((e) => e.contactedAt).length,
    closed: closed.length,
    overdue: entries.filter((e) => isOverdue(e, now)).length,
    justified: justified.length,
    rectified: rectified.length,
    followUpRate: share(entries.filter((e) => e.contactedAt).length, entries.length),
    rectificationRate: share(rectified.length, justified.length),
    averageHoursToClose: hours.length === 0 ? null : Math.round((10 * hours.reduce((a, b) => a + b, 0)) / hours.length) / 10,
  };
}
