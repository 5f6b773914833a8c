import type { HallServer } from '../../plugins/app/realtime.ts';

/**
 * W4: the screens with a live realtime connection now, on every node (with
 * the Redis adapter fetchSockets asks them all). Read-only: it looks at who
 * is connected and changes nothing.
 */
export async function connectedDeviceIds(io: HallServer): Promise<Set<string>> {
  const sockets = await io.fetchSockets();
  return new Set(sockets.map((socket) => socket.data.deviceId).filter((id): id is string => typeof id === 'string'));
}
