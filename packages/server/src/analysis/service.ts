/**
 * @module analysis/service
 * A series with its full SPC analysis: load the series, its measure (chart type, data type,
 * options, with the series' own options over them), its points and the target timeline that
 * applies, then run the engine.
 */
import type { SpcAnalysis } from '@groundswell/spc';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import type { Measure } from '../measures/repository.js';
import { requireMeasure } from '../measures/service.js';
import { listTargets, targetOn } from '../measures/targets.js';
import type { MeasureTarget } from '../measures/targets.js';
import { readSeries } from '../observations/repository.js';
import { requireReadableSeries } from '../series/access.js';
import type { Series } from '../series/repository.js';
import { requireSeries } from '../series/service.js';
import { analyse, plottable } from './engine.js';
import type { StoredPoint } from './engine.js';
import { effectiveSpcOptions } from './options.js';

/** A series, its measure, the targets that apply and the analysis of its points. */
export interface SeriesAnalysis {
  readonly series: Series;
  readonly measure: Measure;
  readonly targets: readonly MeasureTarget[];
  readonly analysis: SpcAnalysis;
}

/** Per-point targets from a timeline (undefined when there is no timeline, or for T and G charts). */
function pointTargets(
  measure: Measure,
  timeline: readonly MeasureTarget[],
  points: readonly StoredPoint[],
): (number | null)[] | undefined {
  if (timeline.length === 0 || measure.chartType === 't' || measure.chartType === 'g') return undefined;
  return points.map((point) => targetOn(timeline, point.period));
}

/**
 * Analyses a series `principal` may read (a hidden one is not found, as an unknown one).
 * @throws {DataError} `not_found` for an unknown or hidden series.
 * @throws {SpcInputError} when the engine refuses the stored data or options.
 */
export async function analyseReadableSeries(
  db: Database,
  principal: Principal,
  seriesId: string,
): Promise<SeriesAnalysis> {
  const series = await requireReadableSeries(db, principal, seriesId);
  return analyseSeries(db, series.id);
}

/**
 * Analyses a series as its measure asks, with the series' own SPC options over the measure's,
 * whoever asks (callers check access first: `analyseReadableSeries`).
 * @throws {DataError} `not_found` for an unknown series.
 * @throws {SpcInputError} when the engine refuses the stored data or options.
 */
export async function analyseSeries(db: Database, seriesId: string): Promise<SeriesAnalysis> {
  const series = await requireSeries(db, seriesId);
  const measure = await requireMeasure(db, series.measureId, 'measureId');
  // One query after another: inside a transaction there is one connection.
  const stored = await readSeries(db, series.id);
  const targets = await listTargets(db, measure.id, series.organisationId);
  const points = plottable(measure.dataType, stored);
  const analysis = analyse({
    chartType: measure.chartType,
    dataType: measure.dataType,
    options: effectiveSpcOptions(measure.spcOptions, series.spcOptions),
    points,
    targets: pointTargets(measure, targets, points),
  });
  return { series, measure, targets, analysis };
}
