import type { HallSnapshot } from '@hallflow/shared';
import { isCallEvent } from '@hallflow/shared';
import { createApiClient } from '@hallflow/shared/api';
import { connectHall, HallSync, type ConnectionStatus } from '@hallflow/shared/realtime';
import { Announcer } from './announcer';
import { callText } from './announcement-text';
import { BrowserSpeaker } from './browser-speaker';
import { isStillCurrent } from './call-selection';

declare global {
  interface Window {
    /** The announcement queue, observable by browser tests (headless Chromium has no voices). */
    __hallflowAnnouncements?: Announcer['records'];
  }
}

interface Device {
  hallId: string;
  kind: string;
  name: string;
}

/**
 * A paired screen's live view of its hall: the state, the connection, and the
 * voice. One per page.
 */
export class HallScreen {
  #hall = $state.raw<HallSnapshot | null>(null);
  #status = $state<ConnectionStatus>('connecting');
  #error = $state('');
  readonly announcer: Announcer;
  #missedCalls: { ticketId: string; windowId: string }[] = [];
  #sync: HallSync | null = null;

  constructor(
    private readonly deviceToken: string,
    voice: { enabled: boolean; volume: number },
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

  async start(): Promise<void> {
    if (!this.deviceToken) {
      this.#error = '未配对：请在地址中加入 ?device=设备令牌 (not paired: add ?device=TOKEN to the URL)';
      return;
    }
    const api = createApiClient({ token: () => this.deviceToken });
    let device: Device;
    try {
      device = await api<Device>('GET', '/api/devices/me');
    } catch (e) {
      this.#error = e instanceof Error ? e.message : String(e);
      setTimeout(() => void this.start(), 10_000);
      return;
    }
    const socket = connectHall({ credential: 'device', token: this.deviceToken });
    this.#sync = new HallSync(socket, device.hallId);
    this.#sync.subscribe({
      status: (status) => (this.#status = status),
      reloadRequired: () => location.reload(),
      event: (envelope, { live }) => {
        const { event } = envelope;
        if (!isCallEvent(event)) return;
        if (live) this.#announce(event.ticket.number, event.window.number, event.ticket.id, envelope.seq);
        else this.#missedCalls.push({ ticketId: event.ticket.id, windowId: event.window.id });
      },
      state: (state) => {
        this.#hall = state;
        this.#announceMissed(state);
      },
    });
  }

  #announce(ticketNumber: string, windowNumber: number, ticketId: string, seq: number): void {
    this.announcer.announce(`${ticketId}@${seq}`, callText(ticketNumber, windowNumber));
  }

  /** After a catch-up, only calls that are still current are announced (L2), each once. */
  #announceMissed(state: HallSnapshot): void {
    if (this.#missedCalls.length === 0) return;
    const seen: string[] = [];
    for (const call of this.#missedCalls.reverse()) {
      if (seen.includes(call.ticketId) || !isStillCurrent(call, state, Date.now())) continue;
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
