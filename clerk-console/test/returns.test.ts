import { ApiError } from '@hallflow/shared/api';
import { describe, expect, it } from 'vitest';
import { aHall, aTicket, aWindow } from '../../shared/test/support/views.ts';
import { errorText } from '../src/lib/i18n';
import { returnableNoShows } from '../src/lib/returns';

describe('no-shows a clerk can put back', () => {
  it('[T5] this window\'s no-shows within the hall\'s requeue time, newest first, judged by the hall\'s newest time', () => {
    const noShow = (id: string, finishedAt: string, windowId = 'w1') => aTicket({ id, number: id.toUpperCase(), state: 'no_show', windowId, finishedAt });
    const hall = aHall({
      windows: [aWindow()],
      tickets: [
        noShow('a1', '2026-11-25T02:00:00.000Z'), // 40 min before the newest event: too late
        noShow('a2', '2026-11-25T02:20:00.000Z'),
        noShow('a3', '2026-11-25T02:35:00.000Z'),
        noShow('b1', '2026-11-25T02:36:00.000Z', 'w2'), // another window's
        aTicket({ id: 'now', issuedAt: '2026-11-25T02:40:00.000Z' }),
      ],
    });
    expect(returnableNoShows(hall, 'w1').map((t) => t.id)).toEqual(['a3', 'a2']);
    // The hall allows 45 minutes: the older one may rejoin too.
    const longer = aHall({ ...hall, hall: { ...hall.hall, calling: { normalPerPriority: 2, maxRecalls: 3, requeueMinutes: 45 } } });
    expect(returnableNoShows(longer, 'w1').map((t) => t.id)).toEqual(['a3', 'a2', 'a1']);
  });

  it('[W3] a refusal reads from the catalogue by its code, Chinese first; an unknown code keeps the server\'s message', () => {
    expect(errorText('zh', new ApiError(403, 'NOT_YOUR_WINDOW', 'Window 5 is not yours to close'))).toBe('这不是您的窗口；可请值班主任关闭');
    expect(errorText('en', new ApiError(409, 'REQUEUE_EXPIRED', 'late'))).toBe('Too late to rejoin: a new ticket is needed');
    expect(errorText('zh', new ApiError(400, 'SOMETHING_NEW', 'body/x is wrong'))).toBe('body/x is wrong');
  });
});
