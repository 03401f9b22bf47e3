/**
 * @module t-chart
 * T chart (time between rare events), spc-method.md §2: the days between events are transformed
 * by d^(1/3.6), analysed as an XmR chart whose moving ranges run across partitions, and the lines
 * raised back to the power 3.6. Rules apply to the days against the back-transformed lines.
 */
import { finishAnalysis } from './analyse.js';
import { T_CHART_EXPONENT } from './constants.js';
import { toDays } from './dates.js';
import { SpcInputError } from './errors.js';
import { tLines } from './lines.js';
import { movingRanges, partitionCentres } from './moving-range.js';
import { resolveOptions } from './options.js';
import { layoutPartitions } from './partitions.js';
import type { EventInput, SpcAnalysis, SpcOptions, SpcWarning } from './types.js';
import { filled } from './rules/sides.js';
import { checkPeriods } from './validate.js';

/**
 * Analyses the dates of events as a T chart. The first event starts the clock and is not plotted;
 * point k is the interval ending at event k + 1, and carries that event's ghost and rebase flags.
 * Events on the same day give an interval of 0 days.
 * @throws {SpcInputError} for dates that are not dates or go backwards.
 */
export function tChart(input: EventInput, options?: SpcOptions): SpcAnalysis {
  const resolved = resolveOptions(options, 't');
  const { dates } = input;
  for (const [name, arr] of [
    ['ghosts', input.ghosts],
    ['rebases', input.rebases],
  ] as const) {
    if (arr !== undefined && arr.length !== dates.length) {
      throw new SpcInputError(
        'length_mismatch',
        `${name} has ${arr.length} entries but dates has ${dates.length}`,
        {
          field: name,
        },
      );
    }
  }
  const days = toDays(dates);
  checkPeriods(days, true, 'dates');

  const n = Math.max(0, days.length - 1);
  const d = filled(n, 0);
  const y = filled(n, 0);
  for (let i = 0; i < n; i++) {
    d[i] = days[i + 1]! - days[i]!;
    y[i] = Math.pow(d[i]!, 1 / T_CHART_EXPONENT);
  }
  const periods = dates.slice(1);
  const ghosts = input.ghosts?.slice(1);
  const warnings: SpcWarning[] = [];
  if (input.rebases?.[0] === true) {
    warnings.push({
      code: 'rebase_at_first_point',
      message: 'A rebase at the first event has no effect: the first event only starts the clock',
    });
  }
  const layout = layoutPartitions({ n, periods, ghosts, rebases: input.rebases?.slice(1) }, resolved);
  const mr = movingRanges(y, ghosts, layout.partitionOf, true);
  const centres = partitionCentres(
    y,
    ghosts,
    mr,
    layout,
    resolved.screenOutliers ? resolved.screenRule : null,
  );
  return finishAnalysis({
    chart: 't',
    options: resolved,
    periods,
    values: d,
    ghosts,
    targets: undefined,
    layout,
    centres,
    partitionLines: centres.map(tLines),
    movingRanges: mr,
    warnings: [...warnings, ...layout.warnings],
  });
}
