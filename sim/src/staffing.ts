/**
 * How the simulated hall is staffed and how long its work takes: which
 * queues each window serves, the handling time of a ticket from the items it
 * holds, and the slots a visitor tries when the preferred one is full.
 */
import type { ApiClient, ServiceCatalogue } from '@hallflow/shared/api';
import type { PlannedVisitor } from './plan.ts';
import type { SimOptions } from './options.ts';

const HALL = 'demo';
const PREFIXES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
/** The demo hall's eight windows (seed.ts), their queues most preferred first. */
const SEED_WINDOW_QUEUES = [['G', 'A'], ['A', 'B'], ['C', 'D', 'A'], ['C', 'D'], ['E'], ['E', 'F'], ['F', 'C'], ['B', 'G']];

const categoryOf = (prefix: string) => `${HALL}-${prefix}`;

/** The catalogue's items and bundles by id. */
function indexOf(catalogue: ServiceCatalogue) {
  return { items: new Map(catalogue.items.map((item) => [item.id, item])), bundles: new Map(catalogue.bundles.map((bundle) => [bundle.id, bundle])) };
}

/** The mean minutes a called visitor takes to reach the window (the day draws 0.5 to 1.5): window time without service. */
export const WALK_MINUTES = 1;

/**
 * The window-minutes each queue's bookings will take, walking to the window
 * included (short services are mostly walking): a booked item in its queue, a
 * one-window 一件事 in the bundle's queue, a routed one in the queue of each of
 * its items.
 */
export function workloadByQueue(plan: readonly PlannedVisitor[], catalogue: ServiceCatalogue, handling: ReturnType<typeof handlingOf>): Map<string, number> {
  const { items, bundles } = indexOf(catalogue);
  const load = new Map<string, number>();
  const add = (queue: string | undefined, minutes: number) => queue && load.set(queue, (load.get(queue) ?? 0) + WALK_MINUTES + minutes);
  for (const { booking } of plan) {
    if ('itemId' in booking) {
      const queue = items.get(booking.itemId)?.categoryId;
      if (queue) add(queue, handling(booking, queue));
    } else {
      const bundle = bundles.get(booking.bundleId);
      if (bundle?.categoryId) add(bundle.categoryId, handling(booking, bundle.categoryId));
      else for (const queue of new Set(bundle?.itemIds.map((id) => items.get(id)?.categoryId))) if (queue) add(queue, handling(booking, queue));
    }
  }
  return load;
}

/**
 * The queues of the windows the day adds to the demo hall's eight, as a
 * supervisor staffs to the expected work: each new window's first queue is
 * the one with the most work per window whose first queue it is (the seed's
 * windows count), and its overflow the one with the most after that. An
 * overflow is not counted as staff: it calls only when its own queue is
 * empty, which at a busy hour it seldom is.
 */
export function addedWindowQueues(workload: ReadonlyMap<string, number>, windows: number): { added: string[][]; neediestFirst: string[] } {
  const primaries = new Map<string, number>();
  for (const own of SEED_WINDOW_QUEUES) primaries.set(categoryOf(own[0]!), (primaries.get(categoryOf(own[0]!)) ?? 0) + 1);
  // The work per window a queue has now (a queue with none has all of its work on nobody): the next window goes to the highest.
  const perWindow = (queue: string, work: number) => work / (primaries.get(queue) ?? 0);
  const ranked = () => [...workload].sort(([a, x], [b, y]) => perWindow(b, y) - perWindow(a, x) || a.localeCompare(b)).map(([queue]) => queue);
  const added: string[][] = [];
  for (let number = 9; number <= windows; number++) {
    const [first, overflow] = ranked();
    if (!first) break;
    primaries.set(first, (primaries.get(first) ?? 0) + 1);
    added.push(overflow ? [first, overflow] : [first]);
  }
  // The queues by their work per window in the end: overflow windows help the most loaded first.
  return { added, neediestFirst: ranked() };
}

/**
 * Opens the windows the day adds, staffed to the expected work. Unless the
 * day keeps windows to their listed queues, every window then takes any other queue as overflow
 * (Q5), the most loaded first: it calls from its own queues while anyone
 * waits there, and helps elsewhere rather than stand idle while a queue it
 * does not list grows.
 */
export async function staffWindows(admin: ApiClient, options: Pick<SimOptions, 'windows' | 'fixedWindows'>, workload: ReadonlyMap<string, number>): Promise<void> {
  const { added, neediestFirst } = addedWindowQueues(workload, options.windows);
  const all = [...neediestFirst, ...PREFIXES.map(categoryOf).filter((queue) => !neediestFirst.includes(queue))];
  const withOverflow = (own: string[]) => (options.fixedWindows ? own : [...own, ...all.filter((queue) => !own.includes(queue))]);
  if (!options.fixedWindows) {
    for (const [index, own] of SEED_WINDOW_QUEUES.entries()) await admin('PUT', `/api/halls/${HALL}/windows/${HALL}-w${index + 1}/categories`, { categoryIds: withOverflow(own.map(categoryOf)) });
  }
  for (const [index, own] of added.entries()) {
    await admin('POST', `/api/halls/${HALL}/windows`, { number: index + 9, categoryIds: withOverflow(own) });
  }
}

/**
 * A ticket's handling time at a window: the typical minutes of the booked
 * items its category handles (all of a one-window 一件事, one step of a
 * routed one), times the day's scale. A ticket of no known booking takes its
 * queue's mean.
 */
export function handlingOf(catalogue: ServiceCatalogue, scale: number): (booking: PlannedVisitor['booking'] | undefined, categoryId: string) => number {
  const { items, bundles } = indexOf(catalogue);
  const byCategory = new Map<string, number[]>();
  for (const item of catalogue.items) byCategory.set(item.categoryId, [...(byCategory.get(item.categoryId) ?? []), item.typicalMinutes]);
  const mean = (values: number[] | undefined) => (values && values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 8);
  return (booking, categoryId) => {
    if (!booking) return mean(byCategory.get(categoryId)) * scale;
    if ('itemId' in booking) return (items.get(booking.itemId)?.typicalMinutes ?? mean(byCategory.get(categoryId))) * scale;
    const bundle = bundles.get(booking.bundleId);
    if (!bundle) return mean(byCategory.get(categoryId)) * scale;
    const held = bundle.mode === 'one_window' ? bundle.itemIds : bundle.itemIds.filter((id) => items.get(id)?.categoryId === categoryId);
    return held.reduce((sum, id) => sum + (items.get(id)?.typicalMinutes ?? 0), 0) * scale || mean(byCategory.get(categoryId)) * scale;
  };
}

/**
 * The places a slot offers per queue (A11 counts appointments per service):
 * the queue's share of the day's bookings spread evenly over the slots, with
 * headroom. The hall sets them from the demand it expects, so a preferred
 * slot fills and its visitors book the slots around it.
 */
export function slotPlaces(plan: readonly PlannedVisitor[], catalogue: ServiceCatalogue, slots: number, headroom: number): { placesPerSlot: number; placesByCategory: Record<string, number> } {
  const { items, bundles } = indexOf(catalogue);
  // A routed 一件事 has no queue of its own: it is booked in the queue of its first item.
  const queueOf = (booking: PlannedVisitor['booking']) => {
    if ('itemId' in booking) return items.get(booking.itemId)?.categoryId;
    const bundle = bundles.get(booking.bundleId);
    return bundle?.categoryId ?? items.get(bundle?.itemIds[0] ?? '')?.categoryId;
  };
  const demand = new Map<string, number>();
  for (const visitor of plan) {
    const queue = queueOf(visitor.booking);
    if (queue) demand.set(queue, (demand.get(queue) ?? 0) + 1);
  }
  const placesOf = (bookings: number) => Math.min(500, Math.max(1, Math.ceil((bookings / slots) * headroom)));
  return { placesPerSlot: placesOf(0), placesByCategory: Object.fromEntries([...demand].map(([queue, bookings]) => [queue, placesOf(bookings)])) };
}

/** The day's slots, the preferred one first, then the others by distance from it, later before earlier at the same distance. */
export function nearestFirst(slots: readonly string[], preferred: string): string[] {
  const at = Math.max(0, slots.indexOf(preferred));
  return slots
    .map((slot, index) => ({ slot, distance: Math.abs(index - at) * 2 - (index > at ? 1 : 0) }))
    .sort((a, b) => a.distance - b.distance)
    .map((entry) => entry.slot);
}
