import type { HallSnapshot } from '@hallflow/shared';
import {
  StaffSession,
  type AdmitBatchResponse,
  type CheckInResponse,
  type DiversionResponse,
  type ScreenVisitorBody,
  type ScreenVisitorResponse,
  type StaffView,
} from '@hallflow/shared/api';
import { initialLang, type Lang } from '@hallflow/shared/i18n';
import { connectHall, HallSync, type ConnectionStatus } from '@hallflow/shared/realtime';

/**
 * The door desk: who is signed in, the hall's live state, and the two
 * commands the door gives (screen a party, admit the next batch).
 */
export class DoorDesk {
  readonly #session = new StaffSession(sessionStorage, 'hallflow.door');
  #staff = $state<StaffView | null>(null);
  #hall = $state.raw<HallSnapshot | null>(null);
  #status = $state<ConnectionStatus>('connecting');
  #lang = $state<Lang>(initialLang(location.search, localStorage.getItem('hallflow.lang')));
  #sync: HallSync | null = null;

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

  /** Door staff belong to a hall; city-wide staff work in the demo hall here. */
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
    this.#hall = null;
  }

  screen(body: ScreenVisitorBody): Promise<ScreenVisitorResponse> {
    return this.#session.api<ScreenVisitorResponse>('POST', `/api/halls/${this.hallId}/screenings`, body);
  }

  lookUp(code: string): Promise<CheckInResponse> {
    return this.#session.api<CheckInResponse>('POST', `/api/halls/${this.hallId}/check-ins`, { code });
  }

  admitBatch(override?: { reason: string }): Promise<AdmitBatchResponse> {
    return this.#session.api<AdmitBatchResponse>('POST', `/api/halls/${this.hallId}/batches`, override ? { override } : undefined);
  }

  recordExit(body: { code: string } | { onePersonLeft: true }) {
    return this.#session.api('POST', `/api/halls/${this.hallId}/exits`, body);
  }

  diversion(categoryId: string): Promise<DiversionResponse> {
    return this.#session.api<DiversionResponse>('GET', `/api/halls/${this.hallId}/diversion?categoryId=${encodeURIComponent(categoryId)}`);
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
