/**
 * @module commands/analyse-group
 * Runs the chosen chart on one group's series.
 */
import {
  attributeChart,
  gChart,
  runChart,
  SpcInputError,
  tChart,
  xmr,
  type ChartType,
  type SpcAnalysis,
  type SpcOptions,
} from '@groundswell/spc';
import { CliError } from '../errors.js';
import type { GroupData } from '../input/read-groups.js';
import { groupLabel } from '../input/sort-group.js';

export function analyseGroup(
  chart: ChartType,
  g: GroupData,
  options: SpcOptions,
  groupColumns: readonly string[],
): SpcAnalysis {
  const flags = { rebases: g.rebases ?? undefined, ghosts: g.ghosts ?? undefined };
  const series = { values: g.values, periods: g.periods, targets: g.targets ?? undefined, ...flags };
  try {
    switch (chart) {
      case 'xmr':
        return xmr(series, options);
      case 'run':
        return runChart(series, options);
      case 't':
        return tChart({ dates: g.periods, ...flags }, options);
      case 'g':
        return gChart({ values: g.values, periods: g.periods, ...flags }, options);
      case 'p':
      case 'pp':
      case 'u':
      case 'up':
      case 'c':
        return attributeChart(
          chart,
          {
            numerators: g.values,
            denominators: g.denominators ?? undefined,
            periods: g.periods,
            targets: g.targets ?? undefined,
            ...flags,
          },
          options,
        );
    }
  } catch (e) {
    if (e instanceof SpcInputError) {
      const row = e.index === undefined ? '' : ` (row ${g.rows[e.index] ?? '?'})`;
      throw new CliError(`${groupLabel(groupColumns, g.key)}${row}: ${e.message}`);
    }
    throw e;
  }
}
