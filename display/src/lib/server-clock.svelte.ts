/**
 * The hall's time on a screen: the server's clock, not the TV's (a TV with a
 * wrong clock must still show the right time and judge freshness right). Each
 * snapshot and event carries the server's time; the offset to the local clock
 * is kept, and `now()` ticks on from it.
 */
export class ServerClock {
  #offsetMs = $state(0);
  #known = $state(false);

  /** Adopt the server's time as of this moment. */
  sync(serverTimeIso: string): void {
    const server = Date.parse(serverTimeIso);
    if (Number.isNaN(server)) return;
    this.#offsetMs = server - Date.now();
    this.#known = true;
  }

  /** Whether the server's time has been heard yet. */
  get known(): boolean {
    return this.#known;
  }

  now(): number {
    return Date.now() + this.#offsetMs;
  }
}
