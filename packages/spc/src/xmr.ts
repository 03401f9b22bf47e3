/**
 * @module xmr
 * The XmR (individuals) chart: the pipeline of spc-method.md §1.
 */
import { finishAnalysis } from './analyse.js';
import { xmrLines } from './lines.js';
import { movingRanges, partitionCentres } from './moving-range.js';
import { resolveOptions } from './options.js';
import { layoutPartitions } from './partitions.js';
import type { SeriesInput, SpcAnalysis, SpcOptions } from './types.js';
import { validateSeries } from './validate.js';

/**
 * Analyses a series as an XmR chart with Making Data Count rules.
 * @throws {SpcInputError} for input spc-method.md §6 refuses.
 * @example
 * const a = xmr({ values: [5, 7, 6, 8, 7, 6, 9, 7, 8, 6, 7, 8, 7] }, { direction: 'increase' });
 * a.summary.variation; // 'common_cause'
 */
export function xmr(input: SeriesInput, options?: SpcOptions): SpcAnalysis {
  const resolved = resolveOptions(options, 'xmr');
  const n = validateSeries(input);
  const { values, ghosts } = input;
  const layout = layoutPartitions({ n, periods: input.periods, ghosts, rebases: input.rebases }, resolved);
  const mr = movingRanges(values, ghosts, layout.partitionOf, false);
  const centres = partitionCentres(
    values,
    ghosts,
    mr,
    layout,
    resolved.screenOutliers ? resolved.screenRule : null,
  );
  return finishAnalysis({
    chart: 'xmr',
    options: resolved,
    periods: input.periods,
    values,
    ghosts,
    targets: input.targets,
    layout,
    centres,
    partitionLines: centres.map(xmrLines),
    movingRanges: mr,
    warnings: layout.warnings,
  });
}
