import { ApiError, createApiClient, type ApiClient } from './client.ts';
import type { LoginResponse, StaffView } from './auth.schemas.ts';

/** Where a session is kept between page loads: sessionStorage in browsers, a Map in tests. */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Stored {
  token: string;
  expiresAt: string;
  staff: StaffView;
}

/**
 * A staff member's sign-in, shared by the door and clerk apps. The token is
 * kept per browser tab (sessionStorage), so closing the tab signs out.
 */
export class StaffSession {
  readonly api: ApiClient;
  #stored: Stored | null;

  constructor(
    private readonly storage: SessionStorageLike,
    private readonly key = 'hallflow.session',
    baseUrl = '',
  ) {
    this.#stored = StaffSession.#read(storage, key);
    this.api = createApiClient({ baseUrl, token: () => this.token });
  }

  static #read(storage: SessionStorageLike, key: string): Stored | null {
    try {
      const raw = storage.getItem(key);
      const parsed = raw ? (JSON.parse(raw) as Stored) : null;
      return parsed && new Date(parsed.expiresAt).getTime() > Date.now() ? parsed : null;
    } catch {
      return null;
    }
  }

  get token(): string | null {
    return this.#stored?.token ?? null;
  }

  get staff(): StaffView | null {
    return this.#stored?.staff ?? null;
  }

  async signIn(username: string, password: string): Promise<StaffView> {
    const response = await this.api<LoginResponse>('POST', '/api/auth/login', { username, password });
    this.#stored = { token: response.token, expiresAt: response.expiresAt, staff: response.staff };
    this.storage.setItem(this.key, JSON.stringify(this.#stored));
    return response.staff;
  }

  async signOut(): Promise<void> {
    try {
      if (this.token) await this.api('POST', '/api/auth/logout');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    } finally {
      this.#stored = null;
      this.storage.removeItem(this.key);
    }
  }
}
