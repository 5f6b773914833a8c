import { untrack } from 'svelte';
import { ApiError } from '@hallflow/shared/api';
import { followServer, same } from './live-draft';

/** A policy as the server gave it, with the version a save names (`If-Match`). */
export interface Versioned<P> {
  value: P;
  version: string;
}

/**
 * LV1: the fields of one settings form, following the server while the form is
 * open (live-draft.ts): `follow` with each newer server value, `saved` with the
 * value a save stored. `changedMeanwhile` is set when a field the user changed
 * was also changed on the server: the user's value stays, and the form says so.
 */
export class LiveForm<V extends Record<string, unknown>> {
  draft: V = $state() as V;
  changedMeanwhile = $state(false);
  /** The server's value as the form last knew it, in the form's shape; replaced whole, and read by `changed`. */
  #base: V = $state.raw() as V;

  constructor(start: V) {
    this.#base = $state.snapshot(start) as V;
    this.draft = $state.snapshot(start) as V;
  }

  get base(): V {
    return this.#base;
  }

  /** Whether any field differs from the server's value: a form with nothing changed has nothing to save. */
  get changed(): boolean {
    return !same(this.draft, this.#base);
  }

  follow(next: V): void {
    if (followServer(this.draft, this.#base, next).length > 0) this.changedMeanwhile = true;
    this.#base = $state.snapshot(next) as V;
  }

  saved(value: V): void {
    this.#base = $state.snapshot(value) as V;
    this.draft = $state.snapshot(value) as V;
    this.changedMeanwhile = false;
  }

  /**
   * Saves the form: reads the policy from the server, follows it, and sends the
   * merged fields naming the version they were merged onto. Refused because the
   * policy changed in between (a level switch in that instant: POLICY_CHANGED,
   * nothing written), it reads and merges again, three times at most. When the
   * merged fields are what the server has, nothing is sent: an empty save would
   * still be recorded as a change (an event and an audit entry).
   */
  async save<P>(latest: () => Promise<Versioned<P>>, fieldsOf: (policy: P) => V, send: (fields: V, policy: P, version: string) => Promise<P>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { value, version } = await latest();
      const current = fieldsOf(value);
      this.follow(current);
      if (same(this.draft, current)) return this.saved(current);
      try {
        this.saved(fieldsOf(await send($state.snapshot(this.draft) as V, value, version)));
        return;
      } catch (error) {
        if (attempt >= 3 || !(error instanceof ApiError) || error.code !== 'POLICY_CHANGED') throw error;
      }
    }
  }
}

/**
 * A LiveForm of a component's live server value (`live`, read from its props):
 * started from the value now, and following each newer one as it arrives. Call
 * it while the component initialises (it sets up an effect).
 */
export function liveForm<V extends Record<string, unknown>>(live: () => V): LiveForm<V> {
  const form = new LiveForm(untrack(live));
  $effect(() => {
    const next = live();
    untrack(() => form.follow(next));
  });
  return form;
}
