import type { HallSnapshot, PublicHallState } from '@hallflow/shared';
import { businessDay } from '../../core/business-day.ts';
import type { Db } from '../../db/connection.ts';
import { publicSnapshot } from './audience-snapshots.repository.ts';
import { hallSnapshot, hallTimezone } from './hall.repository.ts';

interface Entry<T> {
  seq: number;
  day: string;
  value: T;
}

/**
 * PV5: a hall's snapshot is built once per seq (and business day) and shared
 * by every join until the next change: a thousand screens rejoining after a
 * restart cost one build, not a thousand. Nothing is kept for a seq that has
 * passed; each hall holds at most one snapshot per audience.
 */
export class SnapshotCache {
  readonly #public = new Map<string, Entry<PublicHallState>>();
  readonly #staff = new Map<string, Entry<HallSnapshot>>();
  constructor(private readonly db: Db) {}

  #get<T>(map: Map<string, Entry<T>>, hallId: string, seq: number, now: Date, build: () => T & { seq: number }): T {
    // The hall's row is cached (R10): a join storm built a query for its time zone per join (half of a join's own work).
    const day = businessDay(now, hallTimezone(this.db, hallId));
    const cached = map.get(hallId);
    if (cached && cached.seq === seq && cached.day === day) return cached.value;
    const value = build();
    // Built inside no transaction: a command may have committed meanwhile. Only a snapshot of the asked seq is kept.
    if (value.seq === seq) map.set(hallId, { seq, day, value });
    return value;
  }

  publicState(hallId: string, seq: number, now: Date): PublicHallState {
    return this.#get(this.#public, hallId, seq, now, () => publicSnapshot(this.db, hallId, now));
  }

  staffState(hallId: string, seq: number, now: Date): HallSnapshot {
    return this.#get(this.#staff, hallId, seq, now, () => hallSnapshot(this.db, hallId, now));
  }
}
