import type { SlotPlacesView } from './events.ts';
import type { PublicBatchView, PublicTicketView, PublicWindowView } from './public-views.ts';
import type { CategoryView, HallInfo, OccupancyView, QueueView, TicketView } from './types.ts';

type PublicTicketEvent<T extends string, W> = { type: T; ticket: PublicTicketView; window: W; queues: QueueView[] };

/**
 * Every hall event as a public screen receives it (PV1). An event with
 * nothing public in it still arrives, as `hidden`, so every audience sees
 * every seq once and in order (PV4): a screen can tell a gap from silence.
 */
export type PublicHallEvent =
  | { type: 'hidden' }
  | { type: 'occupancy.changed'; occupancy: OccupancyView }
  | { type: 'batch.admitted'; batch: PublicBatchView; occupancy: OccupancyView; queues: QueueView[] }
  | PublicTicketEvent<'ticket.issued', null>
  | PublicTicketEvent<'ticket.called', PublicWindowView>
  | PublicTicketEvent<'ticket.recalled', PublicWindowView>
  | PublicTicketEvent<'ticket.service_started', PublicWindowView>
  | PublicTicketEvent<'ticket.completed', PublicWindowView>
  | PublicTicketEvent<'ticket.no_show', PublicWindowView | null>
  | PublicTicketEvent<'ticket.requeued', null>
  | PublicTicketEvent<'ticket.transferred', PublicWindowView | null>
  | PublicTicketEvent<'ticket.held', PublicWindowView>
  | PublicTicketEvent<'ticket.rated', null>
  | { type: 'window.updated'; window: PublicWindowView }
  | { type: 'hall.configured'; hall: HallInfo; categories: CategoryView[]; windows: PublicWindowView[]; queues: QueueView[] }
  | { type: 'appointments.changed'; places: SlotPlacesView[] }
  /** LV4: the hall's new level and its rules; never who set it or why. */
  | { type: 'level.changed'; hall: HallInfo };

export type PublicHallEventType = PublicHallEvent['type'];

/** A public event on the wire: a screen's or a phone's. A phone's carries its own ticket when the event changed it. */
export interface PublicEnvelope {
  hallId: string;
  seq: number;
  at: string;
  event: PublicHallEvent;
  /** Only in a phone's envelope, only for the phone's own ticket (PV3). */
  mine?: TicketView;
}

/** Public events that make a screen announce a call by voice. */
export function isPublicCallEvent(event: PublicHallEvent): event is Extract<PublicHallEvent, { type: 'ticket.called' | 'ticket.recalled' }> {
  return event.type === 'ticket.called' || event.type === 'ticket.recalled';
}
