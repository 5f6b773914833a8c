import type { TicketPrintout } from '@hallflow/shared/api';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { bundles, categories, serviceItems, ticketItems, tickets } from '../../db/schema/index.ts';
import { getHallRow } from '../hall/hall.repository.ts';

/** PR1: a ticket's printout by its phone link; null when no ticket has this token. */
export function ticketPrintoutByToken(db: Db, token: string): TicketPrintout | null {
  const row = db.select().from(tickets).where(eq(tickets.publicToken, token)).get();
  if (!row) return null;
  const hall = getHallRow(db, row.hallId);
  const category = db.select().from(categories).where(eq(categories.id, row.categoryId)).get()!;
  const bundle = row.bundleId ? (db.select({ name: bundles.name, nameEn: bundles.nameEn }).from(bundles).where(eq(bundles.id, row.bundleId)).get() ?? null) : null;
  const items = db
    .select({ name: serviceItems.name, nameEn: serviceItems.nameEn })
    .from(ticketItems)
    .innerJoin(serviceItems, eq(serviceItems.id, ticketItems.itemId))
    .where(eq(ticketItems.ticketId, row.id))
    .orderBy(asc(ticketItems.position))
    .all();
  return {
    hall: { name: hall.name, nameEn: hall.nameEn, timezone: hall.timezone },
    number: row.number,
    category: { prefix: category.prefix, name: category.name, nameEn: category.nameEn },
    bundle,
    items,
    priority: row.priority,
    partySize: row.partySize,
    aheadAtIssue: row.aheadAtIssue,
    issuedAt: row.issuedAt,
  };
}
