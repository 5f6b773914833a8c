import type { HallSnapshot } from '../domain/types.ts';
import type { StaffView } from '../api/auth.schemas.ts';
import { StaffSession } from '../api/session.ts';
import { initialLang, useLang, type Lang } from '../i18n/index.ts';
import { connectHall } from '../realtime/connect.ts';
import { HallSync, type ConnectionStatus } from '../realtime/hall-sync.ts';
import { CityWatch } from './city-watch.svelte.ts';

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
  readonly #hallKey: string;
  /** The hall a city-wide staff member chose to work in (staff of a hall always work in theirs). */
  #chosenHall = $state<string | null>(null);
  #halls = $state.raw<{ id: string; name: string; nameEn: string }[]>([]);

  constructor(storageKey: string) {
    this.session = new StaffSession(sessionStorage, storageKey);
    useLang(this.#lang);
    this.#hallKey = `${storageKey}.hall`;
    this.#chosenHall = sessionStorage.getItem(this.#hallKey);
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
    useLang(lang);
    localStorage.setItem('hallflow.lang', lang);
  }

  /** Staff of a hall work there; city-wide staff work in the hall they chose (the demo hall until they choose). */
  get hallId(): string {
    return this.#staff?.hallId ?? this.#chosenHall ?? 'demo';
  }

  /** Whether this person may switch halls: city-wide staff (A8). */
  get cityWide(): boolean {
    return this.#staff !== null && this.#staff.hallId === null;
  }

  /** The city's halls, for city-wide staff to switch between (empty for staff of one hall). */
  get halls() {
    return this.#halls;
  }

  async refreshHalls(): Promise<void> {
    if (this.cityWide) this.#halls = await this.session.api<{ id: string; name: string; nameEn: string }[]>('GET', '/api/halls');
  }

  /** A city-wide staff member moves to another hall: its live state replaces the current one. */
  chooseHall(hallId: string): void {
    if (!this.cityWide || hallId === this.hallId) return;
    this.#chosenHall = hallId;
    sessionStorage.setItem(this.#hallKey, hallId);
    this.#sync?.close();
    this.#hall = null;
    this.#connect();
  }

  /** CO3: the city overview over its own realtime connection (supervisors and city-wide staff); close it when done. */
  watchCity(): CityWatch {
    return new CityWatch(this.session.token ?? '');
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
    this.#chosenHall = null;
    sessionStorage.removeItem(this.#hallKey);
  }

  #connect(): void {
    void this.refreshHalls();
    const socket = connectHall({ credential: 'staff', token: this.session.token ?? '' });
    this.#sync = new HallSync(socket, this.hallId);
    this.#sync.subscribe({
      state: (state) => (this.#hall = state),
      status: (status) => (this.#status = status),
      reloadRequired: () => location.reload(),
    });
  }
}
