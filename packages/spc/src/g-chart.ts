/**
 * @module g-chart
 * G chart (cases between rare events), spc-method.md §2: centre line 0.693·m, upper limit
 * m + 3·√(m(m+1)) with m the partition's mean count; no lower limit and no 2σ lines, so only
 * a point above the limit, a shift about the centre line and a trend can signal.
 */
import { finishAnalysis } from './analyse.js';
import { SpcInputError } from './errors.js';
import { gLines } from './lines.js';
import { partitionCentres } from './moving-range.js';
import { resolveOptions } from './options.js';
import { layoutPartitions } from './partitions.js';
import type { SeriesInput, SpcAnalysis, SpcOptions } from './types.js';
import { filled } from './rules/sides.js';
import { validateSeries } from './validate.js';

/**
 * Analyses counts of cases between events (one value per event, in order) as a G chart.
 * @throws {SpcInputError} for negative counts and the input spc-method.md §6 refuses.
 */
export function gChart(input: SeriesInput, options?: SpcOptions): SpcAnalysis {
  const resolved = resolveOptions(options, 'g');
  if (input.targets !== undefined) {
    throw new SpcInputError('invalid_option', 'G charts take no target', { field: 'targets' });
  }
  const n = validateSeries(input);
  const { values, ghosts } = input;
  values.forEach((v, i) => {
    if (v < 0) {
      throw new SpcInputError('negative_value', `values[${i}] is ${v}: a count of cases cannot be negative`, {
        index: i,
        field: 'values',
      });
    }
  });
  const layout = layoutPartitions({ n, periods: input.periods, ghosts, rebases: input.rebases }, resolved);
  const noRanges = filled(n, NaN);
  const centres = partitionCentres(values, ghosts, noRanges, layout, null);
  return finishAnalysis({
    chart: 'g',
    options: resolved,
    periods: input.periods,
    values,
    ghosts,
    targets: undefined,
    layout,
    centres,
    partitionLines: centres.map(gLines),
    movingRanges: null,
    warnings: layout.warnings,
  });
}
