import { describe, expect, it } from 'vitest';
import { decidePriority, offeredPriorityReasons, PRIORITY_REASONS } from '../src/domain/index.ts';

describe('绿色通道 reasons', () => {
  it('[DK2] priority needs a reason and a reason needs priority', () => {
    expect(decidePriority(true, 'age65', PRIORITY_REASONS)).toEqual({ ok: true, priority: true, reason: 'age65' });
    expect(decidePriority(false, undefined, PRIORITY_REASONS)).toEqual({ ok: true, priority: false, reason: null });
    expect(decidePriority(true, undefined, PRIORITY_REASONS)).toMatchObject({ ok: false, code: 'PRIORITY_REASON_REQUIRED', field: 'body/priorityReason' });
    expect(decidePriority(false, 'other', PRIORITY_REASONS)).toMatchObject({ ok: false, code: 'PRIORITY_REASON_WITHOUT_PRIORITY' });
  });

  it('[DK3] only the reasons the hall offers, in the catalogue order; all until the hall chooses', () => {
    expect(offeredPriorityReasons({})).toEqual([...PRIORITY_REASONS]);
    expect(offeredPriorityReasons({ priorityReasons: ['other', 'age65'] })).toEqual(['age65', 'other']);
    expect(decidePriority(true, 'military', offeredPriorityReasons({ priorityReasons: ['age65'] }))).toMatchObject({ ok: false, code: 'PRIORITY_REASON_NOT_OFFERED' });
    expect(decidePriority(true, 'age65', offeredPriorityReasons({ priorityReasons: [] }))).toMatchObject({ ok: false, code: 'PRIORITY_REASON_NOT_OFFERED' });
  });
});
