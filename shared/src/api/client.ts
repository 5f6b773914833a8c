import { currentLang, errorMessage } from '../i18n/index.ts';
import type { ErrorResponse } from './common.schemas.ts';

/**
 * An HTTP error from the HallFlow API. Its `message` is what a person reads:
 * the catalogue's text for the server's stable code, in the page's language
 * (`useLang`); the server's own wording stays in `serverMessage`.
 */
export class ApiError extends Error {
  readonly serverMessage: string;
  constructor(
    readonly status: number,
    readonly code: string,
    serverMessage: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(errorMessage(currentLang(), code, params, serverMessage));
    this.serverMessage = serverMessage;
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** Server origin; '' means the page's own origin. */
  baseUrl?: string;
  /** Bearer token to send (staff session or screen device token), read on every request. */
  token?: () => string | null;
  fetch?: typeof fetch;
}

/** `headers`: extra request headers, e.g. a policy save's `If-Match` (LV1). */
export type ApiClient = <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;

/** How often a command is sent again when the network failed before an answer came. */
const COMMAND_RETRIES = 2;

/** A key for one user action: its retries carry the same key, so the server carries it out once (IN5). */
function idempotencyKey(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `hf-${random}`;
}

/**
 * The one fetch wrapper every app uses: JSON in and out, errors as ApiError.
 * A command (anything but GET) carries an Idempotency-Key and is sent again
 * with the same key when the network drops before the answer: a clerk's
 * "call next" on a flaky Wi-Fi calls one ticket, not two.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async <T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> => {
    const headers: Record<string, string> = { ...extra, accept: 'application/json' };
    const token = options.token?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const isCommand = method !== 'GET';
    if (isCommand) headers['idempotency-key'] = idempotencyKey();
    let response: Response | null = null;
    for (let attempt = 0; response === null; attempt++) {
      try {
        response = await doFetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch {
        if (!isCommand || attempt >= COMMAND_RETRIES) throw new ApiError(0, 'NETWORK', 'network error');
      }
    }
    const text = await response.text();
    const data: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = data as Partial<ErrorResponse> | undefined;
      throw new ApiError(response.status, error?.code ?? 'BAD_REQUEST', error?.message ?? `HTTP ${response.status}`, (error as { params?: Record<string, string | number> } | undefined)?.params);
    }
    return data as T;
  };
}
