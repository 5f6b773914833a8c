import type { HallSnapshot, WindowView } from '@hallflow/shared';
import {
  StaffSession,
  type CallResponse,
  type StaffView,
  type TicketMoveResponse,
  type TransferBody,
  type WindowResponse,
} from '@hallflow/shared/api';
import { initialLang, type Lang } from '@hallflow/shared/i18n';
import { connectHall, HallSync, type ConnectionStatus } from '@hallflow/shared/realtime';

/** A clerk at a window: sign-in, the window they took, the hall's live state, and the window's commands. */
export class ClerkDesk {
  readonly #session = new StaffSession(sessionStorage, 'hallflow.clerk');
  #staff = $state<StaffView | null>(null);
  #hall = $state.raw<HallSnapshot | null>(null);
  #status = $state<ConnectionStatus>('connecting');
  #windowId = $state<string | null>(sessionStorage.getItem('hallflow.clerk.window'));
  #lang = $state<Lang>(initialLang(location.search, localStorage.getItem('hallflow.lang')));
  #sync: HallSync | null = null;

  readonly window: WindowView | null = $derived(this.#hall?.windows.find((w) => w.id === this.#windowId) ?? null);
  readonly currentTicket = $derived(
    this.window?.currentTicketId ? (this.#hall?.tickets.find((t) => t.id === this.window?.currentTicketId) ?? null) : null,
  );

  constructor() {
    this.#staff = this.#session.staff;
    if (this.#staff) this.#connect();
  }

  get staff() {
    return this.#staff;
  }
  get hall() {
    return this.#hall;
  }
  get status() {
    return this.#status;
  }
  get lang() {
    return this.#lang;
  }
  set lang(lang: Lang) {
    this.#lang = lang;
    localStorage.setItem('hallflow.lang', lang);
  }
  get hallId(): string {
    return this.#staff?.hallId ?? 'demo';
  }

  async signIn(username: string, password: string): Promise<void> {
    this.#staff = await this.#session.signIn(username, password);
    this.#connect();
  }

  async signOut(): Promise<void> {
    this.#sync?.close();
    this.#sync = null;
    await this.#session.signOut();
    this.#staff = null;
    this.#windowId = null;
    sessionStorage.removeItem('hallflow.clerk.window');
  }

  async openWindow(windowId: string): Promise<void> {
    await this.#session.api<WindowResponse>('POST', `/api/halls/${this.hallId}/windows/${windowId}/open`);
    this.#windowId = windowId;
    sessionStorage.setItem('hallflow.clerk.window', windowId);
  }

  callNext(): Promise<CallResponse> {
    return this.#session.api<CallResponse>('POST', `/api/halls/${this.hallId}/windows/${this.#windowId}/call-next`);
  }

  /** A ticket command without a body: recall, start, complete, no-show, hold, resume. */
  ticketCommand(ticketId: string, verb: 'recall' | 'start' | 'complete' | 'no-show' | 'hold' | 'resume'): Promise<TicketMoveResponse> {
    return this.#session.api<TicketMoveResponse>('POST', `/api/halls/${this.hallId}/tickets/${ticketId}/${verb}`);
  }

  transfer(ticketId: string, target: TransferBody): Promise<TicketMoveResponse> {
    return this.#session.api<TicketMoveResponse>('POST', `/api/halls/${this.hallId}/tickets/${ticketId}/transfer`, target);
  }

  ticketItems(ticketId: string) {
    return this.#session.api<{ items: { itemId: string; name: string; state: string }[]; materials: string[] }>(
      'GET',
      `/api/halls/${this.hallId}/tickets/${ticketId}/items`,
    );
  }

  windowStats() {
    return this.#session.api<{ served: number; averageHandlingMinutes: number | null; averageRating: number | null }>(
      'GET',
      `/api/halls/${this.hallId}/windows/${this.#windowId}/stats`,
    );
  }

  /** Pause for a break, or resume. */
  setPaused(paused: boolean): Promise<WindowResponse> {
    return this.#session.api<WindowResponse>('POST', `/api/halls/${this.hallId}/windows/${this.#windowId}/${paused ? 'pause' : 'resume'}`);
  }

  #connect(): void {
    const socket = connectHall({ credential: 'staff', token: this.#session.token ?? '' });
    this.#sync = new HallSync(socket, this.hallId);
    this.#sync.subscribe({
      state: (state) => (this.#hall = state),
      status: (status) => (this.#status = status),
      reloadRequired: () => location.reload(),
    });
  }
}
