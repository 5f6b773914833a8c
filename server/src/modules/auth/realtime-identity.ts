import type { SocketData } from '@hallflow/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { prepared } from '../../db/prepared.ts';
import { tickets } from '../../db/schema/index.ts';
import { deviceForToken, staffForToken } from './staff.repository.ts';

export type RealtimeCredential = 'staff' | 'device' | 'ticket';

/**
 * PV1: who a realtime connection is, from the credential it presents: a
 * staff session, a paired screen's token or a visitor's ticket link. Its
 * audience decides which projection of the hall it ever receives.
 */
export function realtimeIdentity(db: Db, credential: RealtimeCredential, token: string, now: Date): SocketData | null {
  const none = { staffId: null, deviceId: null, ticketId: null };
  if (credential === 'staff') {
    const member = staffForToken(db, token, now);
    return member ? { ...none, role: member.role, audience: 'staff', hallIds: member.hallId ? [member.hallId] : null, staffId: member.id } : null;
  }
  if (credential === 'device') {
    const device = deviceForToken(db, token);
    return device ? { ...none, role: 'display', audience: 'public', hallIds: [device.hallId], deviceId: device.id } : null;
  }
  const ticket = prepared(db, 'ticket-by-phone-token', (d) =>
    d
      .select({ id: tickets.id, hallId: tickets.hallId })
      .from(tickets)
      .where(eq(tickets.publicToken, sql.placeholder('token')))
      .prepare(),
  ).get({ token });
  return ticket ? { ...none, role: 'phone', audience: 'phone', hallIds: [ticket.hallId], ticketId: ticket.id } : null;
}
