import type { CityOverview, HallEventEnvelope, SocketData } from '@hallflow/shared';
import type { MirrorState } from './hall-mirror.ts';

/** The primary could not be reached or answered an error: the relay says so to its clients and tries again. */
export class PrimaryUnavailable extends Error {}

/**
 * MN1: everything a relay needs from the primary, over the primary's internal
 * HTTP routes, authenticated with the deployment's relay secret. A relay never
 * opens the database.
 */
export class PrimaryClient {
  readonly #base: string;
  readonly #headers: Record<string, string>;

  constructor(baseUrl: string, secret: string, readonly timeoutMs = 5_000) {
    this.#base = baseUrl.replace(/\/$/, '');
    this.#headers = { authorization: `Bearer ${secret}` };
  }

  /** Who a realtime credential belongs to; null when the primary does not know it. */
  async identity(credential: 'staff' | 'device' | 'ticket', token: string): Promise<SocketData | null> {
    const found = await this.#call<{ identity: SocketData | null }>('POST', '/api/internal/realtime-identity', { credential, token });
    return found?.identity ?? null;
  }

  /** A hall's staff and public state at one seq; null when there is no such hall. */
  async mirror(hallId: string): Promise<MirrorState | null> {
    return this.#call<MirrorState>('GET', `/api/internal/halls/${encodeURIComponent(hallId)}/mirror`);
  }

  /** The hall's logged events after `afterSeq`, oldest first. */
  async events(hallId: string, afterSeq: number, limit: number): Promise<HallEventEnvelope[]> {
    const found = await this.#call<{ events: HallEventEnvelope[] }>('GET', `/api/internal/halls/${encodeURIComponent(hallId)}/events?after=${afterSeq}&limit=${limit}`);
    return found?.events ?? [];
  }

  async cityOverview(): Promise<CityOverview> {
    const overview = await this.#call<CityOverview>('GET', '/api/internal/city-overview');
    if (!overview) throw new PrimaryUnavailable('The primary has no city overview');
    return overview;
  }

  async #call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T | null> {
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method,
        headers: body ? { ...this.#headers, 'content-type': 'application/json' } : this.#headers,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new PrimaryUnavailable(`The primary at ${this.#base} cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (response.status === 401 || response.status === 403) throw new PrimaryUnavailable('The primary refused this relay: check RELAY_SECRET');
    if (!response.ok) throw new PrimaryUnavailable(`The primary answered ${response.status} to ${method} ${path}`);
    return (await response.json()) as T;
  }
}
