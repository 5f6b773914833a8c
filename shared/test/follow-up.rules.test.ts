import { describe, expect, it } from 'vitest';
import { chooseAssignee, followUpFigures, followUpStep, isOverdue, opensFollowUp, type FollowUpCase } from '../src/domain/follow-up.rules.ts';

const opened: FollowUpCase = {
  status: 'open',
  assigneeStaffId: 'a',
  contactedAt: null,
  contactNote: null,
  finding: null,
  justified: null,
  rectification: null,
  closedAt: null,
  openedAt: '2026-11-25T02:00:00.000Z',
  dueAt: '2026-11-28T02:00:00.000Z',
};
const now = new Date('2026-11-25T08:00:00.000Z');

describe('follow-up rules', () => {
  it('[FU1] low ratings open a case, assigned to the least busy supervisor', () => {
    expect([1, 2, 3, 4, 5].map(opensFollowUp)).toEqual([true, true, false, false, false]);
    const people = [{ id: 'b', username: 'wang' }, { id: 'a', username: 'li' }];
    expect(chooseAssignee(people, new Map())).toBe('a');
    expect(chooseAssignee(people, new Map([['a', 2], ['b', 1]]))).toBe('b');
    expect(chooseAssignee([], new Map())).toBeNull();
  });

  it('[FU2] contact, finding, rectification, then close, by the assignee only; closed stays closed', () => {
    expect(followUpStep(opened, { contactNote: '已回访' }, 'b', now)).toMatchObject({ ok: false, status: 403 });
    expect(followUpStep(opened, { assigneeStaffId: 'b' }, 'b', now)).toMatchObject({ ok: true, next: { assigneeStaffId: 'b' } });
    expect(followUpStep(opened, { close: true }, 'a', now)).toMatchObject({ ok: false, code: 'NOT_CONTACTED' });
    const contacted = followUpStep(opened, { contactNote: '已回访' }, 'a', now);
    if (!contacted.ok) throw new Error('expected ok');
    expect(contacted.next).toMatchObject({ status: 'contacted', contactedAt: now.toISOString() });
    expect(followUpStep(contacted.next, { close: true }, 'a', now)).toMatchObject({ ok: false, code: 'NO_FINDING' });
    expect(followUpStep(contacted.next, { finding: '属实', justified: true, close: true }, 'a', now)).toMatchObject({ ok: false, code: 'NO_RECTIFICATION' });
    const unjustified = followUpStep(contacted.next, { finding: '不属实', justified: false, close: true }, 'a', now);
    expect(unjustified).toMatchObject({ ok: true, next: { status: 'closed' } });
    if (!unjustified.ok) throw new Error('expected ok');
    expect(followUpStep(unjustified.next, { contactNote: 'x' }, 'a', now)).toMatchObject({ ok: false, status: 409 });
  });

  it('[FU3] overdue, 回访率, 整改率 and time to close', () => {
    const closed = { ...opened, status: 'closed' as const, contactedAt: now.toISOString(), justified: true, rectification: '培训', finding: '属实', closedAt: '2026-11-25T05:00:00.000Z' };
    const contacted = { ...opened, status: 'contacted' as const, contactedAt: now.toISOString(), justified: true, finding: '属实' };
    const late = { ...opened, dueAt: '2026-11-25T07:00:00.000Z' };
    expect(isOverdue(late, now)).toBe(true);
    expect(isOverdue({ ...closed, dueAt: late.dueAt }, now)).toBe(false);
    expect(followUpFigures([closed, contacted, late], now)).toEqual({
      cases: 3,
      contacted: 2,
      closed: 1,
      overdue: 1,
      justified: 2,
      rectified: 1,
      followUpRate: 0.667,
      rectificationRate: 0.5,
      averageHoursToClose: 3,
    });
    expect(followUpFigures([], now)).toMatchObject({ followUpRate: null, rectificationRate: null, averageHoursToClose: null });
  });
});
