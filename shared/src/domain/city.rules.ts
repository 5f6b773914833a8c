/**
 * CO1–CO4: the live city overview: one row per hall, kept current from the
 * hall's own events, and the four-level tree of the city (市, 区/县, 乡镇/街道,
 * 村/社区) with each level's totals. Pure functions; no personal data.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { HallEventEnvelope } from './events.ts';
import { OccupancyViewSchema, WindowStateSchema } from './types.ts';
import { fieldRefusal, type Bilingual } from '../i18n/index.ts';
import { PreventionLevelSchema, hallLevelRules } from './prevention-level.rules.ts';

export const RegionLevelSchema = Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('town'), Type.Literal('community')]);
export type RegionLevel = Static<typeof RegionLevelSchema>;
export const REGION_LEVELS: readonly RegionLevel[] = ['city', 'district', 'town', 'community'];
/** What each level is called, for refusals that name it. */
const REGION_LEVEL_NAMES: Record<RegionLevel, Bilingual> = {
  city: { zh: '市', en: 'city' },
  district: { zh: '区/县', en: 'district' },
  town: { zh: '乡镇/街道', en: 'town' },
  community: { zh: '村/社区', en: 'community' },
};

export const RegionSchema = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  level: RegionLevelSchema,
  name: Type.String(),
  nameEn: Type.String(),
  sortOrder: Type.Integer(),
});
export type Region = Static<typeof RegionSchema>;

export const CityAlertSchema = Type.Union([Type.Literal('high'), Type.Literal('very_high'), Type.Literal('full'), Type.Literal('holding_full'), Type.Literal('no_window')]);
export type CityAlert = Static<typeof CityAlertSchema>;

/** CO1: one hall as the city sees it. */
export const CityHallRowSchema = Type.Object({
  hallId: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  regionId: Type.Union([Type.String(), Type.Null()]),
  /** The hall's event seq this row is as of: a client keeps the newest row of each hall. */
  seq: Type.Integer({ minimum: 0 }),
  occupancy: OccupancyViewSchema,
  holdingCapacity: Type.Integer({ minimum: 0 }),
  queues: Type.Array(Type.Object({ categoryId: Type.String(), prefix: Type.String(), name: Type.String(), waiting: Type.Integer({ minimum: 0 }) })),
  windows: Type.Array(Type.Object({ id: Type.String(), number: Type.Integer(), state: WindowStateSchema })),
  alerts: Type.Array(CityAlertSchema),
  /** LV11: the hall's prevention level now. */
  level: PreventionLevelSchema,
});
export type CityHallRow = Static<typeof CityHallRowSchema>;

export const CityOverviewSchema = Type.Object({ regions: Type.Array(RegionSchema), halls: Type.Array(CityHallRowSchema) });
export type CityOverview = Static<typeof CityOverviewSchema>;

/** CO1: a hall's alerts: its occupancy level (C2), a full holding area, people waiting with no window open. */
export function cityAlerts(row: Pick<CityHallRow, 'occupancy' | 'holdingCapacity' | 'queues' | 'windows'>): CityAlert[] {
  const alerts: CityAlert[] = [];
  if (row.occupancy.level !== 'normal') alerts.push(row.occupancy.level);
  if (row.holdingCapacity > 0 && row.occupancy.holding >= row.holdingCapacity) alerts.push('holding_full');
  if (row.queues.some((q) => q.waiting > 0) && !row.windows.some((w) => w.state === 'open')) alerts.push('no_window');
  return alerts;
}

/** CO1: the events that can change a hall's row (occupancy, holding, waiting, windows, alerts). */
export function changesCityRow(type: string): boolean {
  return type !== 'appointments.changed' && type !== 'ticket.rated';
}

/**
 * CO1: a hall's row after one of its events, computed from the event alone;
 * null when the event cannot be applied to this row (a gap in seq, a queue
 * or window the row does not know, the hall reconfigured): then the server
 * reads the row afresh.
 */
export function cityRowAfter(row: CityHallRow, envelope: HallEventEnvelope): CityHallRow | null {
  if (envelope.seq !== row.seq + 1 || envelope.hallId !== row.hallId) return null;
  const { event } = envelope;
  if (event.type === 'hall.configured') return null;
  let next: CityHallRow = { ...row, seq: envelope.seq };
  // LV11: the city sees each hall's level change as it happens.
  if (event.type === 'level.changed') next.level = hallLevelRules(event.hall).level;
  if ('occupancy' in event) next.occupancy = event.occupancy;
  if ('queues' in event && event.queues) {
    for (const queue of event.queues) if (!next.queues.some((q) => q.categoryId === queue.categoryId)) return null;
    next.queues = next.queues.map((q) => ({ ...q, waiting: event.queues!.find((e) => e.categoryId === q.categoryId)?.waiting ?? q.waiting }));
  }
  const window = 'window' in event ? event.window : null;
  if (window) {
    if (!next.windows.some((w) => w.id === window.id)) return null;
    next.windows = next.windows.map((w) => (w.id === window.id ? { ...w, state: window.state } : w));
  }
  next = { ...next, alerts: cityAlerts(next) };
  return next;
}

export interface RegionTotals {
  halls: number;
  inside: number;
  capacity: number;
  holding: number;
  waiting: number;
  open: number;
  paused: number;
  closed: number;
  alerts: number;
}

export interface RegionNode {
  region: Region;
  depth: number;
  totals: RegionTotals;
  /** The halls directly at this node. */
  halls: CityHallRow[];
}

const EMPTY: RegionTotals = { halls: 0, inside: 0, capacity: 0, holding: 0, waiting: 0, open: 0, paused: 0, closed: 0, alerts: 0 };

export function hallTotals(row: CityHallRow): RegionTotals {
  return {
    halls: 1,
    inside: row.occupancy.inside,
    capacity: row.occupancy.capacity,
    holding: row.occupancy.holding,
    waiting: row.queues.reduce((n, q) => n + q.waiting, 0),
    open: row.windows.filter((w) => w.state === 'open').length,
    paused: row.windows.filter((w) => w.state === 'paused').length,
    closed: row.windows.filter((w) => w.state === 'closed').length,
    alerts: row.alerts.length > 0 ? 1 : 0,
  };
}

const add = (a: RegionTotals, b: RegionTotals): RegionTotals => ({
  halls: a.halls + b.halls,
  inside: a.inside + b.inside,
  capacity: a.capacity + b.capacity,
  holding: a.holding + b.holding,
  waiting: a.waiting + b.waiting,
  open: a.open + b.open,
  paused: a.paused + b.paused,
  closed: a.closed + b.closed,
  alerts: a.alerts + b.alerts,
});

/** A region standing for the halls whose region is unset or unknown. */
export const UNPLACED_REGION: Region = { id: '', parentId: null, level: 'city', name: '未设区域', nameEn: 'No region', sortOrder: 1_000_000 };

/**
 * CO2: the tree in display order (parents before children, siblings by
 * sortOrder then name), each node with the totals of every hall in its
 * subtree (a level's totals: 市 → 区/县 → 乡镇/街道 → 村/社区).
 */
export function rollUpRegions(regions: readonly Region[], rows: readonly CityHallRow[]): RegionNode[] {
  const known = new Set(regions.map((r) => r.id));
  const unplaced = rows.filter((row) => !row.regionId || !known.has(row.regionId));
  const all = unplaced.length > 0 ? [...regions, UNPLACED_REGION] : [...regions];
  const children = (parentId: string | null) =>
    all.filter((r) => (r.parentId ?? null) === parentId && r.id !== '').sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh'));
  const hallsAt = (region: Region) => (region.id === '' ? unplaced : rows.filter((row) => row.regionId === region.id));
  const nodes: RegionNode[] = [];
  const visit = (region: Region, depth: number): RegionTotals => {
    const node: RegionNode = { region, depth, totals: EMPTY, halls: hallsAt(region) };
    nodes.push(node);
    let totals = node.halls.map(hallTotals).reduce(add, EMPTY);
    for (const child of children(region.id)) totals = add(totals, visit(child, depth + 1));
    node.totals = totals;
    return totals;
  };
  const roots = [...children(null), ...(unplaced.length > 0 ? [UNPLACED_REGION] : [])];
  for (const root of roots) visit(root, 0);
  return nodes;
}

/** CO2: the halls in a region's subtree (another issue switches a whole district's prevention level with it). */
export function hallsUnder(regions: readonly Region[], rows: readonly { hallId: string; regionId: string | null }[], regionId: string): string[] {
  const inside = new Set([regionId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const region of regions) {
      if (region.parentId && inside.has(region.parentId) && !inside.has(region.id)) {
        inside.add(region.id);
        grew = true;
      }
    }
  }
  return rows.filter((row) => row.regionId !== null && inside.has(row.regionId)).map((row) => row.hallId);
}

/** CO2: each level sits under the level above it: 市 at the top, 区/县 under 市, 乡镇/街道 under 区/县, 村/社区 under 乡镇/街道. */
export function checkRegionParent(level: RegionLevel, parent: Pick<Region, 'level'> | null): { ok: true } | ({ ok: false } & ReturnType<typeof fieldRefusal>) {
  const index = REGION_LEVELS.indexOf(level);
  const refuse = (zh: string, en: string) => ({ ok: false as const, ...fieldRefusal('body/parentId', { zh, en }) });
  if (index === 0) return parent ? refuse('市级区域没有上级', 'a city has no parent') : { ok: true };
  if (!parent) return refuse('须指定上级区域', 'a region below the city needs its parent');
  const above = REGION_LEVELS[index - 1]!;
  if (parent.level !== above) return refuse(`上级须为${REGION_LEVEL_NAMES[above].zh}`, `must be a ${REGION_LEVEL_NAMES[above].en}`);
  return { ok: true };
}
