/**
 * FR1–FR3: the "four reductions" (减材料、减环节、减时间、减跑动) from the
 * system's own records, against the "before" figures the hall recorded (CA2).
 */
import type { BeforeFigures } from './catalogue.rules.ts';
import { mergeMaterials } from './bundle.rules.ts';

/** One visit: a ticket, with what links it to other visits of the same application. */
export interface Visit {
  ticketId: string;
  /** The visitor's local day of the visit. */
  day: string;
  /** When the visitor arrived (the party's arrival, or the ticket's issue). */
  arrivedAt: string;
  finishedAt: string | null;
  state: string;
  caseNumber: string | null;
  appointmentCode: string | null;
  bundleId: string | null;
  itemIds: readonly string[];
  /** The windows that called this ticket. */
  windowIds: readonly string[];
}

/**
 * FR1: visits of one application form one case: those sharing a case number
 * (办件编号, recorded by the clerk) or an appointment, transitively. A visit
 * with neither is a case of its own.
 */
export function groupCases(visits: readonly Visit[]): Visit[][] {
  const parent = visits.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWith = new Map<string, number>();
  visits.forEach((visit, index) => {
    for (const key of [visit.caseNumber ? `case:${visit.caseNumber}` : null, visit.appointmentCode ? `appt:${visit.appointmentCode}` : null]) {
      if (!key) continue;
      const seen = firstWith.get(key);
      if (seen === undefined) firstWith.set(key, index);
      else parent[find(index)] = find(seen);
    }
  });
  const groups = new Map<number, Visit[]>();
  visits.forEach((visit, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), visit]));
  return [...groups.values()].map((group) => [...group].sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt)));
}

export interface CatalogueForReductions {
  items: readonly { id: string; materials: readonly string[]; before: BeforeFigures | null }[];
  bundles: readonly { id: string; itemIds: readonly string[]; before: BeforeFigures | null }[];
}

export interface CaseMeasure {
  subject: { kind: 'item' | 'bundle'; id: string };
  /** 减材料: the merged list (K1) and the sum of the items' own lists. */
  materials: number;
  materialsSum: number;
  /** 减环节: windows that handled the case. */
  windows: number;
  /** 减时间: working days from the first arrival to completion, both counted. */
  days: number;
  /** 减跑动: days on which the applicant came. */
  trips: number;
  completedDay: string;
}

/**
 * FR2: the measures of one completed case (its last visit done), or null when
 * it is still open or is not about one item or bundle. `isWorkingDay` is the
 * hall's calendar (H1–H6).
 */
export function measureCase(visits: readonly Visit[], catalogue: CatalogueForReductions, isWorkingDay: (date: string) => boolean): CaseMeasure | null {
  const last = visits.at(-1);
  if (!last || last.state !== 'done' || !last.finishedAt) return null;
  const bundleId = visits.find((v) => v.bundleId)?.bundleId ?? null;
  const itemIds = [...new Set(visits.flatMap((v) => v.itemIds))];
  let subject: CaseMeasure['subject'];
  let items: CatalogueForReductions['items'];
  if (bundleId) {
    const bundle = catalogue.bundles.find((b) => b.id === bundleId);
    if (!bundle) return null;
    subject = { kind: 'bundle', id: bundleId };
    items = bundle.itemIds.flatMap((id) => catalogue.items.filter((item) => item.id === id));
  } else if (itemIds.length === 1) {
    subject = { kind: 'item', id: itemIds[0]! };
    items = catalogue.items.filter((item) => item.id === itemIds[0]);
  } else return null;
  const dates = visits.map((v) => v.day).sort();
  const completedDay = last.day;
  return {
    subject,
    materials: mergeMaterials(items.map((item) => ({ id: item.id, categoryId: '', materials: item.materials }))).length,
    materialsSum: items.reduce((n, item) => n + item.materials.length, 0),
    windows: new Set(visits.flatMap((v) => v.windowIds)).size,
    days: workingDaysBetween(dates[0]!, completedDay, isWorkingDay),
    trips: new Set(dates).size,
    completedDay,
  };
}

/** FR2: working days from `from` to `to`, both counted when they are working days (at least 1: the day of completion). */
export function workingDaysBetween(from: string, to: string, isWorkingDay: (date: string) => boolean): number {
  let count = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) count++;
  return Math.max(1, count);
}

export interface ReductionFigures {
  materials: number;
  steps: number;
  days: number;
  trips: number;
}

export interface ReductionRow {
  kind: 'item' | 'bundle' | 'total';
  id: string;
  cases: number;
  /** Means per case, one decimal. */
  now: ReductionFigures;
  /** The sum of the items' own material lists (for a bundle: what the merge saves). */
  materialsSum: number;
  before: BeforeFigures | null;
  /** (before − now) ÷ before per measure, three decimals; null without before figures or with before 0. */
  reduction: ReductionFigures | null;
}

const mean = (values: readonly number[]) => Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10;
const cut = (before: number, now: number) => (before === 0 ? 0 : Math.round((1000 * (before - now)) / before) / 1000);

function reductionOf(before: BeforeFigures | null, now: ReductionFigures): ReductionFigures | null {
  if (!before) return null;
  return { materials: cut(before.materials, now.materials), steps: cut(before.steps, now.steps), days: cut(before.days, now.days), trips: cut(before.trips, now.trips) };
}

/**
 * FR3: one row per item and bundle with completed cases (means per case
 * against its before figures), and a total over the subjects that have
 * before figures, weighted by their cases.
 */
export function fourReductions(cases: readonly CaseMeasure[], catalogue: CatalogueForReductions): ReductionRow[] {
  const groups = new Map<string, CaseMeasure[]>();
  for (const measure of cases) groups.set(`${measure.subject.kind}:${measure.subject.id}`, [...(groups.get(`${measure.subject.kind}:${measure.subject.id}`) ?? []), measure]);
  const rows: ReductionRow[] = [...groups.values()].map((group) => {
    const { kind, id } = group[0]!.subject;
    const before = (kind === 'bundle' ? catalogue.bundles.find((b) => b.id === id)?.before : catalogue.items.find((i) => i.id === id)?.before) ?? null;
    const now = { materials: mean(group.map((c) => c.materials)), steps: mean(group.map((c) => c.windows)), days: mean(group.map((c) => c.days)), trips: mean(group.map((c) => c.trips)) };
    return { kind, id, cases: group.length, now, materialsSum: mean(group.map((c) => c.materialsSum)), before, reduction: reductionOf(before, now) };
  });
  rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  const measured = rows.filter((row) => row.before);
  const weighted = (pick: (f: ReductionFigures) => number, of: 'now' | 'before') =>
    measured.reduce((sum, row) => sum + row.cases * pick(of === 'now' ? row.now : row.before!), 0);
  const count = measured.reduce((n, row) => n + row.cases, 0);
  if (count > 0) {
    const per = (pick: (f: ReductionFigures) => number, of: 'now' | 'before') => Math.round((10 * weighted(pick, of)) / count) / 10;
    const now = { materials: per((f) => f.materials, 'now'), steps: per((f) => f.steps, 'now'), days: per((f) => f.days, 'now'), trips: per((f) => f.trips, 'now') };
    const before = { materials: per((f) => f.materials, 'before'), steps: per((f) => f.steps, 'before'), days: per((f) => f.days, 'before'), trips: per((f) => f.trips, 'before') };
    rows.push({ kind: 'total', id: 'total', cases: count, now, materialsSum: Math.round((10 * measured.reduce((n, r) => n + r.cases * r.materialsSum, 0)) / count) / 10, before, reduction: reductionOf(before, now) });
  }
  return rows;
}
