/**
 * @module analysis/presenter
 * A series analysis as the API sends it: the engine's JSON form (`points` included) with the
 * series, its measure, its targets and its icons.
 */
import type { RunsSummary, SpcAnalysis } from '@groundswell/spc';
import { SYNTHETIC_SOURCE } from '../demo/synthetic.js';
import { presentMeasure, presentTarget } from '../measures/presenter.js';
import { presentSeries } from '../series/presenter.js';
import type { AnalysisView, SeriesAnalysisView } from './schemas.js';
import type { SeriesAnalysis } from './service.js';

/** The engine's result as JSON (what `JSON.stringify(analysis)` writes). */
export function presentAnalysis(analysis: SpcAnalysis): AnalysisView {
  const { runs } = analysis as SpcAnalysis & { readonly runs?: RunsSummary[] };
  return {
    chart: analysis.chart,
    options: { ...analysis.options },
    points: analysis.points,
    partitions: analysis.partitions,
    summary: analysis.summary,
    warnings: analysis.warnings,
    ...(runs === undefined ? {} : { runs }),
  };
}

/** A series with its analysis and icons. */
export function presentSeriesAnalysis(result: SeriesAnalysis): SeriesAnalysisView {
  return {
    series: presentSeries(result.series),
    measure: presentMeasure(result.measure),
    synthetic: result.measure.source === SYNTHETIC_SOURCE,
    targets: result.targets.map(presentTarget),
    icons: { variation: result.analysis.summary.variation, assurance: result.analysis.summary.assurance },
    analysis: presentAnalysis(result.analysis),
  };
}
