/**
 * @module output/csv
 * CSV rows of the analysis, in the column order the CLI promises.
 */
import {
  pointTypeOf,
  type Direction,
  type LineSet,
  type SpcAnalysis,
  type SpcSummary,
  type SpcWarning,
} from '@groundswell/spc';
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

/** Shortest round-trip form of a line; empty when the line is absent (NaN). */
const line = (v: number): string => (v === v ? String(v) : '');

/** The seven line cells of a point, `mean,…,upper_1sigma`, formatted once per line set. */
function linesCells(l: LineSet): string {
  return `${line(l.mean)},${line(l.lower)},${line(l.upper)},${line(l.lower2)},${line(l.upper2)},${line(l.lower1)},${line(l.upper1)}`;
}

const SIDE = ['', 'high', 'low', 'both'] as const;

/**
 * The cells after `ghost`: the four rules, the point type and a separator for each, for every
 * possible flags word (two bits per result: single point, shift, trend, two-of-three, side).
 */
const ruleTables = new Map<Direction, string[]>();

function ruleCellsTable(direction: Direction): string[] {
  let table = ruleTables.get(direction);
  if (table === undefined) {
    table = buildRuleCells(direction);
    ruleTables.set(direction, table);
  }
  return table;
}

function buildRuleCells(direction: Direction): string[] {
  return Array.from({ length: 1024 }, (_, bits) =>
    [
      SIDE[bits & 3],
      SIDE[(bits >> 2) & 3],
      SIDE[(bits >> 4) & 3],
      SIDE[(bits >> 6) & 3],
      pointTypeOf((bits >> 8) & 3, direction),
    ].join(','),
  );
}

/** Every point of one group's analysis as CSV rows, read from the analysis columns. */
export function pointRows(prefix: string, a: SpcAnalysis, kind: PeriodKind): string {
  const c = a.columns;
  const mr = c.movingRange;
  const constantTarget = a.options.target;
  const rules = ruleCellsTable(a.options.direction);
  let lastLines: LineSet | null = null;
  let linesText = '';
  let out = '';
  for (let i = 0; i < c.values.length; i++) {
    const l = c.lines[c.lineIndex[i]!]!;
    if (l !== lastLines) {
      lastLines = l;
      linesText = linesCells(l);
    }
    const period = c.periods ? c.periods[i]! : i;
    const target = c.targets?.[i] ?? constantTarget;
    out +=
      prefix +
      (typeof period === 'number' ? formatPeriod(period, kind) : period) +
      ',' +
      String(c.values[i]) +
      ',' +
      linesText +
      ',' +
      (mr === null || mr[i] !== mr[i] ? '' : String(mr[i])) +
      ',' +
      String(c.partition[i]! + 1) +
      (c.ghosts?.[i] === true ? ',1,' : ',0,') +
      rules[c.flags[i]!]! +
      ',' +
      (target === null ? '' : String(target)) +
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
