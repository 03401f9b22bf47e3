/**
 * @module table
 * An analysis as a table of text cells: the column names and each point's cells, as the CLI's
 * CSV output and the server's CSV export write them. Numbers are written in full precision (the
 * shortest form that reads back exactly), an absent line or value as an empty cell, rule results
 * as `high`, `low`, `both` or empty, and the ghost flag as 1 or 0. Pure: no I/O.
 */
import { sideToType } from './classify.js';
import type { Direction, LineSet, Period, SpcAnalysis } from './types.js';

/** The analysis columns of a point, in order: every line, the partition, flags and target. */
export const ANALYSIS_COLUMNS = [
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

/** A point row: its period (`date`), its value, then the analysis columns. */
export const POINT_COLUMNS = ['date', 'value', ...ANALYSIS_COLUMNS] as const;

/**
 * A CSV field, quoted when it must be (a comma, a quote, a line break, or a leading or trailing
 * space).
 * @example csvField('a, b') // '"a, b"'
 */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A number as a cell: the shortest form that reads back exactly; empty for null or NaN (an
 * absent line).
 * @example numberCell(0.1 + 0.2) // '0.30000000000000004'
 */
export function numberCell(value: number | null): string {
  return value === null || value !== value ? '' : String(value);
}

/** The seven line cells of a point, `mean,…,upper_1sigma`, formatted once per line set. */
function linesCells(l: LineSet): string {
  return `${numberCell(l.mean)},${numberCell(l.lower)},${numberCell(l.upper)},${numberCell(l.lower2)},${numberCell(l.upper2)},${numberCell(l.lower1)},${numberCell(l.upper1)}`;
}

const SIDE = ['', 'high', 'low', 'both'] as const;

/**
 * The cells after `ghost` (the four rules and the point type) for every possible flags word (two
 * bits per result: single point, shift, trend, two-of-three, side), built once per direction.
 */
const ruleTables = new Map<Direction, string[]>();

function ruleCellsTable(direction: Direction): string[] {
  let table = ruleTables.get(direction);
  if (table === undefined) {
    table = Array.from({ length: 1024 }, (_, bits) =>
      [
        SIDE[bits & 3],
        SIDE[(bits >> 2) & 3],
        SIDE[(bits >> 4) & 3],
        SIDE[(bits >> 6) & 3],
        sideToType((bits >> 8) & 3, direction),
      ].join(','),
    );
    ruleTables.set(direction, table);
  }
  return table;
}

/**
 * The analysis cells of each point (`ANALYSIS_COLUMNS`), read from the analysis columns: a
 * function of the point's index giving its cells as CSV text joined by commas (no leading or
 * trailing comma). Call it with increasing indices: lines shared by neighbouring points are
 * formatted once.
 * @example const cells = analysisCells(xmr({ values })); cells(0) // '12.5,8.1,16.9,…,common_cause,'
 */
export function analysisCells(analysis: SpcAnalysis): (index: number) => string {
  const c = analysis.columns;
  const mr = c.movingRange;
  const constantTarget = analysis.options.target;
  const rules = ruleCellsTable(analysis.options.direction);
  let lastLines: LineSet | null = null;
  let linesText = '';
  return (i) => {
    const l = c.lines[c.lineIndex[i]!]!;
    if (l !== lastLines) {
      lastLines = l;
      linesText = linesCells(l);
    }
    const target = c.targets?.[i] ?? constantTarget;
    return (
      linesText +
      ',' +
      (mr === null ? '' : numberCell(mr[i]!)) +
      ',' +
      String(c.partition[i]! + 1) +
      (c.ghosts?.[i] === true ? ',1,' : ',0,') +
      rules[c.flags[i]!]! +
      ',' +
      numberCell(target)
    );
  };
}

/** How `pointRows` writes each row. */
export interface PointRowsOptions {
  /** Text before each row, such as group cells each followed by a comma (default none). */
  readonly prefix?: string | undefined;
  /** A numeric period as text (default `String`); text periods are written as they are. */
  readonly period?: ((period: number) => string) | undefined;
}

/** A period cell: a numeric period formatted, a text one as it is (the point index when none). */
function periodCell(period: Period, format: ((period: number) => string) | undefined): string {
  if (typeof period === 'string') return csvField(period);
  return format === undefined ? String(period) : format(period);
}

/**
 * Every point of an analysis as CSV rows in the order of `POINT_COLUMNS` (after `prefix`), each
 * ending in a line feed.
 * @example pointRows(xmr({ values: [1, 2, 3], periods: ['2024-01-01', '2024-02-01', '2024-03-01'] }))
 */
export function pointRows(analysis: SpcAnalysis, options: PointRowsOptions = {}): string {
  const c = analysis.columns;
  const prefix = options.prefix ?? '';
  const cells = analysisCells(analysis);
  let out = '';
  for (let i = 0; i < c.values.length; i++) {
    const period = c.periods ? c.periods[i]! : i;
    out += prefix + periodCell(period, options.period) + ',' + String(c.values[i]) + ',' + cells(i) + '\n';
  }
  return out;
}
