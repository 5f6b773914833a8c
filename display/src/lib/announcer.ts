import type { CallText } from './announcement-text';

/** Something that can say a text and tell when it is done; the browser's speech, or a stand-in. */
export interface Speaker {
  chime(): Promise<void>;
  say(text: string, lang: string, volume: number): Promise<void>;
}

export interface AnnouncementRecord {
  id: number;
  key: string;
  /** What is shown (the hook tests read): the same as `display`. */
  text: string;
  display: string;
  speech: string;
  lang: string;
  /** `dropped`: never spoken because newer calls piled up behind a stuck voice (see maxPending). */
  status: 'queued' | 'speaking' | 'done' | 'dropped';
  /** When it was queued, as an ISO time. */
  at: string;
  queuedAt: number;
  startedAt: number | null;
  endedAt: number | null;
}

export interface AnnouncerOptions {
  /** Each announcement is said this many times, after one chime. */
  repeat: number;
  volume: number;
  enabled: boolean;
  /** How many finished records to keep (the hook tests read); bounded so a screen running for weeks does not grow. */
  keep: number;
  /**
   * At most this many wait their turn: when a voice is stuck or calls come
   * faster than they can be said, the oldest waiting ones are dropped — the
   * screen still shows them, and a call a dozen places back is stale anyway.
   */
  maxPending: number;
  now: () => number;
}

/**
 * L3: announcements are queued and spoken one at a time; a new call waits
 * for the one being spoken, it never cuts it off. A recall is queued again
 * like a new call.
 */
export class Announcer {
  readonly records: AnnouncementRecord[] = [];
  #queue: AnnouncementRecord[] = [];
  #speaking = false;
  #nextId = 1;
  readonly #options: AnnouncerOptions;

  constructor(
    private readonly speaker: Speaker,
    options: Partial<AnnouncerOptions> = {},
  ) {
    this.#options = { repeat: 2, volume: 1, enabled: true, keep: 50, maxPending: 10, now: () => Date.now(), ...options };
  }

  get pending(): number {
    return this.#queue.length + (this.#speaking ? 1 : 0);
  }

  setEnabled(enabled: boolean): void {
    this.#options.enabled = enabled;
  }

  setVolume(volume: number): void {
    this.#options.volume = Math.min(1, Math.max(0, volume));
  }

  announce(key: string, text: CallText): AnnouncementRecord | null {
    if (!this.#options.enabled) return null;
    const queuedAt = this.#options.now();
    const record: AnnouncementRecord = {
      id: this.#nextId++,
      key,
      text: text.display,
      display: text.display,
      speech: text.speech,
      lang: text.lang,
      status: 'queued',
      at: new Date(queuedAt).toISOString(),
      queuedAt,
      startedAt: null,
      endedAt: null,
    };
    this.records.push(record);
    this.#queue.push(record);
    while (this.#queue.length > this.#options.maxPending) {
      const dropped = this.#queue.shift()!;
      dropped.status = 'dropped';
    }
    this.#trim();
    void this.#drain();
    return record;
  }

  async #drain(): Promise<void> {
    if (this.#speaking) return;
    this.#speaking = true;
    try {
      for (let record = this.#queue.shift(); record; record = this.#queue.shift()) {
        record.status = 'speaking';
        record.startedAt = this.#options.now();
        try {
          await this.speaker.chime();
          for (let i = 0; i < this.#options.repeat; i++) await this.speaker.say(record.speech, record.lang, this.#options.volume);
        } finally {
          record.status = 'done';
          record.endedAt = this.#options.now();
          this.#trim();
        }
      }
    } finally {
      this.#speaking = false;
    }
  }

  #trim(): void {
    while (this.records.length > this.#options.keep) {
      const index = this.records.findIndex((r) => r.status === 'done' || r.status === 'dropped');
      if (index < 0) break;
      this.records.splice(index, 1);
    }
  }
}
