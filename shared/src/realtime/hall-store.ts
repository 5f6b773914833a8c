import type { Audience } from '../domain/audience.projections.ts';
import type { ConnectionStatus, HallSync } from './hall-sync.ts';
import type { AudienceStream } from './protocol.ts';

/** The Svelte store contract (also usable from plain code): call `run` now and on every change. */
export interface Readable<T> {
  subscribe(run: (value: T) => void): () => void;
}

/** The hall's state as a store, for `$hall` in Svelte components. */
export function hallStateStore<A extends Audience>(sync: HallSync<A>): Readable<AudienceStream[A]['state'] | null> {
  return {
    subscribe(run) {
      run(sync.state);
      return sync.subscribe({ state: run });
    },
  };
}

/** The connection status as a store, for the "connection lost" mark. */
export function connectionStatusStore<A extends Audience>(sync: HallSync<A>): Readable<ConnectionStatus> {
  return {
    subscribe(run) {
      return sync.subscribe({ status: run });
    },
  };
}
