/**
 * LV1: a value a page reads from the server again whenever it may have changed
 * (the hall's stream says so, or a form is about to save). Answers are taken in
 * the order they were asked for, so a slow older read never replaces a newer
 * one, not even in the save that asked for it.
 */
export class NewestRead<T> {
  /** The newest answer so far; null until the first arrives. */
  value = $state.raw<T | null>(null);
  #asked = 0;
  #shown = 0;
  readonly #read: () => Promise<T>;

  constructor(read: () => Promise<T>) {
    this.#read = read;
  }

  /** Reads again; resolves with this answer, or a newer one already shown. */
  async reload(): Promise<T> {
    const ticket = ++this.#asked;
    const loaded = await this.#read();
    if (ticket > this.#shown) {
      this.#shown = ticket;
      this.value = loaded;
    }
    return this.value ?? loaded;
  }
}
