import { isPublicCallEvent, type PublicEnvelope, type PublicHallState, type TicketView } from '@hallflow/shared';
import { ApiError, createApiClient } from '@hallflow/shared/api';
import { connectHall, HallSync, type ConnectionStatus } from '@hallflow/shared/realtime';
import { Announcer } from './announcer';
import { batchText, callText } from './announcement-text';
import { BrowserSpeaker } from './browser-speaker';
import { isStillCurrent } from './call-selection';
import { sayBoth } from './messages';
import { reloadForNewVersion } from './reload-guard';
import { spokenLangs, type VoiceLang } from './screen-settings.svelte';
import { ServerClock } from './server-clock.svelte';

declare global {
  interface Window {
    /** The announcement queue, observable by browser tests (headless Chromium has no voices). */
    __hallflowAnnouncements?: Announcer['records'];
  }
}

export type ScreenCredential = { kind: 'device'; token: string } | { kind: 'ticket'; token: string };

/** What the phone page shows beside the live stream: its place in the queue, from the server (L7). */
export interface TicketStatus {
  ahead: number | null;
  estimatedWaitMinutes: number | null;
  windowNumber: number | null;
  /** F6: once done, the windows to rate (each that served a routed 一件事) and whether each is rated. */
  rateable: { windowId: string; number: number; rated: boolean }[];
}

interface DeviceRecord {
  hallId: string;
  windowNumber: number | null;
}

/** Which hall a credential reads: a screen's device record, or a visitor's ticket. */
async function hallOf(credential: ScreenCredential): Promise<{ hallId: string; windowNumber: number | null }> {
  if (credential.kind === 'device') {
    const api = createApiClient({ token: () => credential.token });
    const device = await api<DeviceRecord>('GET', '/api/devices/me');
    return { hallId: device.hallId, windowNumber: device.windowNumber };
  }
  const status = await createApiClient()<{ hallId: string }>('GET', `/api/public/tickets/${encodeURIComponent(credential.token)}`);
  return { hallId: status.hallId, windowNumber: null };
}

/** How long a screen waits before asking again when the server could not be reached at start. */
const START_RETRY_MS = 10_000;

/**
 * Answers that no retry can change: the credential is unknown, revoked or
 * malformed (401, 403; a ticket link unknown or malformed, 404 or 400). The
 * screen says what to do and stops asking; anything else (no network, a
 * server restarting, 429) is tried again.
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && [400, 401, 403, 404].includes(error.status);
}

/** The phone refreshes its place in the queue at most this often, however busy the hall. */
const STATUS_REFRESH_MS = 5_000;

/**
 * A paired screen's or a visitor's phone's live view of its hall: the public
 * state (PV1), the phone's own ticket (PV3), the connection, the hall's
 * clock and the voice. One per page.
 */
export class HallScreen {
  #hall = $state.raw<PublicHallState | null>(null);
  #mine = $state.raw<TicketView | null>(null);
  #ticketStatus = $state.raw<TicketStatus | null>(null);
  #status = $state<ConnectionStatus>('connecting');
  #error = $state.raw<{ zh: string; en: string } | null>(null);
  /** The credential was refused for good: no more retries. */
  #refused = $state(false);
  #hallId: string | null = null;
  #pairedWindow = $state<number | null>(null);
  #hoursToday = $state({ zh: '', en: '' });
  readonly announcer: Announcer;
  readonly clock = new ServerClock();
  #missedCalls: { ticketId: string; windowId: string }[] = [];
  #statusTimer: ReturnType<typeof setTimeout> | null = null;
  #statusFetchedAt = 0;

  constructor(
    private readonly credential: ScreenCredential,
    voice: { enabled: boolean; volume: number },
    /** What this screen speaks: calls (lobby, window), batch admissions (outdoor), or nothing (phone, rating pad). */
    private readonly speaks: 'calls' | 'batches' | 'nothing' = 'calls',
    /** The language calls are spoken in, read at each call so a change in the settings panel applies at once. */
    private readonly voiceLang: () => VoiceLang = () => 'zh',
  ) {
    this.announcer = new Announcer(new BrowserSpeaker(), voice);
    window.__hallflowAnnouncements = this.announcer.records;
  }

  get hall() {
    return this.#hall;
  }
  /** The visitor's own ticket, on the phone page. */
  get mine() {
    return this.#mine;
  }
  /** The visitor's place in the queue, from the server. */
  get ticketStatus() {
    return this.#ticketStatus;
  }
  get status() {
    return this.#status;
  }
  /** What stands in the way, in both languages (null when nothing does). */
  get error() {
    return this.#error;
  }
  /** The credential was refused (bad, revoked or expired): the screen stopped retrying and says what to do. */
  get refused() {
    return this.#refused;
  }
  /** Which credential this page holds: a screen's device token or a visitor's ticket link. */
  get credentialKind() {
    return this.credential.kind;
  }
  /** The window this screen is paired with (window screens and rating pads). */
  get pairedWindow() {
    return this.#pairedWindow;
  }
  /** Today's opening hours as printed, fetched at start and every hour. */
  get hoursToday() {
    return this.#hoursToday;
  }

  async #loadHours(hallId: string): Promise<void> {
    try {
      const hours = await createApiClient()<{ days: { textZh: string; textEn: string }[] }>('GET', `/api/halls/${hallId}/hours`);
      this.#hoursToday = hours.days[0] ? { zh: hours.days[0].textZh, en: hours.days[0].textEn } : { zh: '', en: '' };
    } catch {
      // Keep what we had; the next hourly try may work.
    }
  }

  async start(): Promise<void> {
    if (!this.credential.token) {
      this.#error = sayBoth(this.credential.kind === 'device' ? 'notPaired' : 'ticketRefused');
      this.#refused = true;
      return;
    }
    let hallId: string;
    try {
      const found = await hallOf(this.credential);
      hallId = found.hallId;
      this.#hallId = hallId;
      this.#pairedWindow = found.windowNumber;
      this.#error = null;
    } catch (e) {
      if (isRefusal(e)) {
        this.#error = sayBoth(this.credential.kind === 'device' ? 'deviceRefused' : 'ticketRefused');
        this.#refused = true;
        return;
      }
      this.#error = sayBoth('unreachable', { n: START_RETRY_MS / 1000 });
      setTimeout(() => void this.start(), START_RETRY_MS);
      return;
    }
    void this.#loadHours(hallId);
    setInterval(() => void this.#loadHours(hallId), 3_600_000);
    const socket = connectHall({ credential: this.credential.kind, token: this.credential.token });
    const listener = {
      status: (status: ConnectionStatus) => (this.#status = status),
      reloadRequired: () => reloadForNewVersion(),
      // The hall's clock: from each join's answer and each live event (its commit time is "now"), never from replayed ones.
      joined: (serverTime: string) => this.clock.sync(serverTime),
      beat: (serverTime: string) => this.clock.sync(serverTime),
      event: (envelope: PublicEnvelope, context: { live: boolean }) => {
        if (context.live) this.clock.sync(envelope.at);
        this.#onEvent(envelope, context.live);
      },
      state: (state: PublicHallState) => {
        this.#hall = state;
        if ('mine' in state) this.#mine = (state as { mine: TicketView }).mine;
        if (this.speaks === 'calls') this.#announceMissed(state);
      },
    };
    if (this.credential.kind === 'ticket') {
      new HallSync(socket, hallId, 'phone').subscribe(listener);
      this.#refreshTicketStatus();
    } else {
      new HallSync(socket, hallId, 'public').subscribe(listener);
    }
  }

  #onEvent(envelope: PublicEnvelope, live: boolean): void {
    const { event } = envelope;
    if (this.credential.kind === 'ticket') this.#onPhoneEvent(envelope);
    if (this.speaks === 'nothing') return;
    if (this.speaks === 'batches') {
      if (live && event.type === 'batch.admitted') this.announcer.announce(`batch@${envelope.seq}`, batchText(event.batch));
      return;
    }
    if (!isPublicCallEvent(event) || !event.window) return;
    if (live) this.#announce(event.ticket.number, event.window.number, event.ticket.id, envelope.seq);
    else this.#missedCalls.push({ ticketId: event.ticket.id, windowId: event.window.id });
  }

  /**
   * The phone's place (Q9) moves when its own ticket changes, and with any call,
   * transfer or window change of the hall (windows serve several queues): ask
   * the server again, at most every few seconds.
   */
  #onPhoneEvent(envelope: PublicEnvelope): void {
    const { type } = envelope.event;
    if (envelope.mine || type.startsWith('ticket.') || type === 'window.updated' || type === 'hall.configured') this.#refreshTicketStatus();
  }

  #refreshTicketStatus(): void {
    if (this.credential.kind !== 'ticket' || this.#statusTimer) return;
    const wait = Math.max(0, this.#statusFetchedAt + STATUS_REFRESH_MS - Date.now());
    this.#statusTimer = setTimeout(() => {
      this.#statusTimer = null;
      this.#statusFetchedAt = Date.now();
      void createApiClient()<TicketStatus>('GET', `/api/public/tickets/${encodeURIComponent(this.credential.token)}`)
        .then((status) => (this.#ticketStatus = { ahead: status.ahead, estimatedWaitMinutes: status.estimatedWaitMinutes, windowNumber: status.windowNumber, rateable: status.rateable ?? [] }))
        .catch(() => undefined);
    }, wait);
  }

  #announce(ticketNumber: string, windowNumber: number, ticketId: string, seq: number): void {
    // L15: a screen set to both says each call in Chinese, then in English, one after the other in the queue (L3).
    for (const lang of spokenLangs(this.voiceLang())) this.announcer.announce(`${ticketId}@${seq}${lang === 'zh' ? '' : `:${lang}`}`, callText(ticketNumber, windowNumber, lang));
  }

  /** A sample call from the settings panel; the click also unlocks audio in browsers that wait for a gesture. */
  testVoice(): void {
    for (const lang of spokenLangs(this.voiceLang())) this.announcer.announce(`test@${Date.now()}:${lang}`, callText('A001', 1, lang));
  }

  /** The window's rating pad sends the visitor's rating with the screen's device token. */
  async rate(windowId: string, ticketId: string, level: number, reasons: string[]): Promise<void> {
    if (this.credential.kind !== 'device' || !this.#hallId) return;
    const token = this.credential.token;
    await createApiClient({ token: () => token })('POST', `/api/halls/${this.#hallId}/windows/${windowId}/rating`, { ticketId, level, reasons });
  }

  /** The visitor rates from their phone, with their ticket's token. */
  async rateByToken(level: number, reasons: string[], windowId?: string, contactPhone?: string): Promise<void> {
    if (this.credential.kind !== 'ticket') return;
    const body = { level, reasons, ...(windowId ? { windowId } : {}), ...(contactPhone ? { contactPhone } : {}) };
    await createApiClient()('POST', `/api/public/tickets/${encodeURIComponent(this.credential.token)}/rating`, body);
    // F6: that window is rated now; the others of a routed case still ask.
    const status = this.#ticketStatus;
    if (status && windowId) this.#ticketStatus = { ...status, rateable: status.rateable.map((w) => (w.windowId === windowId ? { ...w, rated: true } : w)) };
  }

  /** After a catch-up, only calls that are still current are announced (L2), each once. */
  #announceMissed(state: PublicHallState): void {
    if (this.#missedCalls.length === 0) return;
    const seen: string[] = [];
    for (const call of this.#missedCalls.reverse()) {
      if (seen.includes(call.ticketId) || !isStillCurrent(call, state, this.clock.now())) continue;
      seen.push(call.ticketId);
      const ticket = state.tickets.find((t) => t.id === call.ticketId)!;
      const window = state.windows.find((w) => w.id === call.windowId)!;
      this.#announce(ticket.number, window.number, ticket.id, state.seq);
    }
    this.#missedCalls = [];
  }
}

/** Keeps the screen from sleeping where the browser allows it; re-acquired when the page becomes visible again. */
export function keepAwake(): void {
  const request = async () => {
    try {
      await navigator.wakeLock?.request('screen');
    } catch {
      // Not allowed here (no user gesture, or unsupported): the TV's own settings must keep it on.
    }
  };
  void request();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void request();
  });
}
