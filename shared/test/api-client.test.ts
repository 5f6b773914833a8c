import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../src/api/client.ts';

describe('the API client every app uses', () => {
  it('[IN5] a command whose answer was lost to the network is sent again with the same Idempotency-Key; a read is not retried', async () => {
    const seen: { method: string; key: string | undefined }[] = [];
    let failures = 1;
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      seen.push({ method: String(init.method), key: headers['idempotency-key'] });
      if (failures-- > 0) throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ ok: true }), { status: 200 });
    }) as typeof fetch;
    const api = createApiClient({ fetch: fakeFetch });
    expect(await api('POST', '/api/halls/demo/windows/w1/call-next')).toEqual({ ok: true });
    expect(seen).toHaveLength(2);
    expect(seen[0]!.key).toMatch(/^hf-[A-Za-z0-9-]{8,}$/);
    expect(seen[1]!.key).toBe(seen[0]!.key);
    // Another action is another key.
    await api('POST', '/api/halls/demo/windows/w1/call-next');
    expect(seen[2]!.key).not.toBe(seen[0]!.key);
    failures = 5;
    await expect(api('GET', '/api/halls')).rejects.toBeInstanceOf(ApiError);
    expect(seen.filter((s) => s.method === 'GET')).toHaveLength(1);
    expect(seen.at(-1)!.key).toBeUndefined();
  });
});
