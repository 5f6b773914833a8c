import type { PreventionLevel } from './prevention-level.rules.ts';
import type { BatchView, CategoryView, HallInfo, OccupancyView, PartyView, QueueView, TicketView, WindowView } from './types.ts';

/**
 * The queue figures of the categories an event's tickets are in after it,
 * added by the server in the event's transaction (the public projection
 * carries them to screens, which hold no ticket lists).
 */
type WithQueues = { queues?: QueueView[] };

/**
 * Every change to a hall, in past tense. Each event carries the complete new
 * view of every entity it touched, so a client applies it by replacing those
 * entities (see applyHallEvent) and never has to re-derive server rules.
 */
export type HallEvent =
  | { type: 'party.screened'; party: PartyView; occupancy: OccupancyView }
  | { type: 'party.exited'; party: PartyView | null; occupancy: OccupancyView }
  | ({ type: 'batch.admitted'; batch: BatchView; parties: PartyView[]; tickets: TicketView[]; occupancy: OccupancyView } & WithQueues)
  | { type: 'occupancy.corrected'; occupancy: OccupancyView }
  | { type: 'batch.proposed'; occupancy: OccupancyView }
  | ({ type: 'ticket.issued'; ticket: TicketView } & WithQueues)
  | ({ type: 'ticket.called'; ticket: TicketView; window: WindowView } & WithQueues)
  | ({ type: 'ticket.recalled'; ticket: TicketView; window: WindowView } & WithQueues)
  | ({ type: 'ticket.service_started'; ticket: TicketView; window: WindowView } & WithQueues)
  | ({ type: 'ticket.completed'; ticket: TicketView; window: WindowView } & WithQueues)
  | ({ type: 'ticket.no_show'; ticket: TicketView; window: WindowView | null } & WithQueues)
  | ({ type: 'ticket.requeued'; ticket: TicketView } & WithQueues)
  | ({ type: 'ticket.transferred'; ticket: TicketView; window: WindowView | null } & WithQueues)
  | ({ type: 'ticket.held'; ticket: TicketView; window: WindowView } & WithQueues)
  | ({ type: 'ticket.rated'; ticket: TicketView } & WithQueues)
  | { type: 'window.updated'; window: WindowView }
  /**
   * The hall's info, services or windows changed. LV10: when the change
   * altered the checks the door requires (the screening policy edited by
   * hand), `parties`, staff only, are the holding parties whose re-check mark
   * it set or cleared, as `level.changed` carries them.
   */
  | ({ type: 'hall.configured'; hall: HallInfo; categories: CategoryView[]; windows: WindowView[]; parties?: PartyView[] } & WithQueues)
  /** A booking, cancellation or reschedule: the places now free in the slots it touched (no personal data). */
  | { type: 'appointments.changed'; places: SlotPlacesView[] }
  /**
   * LV4: the hall moved to another prevention level (or re-applied its own):
   * its info with the new level's rules, and the change itself for staff
   * (who, why, from which level). Parties released from holding by a relaxing
   * change follow as their own batch event. LV10: `parties`, staff only, are
   * the holding parties whose re-check mark the change set or cleared.
   */
  | { type: 'level.changed'; hall: HallInfo; change: LevelChangeView; parties?: PartyView[] }
  /**
   * LV10: a party in the holding area re-checked at the door for the checks
   * the level added since it was screened: it holds on, unmarked, or (some of)
   * its members are turned away (`parties` holds every party it touched).
   */
  | { type: 'party.rechecked'; parties: PartyView[]; occupancy: OccupancyView };

/** LV4: one prevention-level change as staff see it (who, when, why, from which level). */
export interface LevelChangeView {
  id: string;
  fromLevel: PreventionLevel;
  toLevel: PreventionLevel;
  reason: string;
  /** The staff member's username who set it; null for nobody (never: kept for scheduled changes of a removed account). */
  by: string | null;
  /** When it was set. */
  at: string;
  /** When it took or takes effect. */
  effectiveAt: string;
  /** The hall, a district (region id) or the city the change was made for. */
  scope: 'hall' | 'region' | 'city';
  regionId: string | null;
}

/** The free places of one appointment slot of one service. */
export interface SlotPlacesView {
  categoryId: string;
  date: string;
  start: string;
  free: number;
}

export type HallEventType = HallEvent['type'];

/** An event as stored in the log and sent on the wire. */
export interface HallEventEnvelope {
  hallId: string;
  /** Per hall, strictly increasing by one, assigned in the transaction of the change. */
  seq: number;
  /** ISO time the change was committed. */
  at: string;
  event: HallEvent;
}

/** Events that make a screen announce a call by voice. */
export function isCallEvent(
  event: HallEvent,
): event is Extract<HallEvent, { type: 'ticket.called' | 'ticket.recalled' }> {
  return event.type === 'ticket.called' || event.type === 'ticket.recalled';
}
