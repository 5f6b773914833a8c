import type { HallSnapshot } from '@hallflow/shared';

/** What changes whenever a ticket finishes or is rated at a window: the window's figures and history reload on it. */
export function finishedSignature(hall: HallSnapshot, windowId: string): string {
  return hall.tickets
    .filter((ticket) => ticket.windowId === windowId && ticket.state === 'done')
    .map((ticket) => `${ticket.id}:${ticket.rating}`)
    .join();
}
