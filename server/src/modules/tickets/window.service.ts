import type { CommandContext } from '../../core/command-runner.ts';
import { conflict } from '../../core/errors.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { windowView } from '../hall/views.ts';
import { callingSettings } from './calling-settings.ts';
import { ticketRow, updateWindow, windowRow } from './ticket.repository.ts';

/** The clerk takes a window: it opens under their name, and a waiting priority visitor is called first (Q3). */
export function openWindow(ctx: CommandContext, hallId: string, windowId: string, clerk: { id: string; name: string }) {
  if (windowRow(ctx.tx, hallId, windowId).retiredAt) throw conflict('WINDOW_RETIRED', '该窗口已停用 · This window is out of service');
  const { normalPerPriority } = callingSettings(getHallRow(ctx.tx, hallId).settings);
  const window = windowView(
    updateWindow(ctx.tx, windowId, { state: 'open', clerkStaffId: clerk.id, clerkName: clerk.name, normalSincePriority: normalPerPriority }),
  );
  ctx.emit({ type: 'window.updated', window });
  return window;
}

/** W2: a break. Only an open window without a called or serving ticket can pause; screens show it paused. */
export function pauseWindow(ctx: CommandContext, hallId: string, windowId: string) {
  const before = windowRow(ctx.tx, hallId, windowId);
  if (before.state !== 'open') throw conflict('WINDOW_STATE', `Window ${before.number} is ${before.state}, not open`);
  if (before.currentTicketId) {
    const current = ticketRow(ctx.tx, hallId, before.currentTicketId);
    if (current.state === 'called' || current.state === 'serving') {
      throw conflict('WINDOW_BUSY', `Finish ticket ${current.number} before pausing window ${before.number}`);
    }
  }
  const window = windowView(updateWindow(ctx.tx, windowId, { state: 'paused' }));
  ctx.emit({ type: 'window.updated', window });
  return window;
}

/** W2: back from the break. */
export function resumeWindow(ctx: CommandContext, hallId: string, windowId: string) {
  const before = windowRow(ctx.tx, hallId, windowId);
  if (before.state !== 'paused') throw conflict('WINDOW_STATE', `Window ${before.number} is ${before.state}, not paused`);
  const window = windowView(updateWindow(ctx.tx, windowId, { state: 'open' }));
  ctx.emit({ type: 'window.updated', window });
  return window;
}
