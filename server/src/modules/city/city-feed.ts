import { changesCityRow, cityRowAfter, type CityHallRow, type HallEventEnvelope } from '@hallflow/shared';
import type { Db } from '../../db/connection.ts';
import { cityRow } from './city.repository.ts';

/**
 * CO3: keeps each hall's overview row current from the hall's committed
 * events. The row is computed from the event where it can be (the usual
 * case: no read at all); after a gap in seq (another node's command), an
 * unknown queue or window, or a reconfigured hall, it is read afresh.
 */
export class CityFeed {
  readonly #rows = new Map<string, CityHallRow>();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** The hall's new row when the event changed it, else null. */
  after(envelope: HallEventEnvelope): CityHallRow | null {
    if (!changesCityRow(envelope.event.type)) return null;
    const cached = this.#rows.get(envelope.hallId);
    // A row read afresh at seq S already reflects every event up to S: the
    // events published after that read (commands commit faster than they are
    // published under load) must not each trigger another read.
    if (cached && envelope.seq <= cached.seq) return null;
    const next = (cached && cityRowAfter(cached, envelope)) ?? cityRow(this.db, envelope.hallId, this.now());
    this.#rows.set(envelope.hallId, next);
    if (cached && JSON.stringify({ ...cached, seq: 0 }) === JSON.stringify({ ...next, seq: 0 })) return null;
    return next;
  }

  /** A join reads every row afresh; the cache takes them. */
  remember(rows: readonly CityHallRow[]): void {
    for (const row of rows) this.#rows.set(row.hallId, row);
  }
}
