import type { HallSnapshot } from '../domain/types.ts';
import type { StaffView } from '../api/auth.schemas.ts';
import { StaffSession } from '../api/session.ts';
import { initialLang, type Lang } from '../i18n/index.ts';
import { connectHall } from '../realtime/connect.ts';
import { HallSync, type ConnectionStatus } from '../realtime/hall-sync.ts';

/**
 * What the door and clerk apps share: the signed-in staff member, the
 * language, and their hall's live state over one realtime connection.
 */
export class StaffDesk {
  protected readonly session: StaffSession;
  #staff = $state<StaffView | null>(null);
  #hall = $state.raw<HallSnapshot | null>(null);
  #status = $state<ConnectionStatus>('connecting');
  #lang = $state<Lang>(initialLang(location.search, localStorage.getItem('hallflow.lang')));
  #sync: HallSync | null = null;

  constructor(storageKey: string) {
    this.session = new StaffSession(sessionStorage, storageKey);
    this.#staff = this.session.staff;
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

  /** Staff of a hall work there; city-wide staff work in the demo hall in these apps. */
  get hallId(): string {
    return this.#staff?.hallId ?? 'demo';
  }

  async signIn(username: string, password: string): Promise<void> {
    this.#staff = await this.session.signIn(username, password);
    this.#connect();
  }

  async signOut(): Promise<void> {
    this.#sync?.close();
    this.#sync = null;
    await this.session.signOut();
    this.#staff = null;
    this.#hall = null;
  }

  #connect(): void {
    const socket = connectHall({ credential: 'staff', token: this.session.token ?? '' });
    this.#sync = new HallSync(socket, this.hallId);
    this.#sync.subscribe({
      state: (state) => (this.#hall = state),
      status: (status) => (this.#status = status),
      reloadRequired: () => location.reload(),
    });
  }
}
