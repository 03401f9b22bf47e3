/**
 * @module projects/charts
 * A project's charts: each project measure's series (only those the reader may read) analysed by
 * the shared analysis code (analysis/service.ts), with its stored annotations and the project's
 * PDSA cycles marked on it.
 *
 * The cycles are derived on read, never stored as annotation rows: a cycle is shown at the point
 * whose period contains its start (`started_on`, else `planned_start`), labelled
 * "PDSA n: title (decision)" (n its number in the project, the decision once there is one). So a
 * cycle's new dates, title or decision show at once on every chart of the project, and a series
 * shared by several projects carries none of them into its other charts, dashboards or exports.
 * A cycle whose date falls before the first point, or after the period of the last one (or in a
 * period with no point), has no point: `index` is null and `period` is the cycle's date.
 */
import { SpcInputError } from '@groundswell/spc';
import { listAnnotations } from '../annotations/repository.js';
import { analyseSeries } from '../analysis/service.js';
import type { SeriesAnalysis } from '../analysis/service.js';
import type { Principal } from '../auth/principal.js';
import type { Frequency, ProjectMeasureKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import type { Project } from './access.js';
import { cycleDate } from './pdsa.js';
import type { NumberedCycle } from './pdsa.js';
import { listReadableProjectMeasures } from './repository.js';

/** A note on a project's chart. */
export interface ChartNote {
  readonly source: 'annotation' | 'pdsa';
  readonly id: string;
  readonly index: number | null;
  readonly period: string;
  readonly text: string;
}

/** A project measure's chart. */
export interface ProjectChart {
  readonly kind: ProjectMeasureKind;
  readonly position: number;
  readonly seriesId: string;
  /** null when the engine refused the data (`problem` says why). */
  readonly analysis: SeriesAnalysis | null;
  readonly problem: string | null;
  readonly annotations: readonly ChartNote[];
}

function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
}

function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

/** The first day after the period that starts on `period` (null: irregular, no length). */
export function periodEnd(period: string, frequency: Frequency): string | null {
  const start = new Date(`${period}T00:00:00Z`);
  const end = {
    day: () => addDays(start, 1),
    week: () => addDays(start, 7),
    month: () => addMonths(start, 1),
    quarter: () => addMonths(start, 3),
    year: () => addMonths(start, 12),
    irregular: () => null,
  }[frequency]();
  return end === null ? null : end.toISOString().slice(0, 10);
}

/**
 * The index of the point whose period contains `date` (periods in order, `YYYY-MM-DD`), or null.
 * For an irregular measure (events), the latest point on or before the date.
 */
export function pointContaining(
  periods: readonly string[],
  frequency: Frequency,
  date: string,
): number | null {
  let found = -1;
  for (let i = 0; i < periods.length; i++) {
    if (periods[i]! <= date) found = i;
    else break;
  }
  if (found < 0) return null;
  const end = periodEnd(periods[found]!, frequency);
  return end === null || date < end ? found : null;
}

/** A cycle's label: "PDSA 3: Huddle at handover (adopt)". */
export function cycleLabel(cycle: Pick<NumberedCycle, 'number' | 'title' | 'decision'>): string {
  return `PDSA ${cycle.number}: ${cycle.title}${cycle.decision === null ? '' : ` (${cycle.decision})`}`;
}

/** The cycles as notes on a chart of these periods, with their point. */
export function cycleNotes(
  periods: readonly string[],
  frequency: Frequency,
  cycles: readonly NumberedCycle[],
): ChartNote[] {
  const notes: ChartNote[] = [];
  for (const cycle of cycles) {
    const date = cycleDate(cycle);
    if (date === null) continue;
    notes.push({
      source: 'pdsa',
      id: cycle.id,
      index: pointContaining(periods, frequency, date),
      period: date,
      text: cycleLabel(cycle),
    });
  }
  return notes;
}

/**
 * The charts of a project's measures the reader may read, in the project's order, each with its
 * stored annotations and the project's cycles (in period order).
 */
export async function projectCharts(
  db: Database,
  principal: Principal,
  project: Project,
  cycles: readonly NumberedCycle[],
): Promise<ProjectChart[]> {
  const measures = await listReadableProjectMeasures(db, principal, project.id);
  const charts: ProjectChart[] = [];
  // One query after another: inside a transaction there is one connection.
  for (const measure of measures) {
    let analysis: SeriesAnalysis | null = null;
    let problem: string | null = null;
    try {
      analysis = await analyseSeries(db, measure.seriesId);
    } catch (error) {
      if (!(error instanceof SpcInputError)) throw error;
      problem = error.message;
    }
    const periods = analysis === null ? [] : analysis.analysis.points.map((point) => String(point.period));
    const byPeriod = new Map(periods.map((period, i) => [period, i]));
    const stored = await listAnnotations(db, measure.seriesId);
    const notes: ChartNote[] = [
      ...stored.map((note) => ({
        source: 'annotation' as const,
        id: note.id,
        index: byPeriod.get(note.period) ?? null,
        period: note.period,
        text: note.text,
      })),
      ...cycleNotes(periods, analysis?.measure.frequency ?? 'irregular', cycles),
    ];
    notes.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    charts.push({
      kind: measure.kind,
      position: measure.position,
      seriesId: measure.seriesId,
      analysis,
      problem,
      annotations: notes,
    });
  }
  return charts;
}
