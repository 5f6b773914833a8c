import { canCallSpecific, type CategoryView, type TicketView } from '@hallflow/shared';
import type { ScreenPresence, WindowsOverview } from '@hallflow/shared/api';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { businessDay } from '../../core/business-day.ts';
import type { Db } from '../../db/connection.ts';
import { categories, devices, tickets, windows } from '../../db/schema/index.ts';
import { getHallRow } from '../hall/hall.repository.ts';
import { categoryView, ticketView, windowView } from '../hall/views.ts';

const count = (category: CategoryView, waiting: number) => ({ categoryId: category.id, prefix: category.prefix, name: category.name, nameEn: category.nameEn, waiting });

/**
 * W4: every window of the hall — who is at it, its current ticket and since
 * when, held cases, what it may call per category — and whether each paired
 * screen is connected (`online` holds the ids of the live devices).
 */
export function windowsOverview(db: Db, hallId: string, now: Date, online: ReadonlySet<string>): WindowsOverview {
  const hall = getHallRow(db, hallId);
  const day = businessDay(now, hall.timezone);
  const hallCategories = db.select().from(categories).where(eq(categories.hallId, hallId)).orderBy(asc(categories.sortOrder)).all().map(categoryView);
  const hallWindows = db.select().from(windows).where(eq(windows.hallId, hallId)).orderBy(asc(windows.number)).all().map(windowView);
  const open: TicketView[] = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.day, day), inArray(tickets.state, ['waiting', 'called', 'serving', 'held'])))
    .all()
    .map(ticketView);
  const screens: ScreenPresence[] = db
    .select()
    .from(devices)
    .where(and(eq(devices.hallId, hallId), isNull(devices.revokedAt)))
    .orderBy(asc(devices.createdAt))
    .all()
    .map((d) => ({ id: d.id, name: d.name, kind: d.kind, windowNumber: hallWindows.find((w) => w.id === d.windowId)?.number ?? null, online: online.has(d.id) }));
  const waiting = open.filter((t) => t.state === 'waiting');
  const byId = new Map(hallCategories.map((c) => [c.id, c]));

  return {
    at: now.toISOString(),
    windows: hallWindows.map((window) => {
      const current = open.find((t) => t.id === window.currentTicketId && (t.state === 'called' || t.state === 'serving'));
      return {
        window,
        current: current ? { ticket: current, since: (current.state === 'serving' ? current.serviceStartedAt : null) ?? current.calledAt ?? current.queuedAt } : null,
        held: open.filter((t) => t.state === 'held' && t.windowId === window.id),
        waiting: window.categoryIds.flatMap((id) => {
          const category = byId.get(id);
          return category ? [count(category, waiting.filter((t) => t.categoryId === id && canCallSpecific(t, window).ok).length)] : [];
        }),
        screens: screens.filter((s) => s.windowNumber === window.number),
      };
    }),
    categories: hallCategories.map((category) => count(category, waiting.filter((t) => t.categoryId === category.id).length)),
    screens: screens.filter((s) => s.windowNumber === null),
  };
}
