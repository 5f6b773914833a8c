/** B4: the door reckons about this many minutes per batch ahead when it tells a visitor when to come back; the outdoor screen's "time to enter" uses the same figure. */
export const MINUTES_PER_BATCH = 10;

/** A party waiting in the holding area, as batch selection sees it. */
export interface HoldingParty {
  id: string;
  size: number;
  /** ISO slot start; null for on-site visitors without a slot. */
  slotStart: string | null;
  /** ISO time the party passed screening. */
  screenedAt: string;
}

/** B1: holding order is appointment slot first (no slot sorts last), then screening time, then id. */
export function holdingOrder(a: HoldingParty, b: HoldingParty): number {
  const slotA = a.slotStart ?? '\uffff';
  const slotB = b.slotStart ?? '\uffff';
  if (slotA !== slotB) return slotA < slotB ? -1 : 1;
  if (a.screenedAt !== b.screenedAt) return a.screenedAt < b.screenedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * B2: a batch takes whole parties in holding order while they fit within
 * min(batch size, free capacity). It stops at the first party that does not
 * fit, so nobody is overtaken; that party leads the next batch.
 */
export function chooseBatch(
  holding: readonly HoldingParty[],
  freeCapacity: number,
  batchSize: number,
): HoldingParty[] {
  const limit = Math.max(0, Math.min(batchSize, freeCapacity));
  const chosen: HoldingParty[] = [];
  let people = 0;
  for (const party of [...holding].sort(holdingOrder)) {
    if (people + party.size > limit) break;
    chosen.push(party);
    people += party.size;
  }
  return chosen;
}

export interface CapacityConfig {
  floorAreaM2: number;
  areaPerPersonM2: number;
  /** When set, overrides the area-based figure. */
  maxOccupancy: number | null;
  staffOnFloor: number;
}

/** C1: capacity = explicit maximum, else floor(area ÷ area per person), less staff on the floor; never below 0. */
export function hallCapacity(config: CapacityConfig): number {
  const gross = config.maxOccupancy ?? Math.floor(config.floorAreaM2 / config.areaPerPersonM2);
  return Math.max(0, gross - config.staffOnFloor);
}
