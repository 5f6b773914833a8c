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
 * PV1, PV3, PV4: one committed event, projected once per audience and sent to
 * that audience's room. A phone whose ticket the event carries gets its own
 * copy instead of the public one, so each seq reaches it exactly once.
 */
export function fanOut(io: RoomEmitter, envelope: HallEventEnvelope): void {
  io.to(staffRoom(envelope.hallId)).emit('hall:changed', envelope);
  const own = ticketsOf(envelope.event).map((ticket) => ticket.id);
  for (const id of own) io.to(ticketRoom(id)).emit('hall:public', projectPhoneEnvelope(envelope, id));
  io.to(publicRoom(envelope.hallId)).except(own.map(ticketRoom)).emit('hall:public', projectPublicEnvelope(envelope));
}
