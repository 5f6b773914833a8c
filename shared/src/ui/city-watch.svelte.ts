import { rollUpRegions, type CityHallRow, type Region, type RegionNode } from '../domain/city.rules.ts';
import { connectHall, type HallSocket } from '../realtime/connect.ts';

/**
 * CO3: the city overview, live: joins the city room on every (re)connect,
 * takes the overview from the ack, then keeps the newest row of each hall
 * from `city:changed` (by the hall's seq).
 */
export class CityWatch {
  #rows = $state.raw<CityHallRow[]>([]);
  #regions = $state.raw<Region[]>([]);
  #live = $state(false);
  #error = $state('');
  readonly #socket: HallSocket;
  readonly tree: RegionNode[] = $derived(rollUpRegions(this.#regions, this.#rows));

  constructor(token: string) {
    this.#socket = connectHall({ credential: 'staff', token });
    this.#socket.on('connect', () => this.#join());
    this.#socket.on('disconnect', () => (this.#live = false));
    this.#socket.on('city:changed', (row) => {
      const known = this.#rows.find((r) => r.hallId === row.hallId);
      if (known && known.seq >= row.seq) return;
      this.#rows = known ? this.#rows.map((r) => (r.hallId === row.hallId ? row : r)) : [...this.#rows, row];
    });
  }

  #join(): void {
    this.#socket.emit('city:join', (result) => {
      if (!result.ok) {
        this.#error = result.message;
        return;
      }
      this.#rows = result.overview.halls;
      this.#regions = result.overview.regions;
      this.#live = true;
      this.#error = '';
    });
  }

  get rows() {
    return this.#rows;
  }
  get live() {
    return this.#live;
  }
  get error() {
    return this.#error;
  }

  close(): void {
    this.#socket.disconnect();
  }
}
