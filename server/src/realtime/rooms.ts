import { projectPhoneEnvelope, projectPublicEnvelope, ticketsOf, type HallEventEnvelope, type ServerToClientEvents, type SocketData } from '@hallflow/shared';
import type { BroadcastOperator } from 'socket.io';

/** PV1: each audience of a hall has its own room; a phone is also in its ticket's room. */
export const staffRoom = (hallId: string) => `hall:${hallId}:staff`;
export const publicRoom = (hallId: string) => `hall:${hallId}:public`;
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
/** Connections that watch for the hall beat (screens and staff apps; phones rely on the slower engine ping). */
export const BEAT_ROOM = 'beat';
/** CO3: city-wide staff and supervisors watching every hall's overview row. */
export const CITY_ROOM = 'city';

/** The rooms a connection joins for a hall, by its audience. */
export function roomsOf(data: Pick<SocketData, 'audience' | 'ticketId'>, hallId: string): string[] {
  if (data.audience === 'staff') return [staffRoom(hallId)];
  if (data.audience === 'phone' && data.ticketId) return [publicRoom(hallId), ticketRoom(data.ticketId)];
  return [publicRoom(hallId)];
}

/** Where a fan-out sends: the whole cluster (`io`, through the Redis adapter) or this node only (`io.local`). */
export type RoomEmitter = Pick<BroadcastOperator<ServerToClientEvents, SocketData>, 'to'>;

/**
 * Whether this node has a socket in a room. Given to `fanOut` only when its
 * emitter reaches this node's sockets alone (one node without Redis, a
 * primary's or a relay's own screens): through the Redis adapter another
 * node may hold the room.
 */
export type RoomPresence = (room: string) => boolean;

/** A node's `RoomPresence`, read from its own adapter's room table. */
export function localPresence(io: { of(namespace: '/'): { adapter: { rooms: Map<string, Set<string>> } } }): RoomPresence {
  // Read at each call: the Redis adapter replaces the one the server started with.
  return (room) => (io.of('/').adapter.rooms.get(room)?.size ?? 0) > 0;
}

/**
 * PV1, PV3, PV4: one committed event, projected once per audience and sent to
 * that audience's room. A phone whose ticket the event carries gets its own
 * copy instead of the public one, so each seq reaches it exactly once.
 * R10: a room nobody on this node is in (most tickets have no phone
 * watching) costs no projection and no encoding, when `present` says so.
 */
export function fanOut(io: RoomEmitter, envelope: HallEventEnvelope, present: RoomPresence = () => true): void {
  const staff = staffRoom(envelope.hallId);
  if (present(staff)) io.to(staff).emit('hall:changed', envelope);
  const own = ticketsOf(envelope.event).map((ticket) => ticket.id);
  for (const id of own) if (present(ticketRoom(id))) io.to(ticketRoom(id)).emit('hall:public', projectPhoneEnvelope(envelope, id));
  const audience = publicRoom(envelope.hallId);
  if (present(audience)) io.to(audience).except(own.map(ticketRoom)).emit('hall:public', projectPublicEnvelope(envelope));
}
