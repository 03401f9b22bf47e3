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
  try {
    switch (chart) {
      case 'xmr':
        return xmr(
          {
            values: g.values,
            periods: g.periods,
            targets: g.targets ?? undefined,
            rebases: g.rebases ?? undefined,
            ghosts: g.ghosts ?? undefined,
          },
          options,
        );
      case 't':
        return tChart(
          { dates: g.periods, rebases: g.rebases ?? undefined, ghosts: g.ghosts ?? undefined },
          options,
        );
      case 'run':
        return runChart(
          {
            values: g.values,
            periods: g.periods,
            targets: g.targets ?? undefined,
            rebases: g.rebases ?? undefined,
            ghosts: g.ghosts ?? undefined,
          },
          options,
        );
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
            rebases: g.rebases ?? undefined,
            ghosts: g.ghosts ?? undefined,
          },
          options,
        );
      case 'g':
        return gChart(
          {
            values: g.values,
            periods: g.periods,
            rebases: g.rebases ?? undefined,
            ghosts: g.ghosts ?? undefined,
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
