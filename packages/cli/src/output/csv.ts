/**
 * @module output/csv
 * CSV rows of the analysis, in the column order the CLI promises.
 */
import {
  csvField,
  numberCell as num,
  pointRows as tableRows,
  POINT_COLUMNS,
  type SpcAnalysis,
  type SpcSummary,
  type SpcWarning,
} from '@groundswell/spc';
import { formatPeriod, type PeriodKind } from '../input/periods.js';

/** The point columns and CSV fields are the engine's table (shared with the server's CSV export). */
export { csvField, POINT_COLUMNS };

export const SUMMARY_COLUMNS = [
  'n',
  'mean',
  'lower_limit',
  'upper_limit',
  'variation',
  'assurance',
  'warnings',
] as const;

/** Added to the summary of run charts (Anhøj rules, last partition). */
export const RUNS_COLUMNS = [
  'longest_run',
  'longest_run_max',
  'crossings',
  'crossings_min',
  'runs_signal',
] as const;

export const csvHeader = (groupColumns: readonly string[], columns: readonly string[]): string =>
  [...groupColumns, ...columns].map(csvField).join(',') + '\n';

/** Every point of one group's analysis as CSV rows, read from the analysis columns. */
export function pointRows(prefix: string, a: SpcAnalysis, kind: PeriodKind): string {
  return tableRows(a, { prefix, period: (period) => formatPeriod(period, kind) });
}

/** Warning codes, separated by semicolons, each once. */
export const warningCodes = (warnings: readonly SpcWarning[]): string =>
  [...new Set(warnings.map((w) => w.code))].join(';');

export function summaryRow(
  prefix: string,
  s: SpcSummary,
  warnings: readonly SpcWarning[],
  runs = false,
): string {
  const r = s.runs;
  const runsCells = runs
    ? [
        num(r?.longestRun ?? null),
        num(r?.longestRunMax ?? null),
        num(r?.crossings ?? null),
        num(r?.crossingsMin ?? null),
        r?.signal === true ? '1' : '0',
      ]
    : [];
  return (
    [
      prefix + String(s.n),
      num(s.mean),
      num(s.lowerLimit),
      num(s.upperLimit),
      s.variation,
      s.assurance ?? '',
      csvField(warningCodes(warnings)),
      ...runsCells,
    ].join(',') + '\n'
  );
}
