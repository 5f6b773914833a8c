import type { ApiClient } from '@hallflow/shared/api';

export interface HallPlan {
  id: string;
  name: string;
  /** prefix → [Chinese name, English name] */
  categories: Record<string, [string, string]>;
  /** window number → prefixes it serves, most preferred first */
  windows: Record<number, string[]>;
  capacity?: { floorAreaM2: number; areaPerPersonM2: number; staffOnFloor: number; holdingCapacity: number; batchSize: number };
}

/**
 * A hall of its own for one test (as admin), so a test neither depends on
 * another's tickets nor leaves any behind for the next.
 */
export async function createHall(admin: ApiClient, plan: HallPlan): Promise<{ categoryId: (prefix: string) => string; windowId: (n: number) => string }> {
  const capacity = plan.capacity ?? { floorAreaM2: 400, areaPerPersonM2: 10, staffOnFloor: 2, holdingCapacity: 20, batchSize: 5 };
  await admin('POST', '/api/halls', { id: plan.id, name: plan.name, nameEn: plan.id, ...capacity });
  for (const [prefix, [name, nameEn]] of Object.entries(plan.categories)) await admin('POST', `/api/halls/${plan.id}/categories`, { prefix, name, nameEn });
  const categoryId = (prefix: string) => `${plan.id}-${prefix}`;
  for (const [number, prefixes] of Object.entries(plan.windows)) {
    await admin('POST', `/api/halls/${plan.id}/windows`, { number: Number(number), categoryIds: prefixes.map(categoryId) });
  }
  return { categoryId, windowId: (n: number) => `${plan.id}-w${n}` };
}

/** A staff member of one hall; returns their password. */
export async function createHallStaff(admin: ApiClient, hallId: string, username: string, role: 'clerk' | 'supervisor', displayName: string): Promise<string> {
  const password = `${username}-password`;
  await admin('POST', '/api/staff', { username, displayName, role, hallId, password });
  return password;
}

/** Pairs a screen with a hall (a window screen with its window) and returns its device token. */
export async function pairScreen(admin: ApiClient, hallId: string, kind: 'lobby' | 'window' | 'outdoor' | 'rating', windowNumber?: number): Promise<string> {
  const windowId = windowNumber ? { windowId: `${hallId}-w${windowNumber}` } : {};
  const device = await admin<{ token: string }>('POST', `/api/halls/${hallId}/devices`, { name: `${kind} ${windowNumber ?? ''}`.trim(), kind, ...windowId });
  return device.token;
}
