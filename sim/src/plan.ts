/**
 * The day's plan, drawn from a seed: who books which slot and service, when
 * they come (or not), with whom, and what the door will read. The system's
 * answers are measured separately (metrics.ts), never taken from this plan.
 */
import type { SimOptions } from './options.ts';

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normal draw (Box–Muller). */
export function normal(rand: () => number, mean: number, sd: number): number {
  const u = Math.max(rand(), 1e-9);
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export type Health = 'green' | 'yellow' | 'red' | 'fever';

export interface PlannedVisitor {
  index: number;
  /** Local HH:MM of the booked slot. */
  slot: string;
  /** What is booked: a service item, or a 一件事 bundle. */
  booking: { itemId: string } | { bundleId: string };
  partySize: number;
  /** Minutes after the slot's start they reach the door (negative: early); null: they never come. */
  arrivesAfterSlotMinutes: number | null;
  /** What the door will read for the lead visitor (companions are green). */
  health: Health;
}

export interface Catalogue {
  items: { id: string; categoryId: string; typicalMinutes: number }[];
  bundles: { id: string }[];
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const toTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The slots between the first and last, every 30 minutes, weighted to a morning peak and a smaller afternoon one. */
export function slotsOfDay(options: Pick<SimOptions, 'firstSlot' | 'lastSlot'>): { slot: string; weight: number }[] {
  const slots: { slot: string; weight: number }[] = [];
  for (let m = toMinutes(options.firstSlot); m <= toMinutes(options.lastSlot); m += 30) {
    const hour = m / 60;
    const weight = 1 + 1.2 * Math.exp(-((hour - 10) ** 2) / 2) + 0.7 * Math.exp(-((hour - 14.5) ** 2) / 2);
    slots.push({ slot: toTime(m), weight });
  }
  return slots;
}

export function planDay(options: SimOptions, catalogue: Catalogue): PlannedVisitor[] {
  const rand = random(options.seed);
  const slots = slotsOfDay(options);
  const total = slots.reduce((sum, s) => sum + s.weight, 0);
  const pickSlot = () => {
    let x = rand() * total;
    for (const s of slots) if ((x -= s.weight) <= 0) return s.slot;
    return slots.at(-1)!.slot;
  };
  const plan: PlannedVisitor[] = [];
  for (let index = 0; index < options.visitors; index++) {
    const bundle = catalogue.bundles.length > 0 && rand() < options.bundleShare;
    const booking = bundle ? { bundleId: catalogue.bundles[Math.floor(rand() * catalogue.bundles.length)]!.id } : { itemId: catalogue.items[Math.floor(rand() * catalogue.items.length)]!.id };
    const size = rand();
    const partySize = size < 0.7 ? 1 : size < 0.93 ? 2 : 3;
    const come = rand();
    const arrivesAfterSlotMinutes = come < options.noShowShare ? null : rand() < options.lateShare ? 20 + rand() * 25 : Math.min(12, Math.max(-28, normal(rand, -10, 5)));
    const h = rand();
    const health: Health = h < options.badCodeShare / 2 ? 'red' : h < options.badCodeShare ? 'yellow' : h < options.badCodeShare + options.feverShare ? 'fever' : 'green';
    plan.push({ index, slot: pickSlot(), booking, partySize, arrivesAfterSlotMinutes, health });
  }
  return plan;
}
