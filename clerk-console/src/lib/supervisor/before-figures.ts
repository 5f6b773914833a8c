import { bothLangs } from '../i18n';
import type { BeforeFigures } from '@hallflow/shared';

/** What the "before" inputs hold: each number, or null while empty. */
export interface FiguresDraft {
  materials: number | null;
  steps: number | null;
  days: number | null;
  trips: number | null;
  legalDays: number | null;
}

export const emptyFigures = (): FiguresDraft => ({ materials: null, steps: null, days: null, trips: null, legalDays: null });

export function figuresDraftOf(before: BeforeFigures | null, legalDays: number | null): FiguresDraft {
  return { materials: before?.materials ?? null, steps: before?.steps ?? null, days: before?.days ?? null, trips: before?.trips ?? null, legalDays };
}

const given = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** CA2: the four before figures go together: all four, or none recorded yet. */
export function beforeOf(draft: FiguresDraft): { ok: true; before: BeforeFigures | null; legalDays: number | null } | { ok: false; error: string } {
  const values = [draft.materials, draft.steps, draft.days, draft.trips];
  const legalDays = given(draft.legalDays) ? draft.legalDays : null;
  if (values.every((v) => !given(v))) return { ok: true, before: null, legalDays };
  if (!values.every(given)) return { ok: false, error: bothLangs('beforeAllOrNone') };
  const [materials, steps, days, trips] = values as number[];
  return { ok: true, before: { materials: materials!, steps: steps!, days: days!, trips: trips! }, legalDays };
}
