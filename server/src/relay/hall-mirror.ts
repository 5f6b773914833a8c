import {
  MAX_REPLAY_EVENTS,
  applyHallEvent,
  applyPublicEvent,
  projectPublicEnvelope,
  type HallEventEnvelope,
  type HallSnapshot,
  type PublicHallState,
  type TicketView,
} from '@hallflow/shared';

/** A hall's state as the primary served it, both audiences at the same seq. */
export interface MirrorState {
  seq: number;
  staff: HallSnapshot;
  public: PublicHallState;
}

/**
 * MN4: a relay's copy of one hall, kept in step with the hall's stream by the
 * same pure reducers the screens use (R3: applying the log's projections
 * gives the server's snapshot). It answers joins without the database: the
 * snapshots as of its seq, and the latest events for catch-up.
 */
export class HallMirror {
  #staff: HallSnapshot;
  #public: PublicHallState;
  /** The latest events, oldest first, so a client a little behind catches up with events rather than a snapshot. */
  #recent: HallEventEnvelope[] = [];

  constructor(state: MirrorState) {
    this.#staff = state.staff;
    this.#public = state.public;
  }

  get seq(): number {
    return this.#staff.seq;
  }
  /** The hall's business day the snapshots cover. */
  get day(): string {
    return this.#staff.day;
  }
  get timezone(): string {
    return this.#staff.hall.timezone;
  }
  get staff(): HallSnapshot {
    return this.#staff;
  }
  get public(): PublicHallState {
    return this.#public;
  }

  /** Applies the next event; anything but seq + 1 is refused (the caller fills a gap first). */
  apply(envelope: HallEventEnvelope): boolean {
    if (envelope.seq !== this.seq + 1) return false;
    this.#staff = applyHallEvent(this.#staff, envelope);
    this.#public = applyPublicEvent(this.#public, projectPublicEnvelope(envelope));
    this.#recent.push(envelope);
    if (this.#recent.length > MAX_REPLAY_EVENTS * 2) this.#recent = this.#recent.slice(-MAX_REPLAY_EVENTS);
    return true;
  }

  /** A fresh state from the primary (a new business day): its seq must not be behind this mirror's. */
  replace(state: MirrorState): void {
    if (state.seq !== this.seq) throw new Error(`A state at seq ${state.seq} cannot replace a mirror at ${this.seq}`);
    this.#staff = state.staff;
    this.#public = state.public;
  }

  /** Events after `afterSeq` the mirror still holds, oldest first, at most `limit` (fewer when it holds less). */
  eventsSince(afterSeq: number, limit: number): HallEventEnvelope[] {
    const first = this.#recent[0];
    if (!first || afterSeq + 1 < first.seq) return [];
    return this.#recent.slice(afterSeq + 1 - first.seq, afterSeq + 1 - first.seq + limit);
  }

  /** A phone's own ticket, when it is one of the mirrored day's. */
  ticket(ticketId: string): TicketView | null {
    return this.#staff.tickets.find((ticket) => ticket.id === ticketId) ?? null;
  }
}
