import {
  MAX_REPLAY_EVENTS,
  PROTOCOL_VERSION,
  projectPhoneEnvelope,
  projectPhoneSnapshot,
  projectPublicEnvelope,
  type HallEventEnvelope,
  type HallSnapshot,
  type JoinRequest,
  type JoinResult,
  type PublicHallState,
  type SocketData,
  type TicketView,
} from '@hallflow/shared';

/**
 * What a node answers joins from. The primary reads its SQLite store; a relay
 * reads the mirror it keeps from the hall's Redis stream. Both answer the
 * same way (R2, PV1), so a screen cannot tell which node it joined.
 */
export interface HallReadModel {
  /** The hall's last seq, or null when there is no such hall. */
  head(hallId: string): number | null;
  /** Events after `afterSeq`, oldest first, at most `limit`; fewer when this model no longer holds them all. */
  eventsSince(hallId: string, afterSeq: number, limit: number): HallEventEnvelope[];
  staffSnapshot(hallId: string, seq: number, now: Date): HallSnapshot;
  publicSnapshot(hallId: string, seq: number, now: Date): PublicHallState;
  /** A phone's own ticket, for its snapshot; null when it is not known (another day). */
  ticket(hallId: string, ticketId: string): TicketView | null;
}

export function isJoinRequest(value: unknown): value is JoinRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { hallId, lastSeq } = value as Record<string, unknown>;
  return (
    typeof hallId === 'string' &&
    hallId.length > 0 &&
    hallId.length <= 64 &&
    (lastSeq === null || (typeof lastSeq === 'number' && Number.isSafeInteger(lastSeq) && lastSeq >= 0))
  );
}

type Identity = Pick<SocketData, 'audience' | 'ticketId' | 'hallIds'>;

/** The join request when it is well formed and for a hall this connection may read; else the refusal. */
export function checkJoin(identity: Identity, request: unknown): JoinRequest | Extract<JoinResult, { ok: false }> {
  if (!isJoinRequest(request)) return { ok: false, code: 'BAD_REQUEST', message: 'hall:join needs {hallId: string, lastSeq: integer >= 0 | null}' };
  if (identity.hallIds && !identity.hallIds.includes(request.hallId)) return { ok: false, code: 'FORBIDDEN', message: `Not allowed to read hall ${request.hallId}` };
  return request;
}

/** CO3: city-wide staff, and the supervisors and admins of any hall, may watch the city. */
export function mayWatchCity(identity: Pick<SocketData, 'audience' | 'hallIds' | 'role'>): boolean {
  return identity.audience === 'staff' && (identity.hallIds === null || identity.role === 'supervisor' || identity.role === 'admin');
}

export const CITY_FORBIDDEN = { ok: false, code: 'FORBIDDEN', message: 'The city overview is for city-wide staff and supervisors' } as const;

/**
 * R2, PV1: the answer to a join, for the connection's audience: the missed
 * events when the model still holds them all, else a snapshot of now. The
 * caller has already joined the audience's rooms, so an event committed while
 * this is built arrives both ways and the client drops the copy by seq.
 */
export function answerJoin(model: HallReadModel, identity: Identity, request: JoinRequest, now: Date): JoinResult {
  const { hallId, lastSeq } = request;
  const head = model.head(hallId);
  if (head === null) return { ok: false, code: 'NOT_FOUND', message: `Hall ${hallId} not found` };
  const { audience, ticketId } = identity;
  const base = { ok: true as const, protocolVersion: PROTOCOL_VERSION, serverTime: now.toISOString() };
  if (lastSeq !== null && lastSeq <= head && head - lastSeq <= MAX_REPLAY_EVENTS) {
    const logged = model.eventsSince(hallId, lastSeq, MAX_REPLAY_EVENTS);
    if (logged.length === head - lastSeq) {
      if (audience === 'staff') return { ...base, audience, mode: 'events', events: logged, headSeq: head };
      if (audience === 'phone' && ticketId) return { ...base, audience, mode: 'events', events: logged.map((e) => projectPhoneEnvelope(e, ticketId)), headSeq: head };
      return { ...base, audience: 'public', mode: 'events', events: logged.map(projectPublicEnvelope), headSeq: head };
    }
  }
  if (audience === 'staff') return { ...base, audience, mode: 'snapshot', snapshot: model.staffSnapshot(hallId, head, now) };
  const shared = model.publicSnapshot(hallId, head, now);
  if (audience === 'phone' && ticketId) {
    const mine = model.ticket(hallId, ticketId);
    if (mine) return { ...base, audience, mode: 'snapshot', snapshot: projectPhoneSnapshot(shared, mine) };
  }
  return { ...base, audience: 'public', mode: 'snapshot', snapshot: shared };
}
