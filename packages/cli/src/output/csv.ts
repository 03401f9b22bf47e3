/**
 * @module output/csv
 * CSV rows of the analysis, in the column order the CLI promises.
 */
import { pointTypeOf, type SpcAnalysis, type SpcSummary, type SpcWarning } from '@groundswell/spc';
import { formatPeriod, type PeriodKind } from '../input/periods.js';

export const POINT_COLUMNS = [
  'date',
  'value',
  'mean',
  'lower_limit',
  'upper_limit',
  'lower_2sigma',
  'upper_2sigma',
  'lower_1sigma',
  'upper_1sigma',
  'moving_range',
  'partition',
  'ghost',
  'single_point',
  'shift',
  'trend',
  'two_of_three',
  'point_type',
  'target',
] as const;

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

/** A field quoted when it must be (comma, quote, line break, or leading/trailing space). */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (groupColumns: readonly string[], columns: readonly string[]): string =>
  [...groupColumns, ...columns].map(csvField).join(',') + '\n';

/** Shortest round-trip form; empty for an absent value. */
const num = (v: number | null): string => (v === null ? '' : String(v));

/** Number formatting that reuses the last string when the value repeats (lines are constant per partition). */
function memoNum(): (v: number) => string {
  let last = NaN;
  let text = '';
  return (v) => {
    if (v !== v) return '';
    if (v !== last) {
      last = v;
      text = String(v);
    }
    return text;
  };
}

const SIDE = ['', 'high', 'low', 'both'] as const;

/** Every point of one group's analysis as CSV rows, read from the analysis columns. */
export function pointRows(prefix: string, a: SpcAnalysis, kind: PeriodKind): string {
  const c = a.columns;
  const f = Array.from({ length: 9 }, memoNum);
  const mr = c.movingRange;
  const constantTarget = a.options.target;
  const direction = a.options.direction;
  const TYPES = [0, 1, 2, 3].map((side) => pointTypeOf(side, direction));
  let out = '';
  for (let i = 0; i < c.values.length; i++) {
    const l = c.lines[c.lineIndex[i]!]!;
    // Rule results and side, two bits each (FLAG_BITS): single point, shift, trend, two-of-three, side.
    const bits = c.flags[i]!;
    const period = c.periods ? c.periods[i]! : i;
    const target = c.targets?.[i] ?? constantTarget;
    out +=
      prefix +
      (typeof period === 'number' ? formatPeriod(period, kind) : period) +
      ',' +
      String(c.values[i]) +
      ',' +
      f[0]!(l.mean) +
      ',' +
      f[1]!(l.lower) +
      ',' +
      f[2]!(l.upper) +
      ',' +
      f[3]!(l.lower2) +
      ',' +
      f[4]!(l.upper2) +
      ',' +
      f[5]!(l.lower1) +
      ',' +
      f[6]!(l.upper1) +
      ',' +
      (mr === null || mr[i] !== mr[i] ? '' : String(mr[i])) +
      ',' +
      String(c.partition[i]! + 1) +
      ',' +
      (c.ghosts?.[i] === true ? '1' : '0') +
      ',' +
      SIDE[bits & 3]! +
      ',' +
      SIDE[(bits >> 2) & 3]! +
      ',' +
      SIDE[(bits >> 4) & 3]! +
      ',' +
      SIDE[(bits >> 6) & 3]! +
      ',' +
      TYPES[(bits >> 8) & 3]! +
      ',' +
      (target === null ? '' : f[8]!(target)) +
      '\n';
  }
  return out;
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
