import type { HallSnapshot } from '@hallflow/shared';
import { isCallEvent } from '@hallflow/shared';
import { createApiClient } from '@hallflow/shared/api';
import { connectHall, HallSync, type ConnectionStatus } from '@hallflow/shared/realtime';
import { Announcer } from './announcer';
import { batchText, callText } from './announcement-text';
import { BrowserSpeaker } from './browser-speaker';
import { isStillCurrent } from './call-selection';
import { reloadForNewVersion } from './reload-guard';
import type { VoiceLang } from './screen-settings.svelte';

declare global {
  interface Window {
    /** The announcement queue, observable by browser tests (headless Chromium has no voices). */
    __hallflowAnnouncements?: Announcer['records'];
  }
}

export type ScreenCredential = { kind: 'device'; token: string } | { kind: 'ticket'; token: string };

/** Which hall a credential reads: a screen's device record, or a visitor's ticket. */
async function hallOf(credential: ScreenCredential): Promise<{ hallId: string; ticketId: string | null }> {
  if (credential.kind === 'device') {
    const api = createApiClient({ token: () => credential.token });
    return { hallId: (await api<{ hallId: string }>('GET', '/api/devices/me')).hallId, ticketId: null };
  }
  const api = createApiClient();
  const status = await api<{ hallId: string; ticket: { id: string } }>('GET', `/api/public/tickets/${encodeURIComponent(credential.token)}`);
  return { hallId: status.hallId, ticketId: status.ticket.id };
}

/**
 * A paired screen's live view of its hall: the state, the connection, and the
 * voice. One per page.
 */
export class HallScreen {
  #hall = $state.raw<HallSnapshot | null>(null);
  #status = $state<ConnectionStatus>('connecting');
  #error = $state('');
  #ticketId = $state<string | null>(null);
  #hallId: string | null = null;
  #hoursToday = $state('');
  readonly announcer: Announcer;
  #missedCalls: { ticketId: string; windowId: string }[] = [];
  /** Server time of the newest event applied: freshness is judged on the server's clock, not the TV's. */
  #serverNow = 0;
  #sync: HallSync | null = null;

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
  get status() {
    return this.#status;
  }
  get error() {
    return this.#error;
  }
  /** Today's opening hours as printed, fetched at start and every hour. */
  get hoursToday() {
    return this.#hoursToday;
  }

  async #loadHours(hallId: string): Promise<void> {
    try {
      const hours = await createApiClient()<{ days: { textZh: string; textEn: string }[] }>('GET', `/api/halls/${hallId}/hours`);
      this.#hoursToday = hours.days[0] ? `${hours.days[0].textZh}` : '';
    } catch {
      // Keep what we had; the next hourly try may work.
    }
  }

  /** The visitor's ticket, on the phone page. */
  get ticketId() {
    return this.#ticketId;
  }

  async start(): Promise<void> {
    if (!this.credential.token) {
      this.#error = '未配对：请在地址中加入 ?device=设备令牌 (not paired: add ?device=TOKEN to the URL)';
      return;
    }
    let hallId: string;
    try {
      const found = await hallOf(this.credential);
      hallId = found.hallId;
      this.#hallId = hallId;
      this.#ticketId = found.ticketId;
      this.#error = '';
    } catch (e) {
      this.#error = e instanceof Error ? e.message : String(e);
      setTimeout(() => void this.start(), 10_000);
      return;
    }
    void this.#loadHours(hallId);
    setInterval(() => void this.#loadHours(hallId), 3_600_000);
    const socket = connectHall({ credential: this.credential.kind, token: this.credential.token });
    this.#sync = new HallSync(socket, hallId);
    this.#sync.subscribe({
      status: (status) => (this.#status = status),
      reloadRequired: () => reloadForNewVersion(),
      event: (envelope, { live }) => {
        const { event } = envelope;
        this.#serverNow = Math.max(this.#serverNow, Date.parse(envelope.at));
        if (this.speaks === 'nothing') return;
        if (this.speaks === 'batches') {
          if (live && event.type === 'batch.admitted') this.announcer.announce(`batch@${envelope.seq}`, batchText(event));
          return;
        }
        if (!isCallEvent(event)) return;
        if (live) this.#announce(event.ticket.number, event.window.number, event.ticket.id, envelope.seq);
        else this.#missedCalls.push({ ticketId: event.ticket.id, windowId: event.window.id });
      },
      state: (state) => {
        this.#hall = state;
        if (this.speaks === 'calls') this.#announceMissed(state);
      },
    });
  }

  #announce(ticketNumber: string, windowNumber: number, ticketId: string, seq: number): void {
    this.announcer.announce(`${ticketId}@${seq}`, callText(ticketNumber, windowNumber, this.voiceLang()));
  }

  /** A sample call from the settings panel; the click also unlocks audio in browsers that wait for a gesture. */
  testVoice(): void {
    this.announcer.announce(`test@${Date.now()}`, callText('A001', 1, this.voiceLang()));
  }

  /** The window's rating pad sends the visitor's rating with the screen's device token. */
  async rate(windowId: string, ticketId: string, level: number, reasons: string[]): Promise<void> {
    if (this.credential.kind !== 'device' || !this.#hallId) return;
    const token = this.credential.token;
    await createApiClient({ token: () => token })('POST', `/api/halls/${this.#hallId}/windows/${windowId}/rating`, { ticketId, level, reasons });
  }

  /** The visitor rates from their phone, with their ticket's token. */
  async rateByToken(level: number, reasons: string[]): Promise<void> {
    if (this.credential.kind !== 'ticket') return;
    await createApiClient()('POST', `/api/public/tickets/${encodeURIComponent(this.credential.token)}/rating`, { level, reasons });
  }

  /** After a catch-up, only calls that are still current are announced (L2), each once. */
  #announceMissed(state: HallSnapshot): void {
    if (this.#missedCalls.length === 0) return;
    const seen: string[] = [];
    for (const call of this.#missedCalls.reverse()) {
      if (seen.includes(call.ticketId) || !isStillCurrent(call, state, this.#serverNow)) continue;
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
