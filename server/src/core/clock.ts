/** The only source of "now" on the server, so tests and demos can set the time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at a given instant (CLOCK_START) and then runs at
 * `speed` times real time (CLOCK_SPEED: demos and the hall-day simulator).
 */
export function offsetClock(start: Date, speed = 1): Clock {
  const startedAt = Date.now();
  const origin = start.getTime();
  return { now: () => new Date(origin + (Date.now() - startedAt) * speed) };
}

/** A clock that moves only when told; for tests. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  set(instant: Date | string): void {
    this.#ms = new Date(instant).getTime();
  }
  advance(minutes: number): void {
    this.#ms += minutes * 60_000;
  }
}
