import { ApiError, createApiClient, type ApiClient, type LoginResponse } from '@hallflow/shared/api';
import { ADMIN_PASSWORD } from './server.ts';

export { ApiError };

/** An API client signed in as `username`. */
export async function signIn(url: string, username: string, password: string): Promise<{ api: ApiClient; token: string }> {
  const anonymous = createApiClient({ baseUrl: url });
  const { token } = await anonymous<LoginResponse>('POST', '/api/auth/login', { username, password });
  return { api: createApiClient({ baseUrl: url, token: () => token }), token };
}

export const signInAdmin = (url: string) => signIn(url, 'admin', ADMIN_PASSWORD);

/** Creates a staff member of the demo hall (as admin) and returns their password. */
export async function createStaff(admin: ApiClient, username: string, role: 'door' | 'clerk' | 'supervisor', displayName = username) {
  const password = `${username}-password`;
  await admin('POST', '/api/staff', { username, displayName, role, hallId: 'demo', password });
  return password;
}

/** Pairs a screen with the demo hall and returns its device token; window screens and rating pads name their window. */
export async function createDeviceToken(admin: ApiClient, kind: 'lobby' | 'window' | 'outdoor' | 'rating' = 'lobby', windowId?: string): Promise<string> {
  const device = await admin<{ token: string }>('POST', '/api/halls/demo/devices', { name: `${kind} screen`, kind, ...(windowId ? { windowId } : {}) });
  return device.token;
}

/** Disables one of the first start's demo accounts (A23), e.g. so a test's own supervisor is the hall's only one. */
export async function disableDemoAccount(admin: ApiClient, username: 'demo-door' | 'demo-clerk' | 'demo-supervisor') {
  const staff = await admin<{ id: string; username: string }[]>('GET', '/api/staff?hallId=demo');
  const account = staff.find((entry) => entry.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  await admin('POST', `/api/staff/${account.id}/disable`);
}
