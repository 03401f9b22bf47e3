/**
 * @module input/read-groups
 * Streams a CSV, checks every cell it needs and collects each group's series in compact arrays.
 * Rows of one group may be scattered through the file (real extracts are rarely sorted), so every
 * group is kept until the file ends: about 40 bytes a row, never the rows themselves.
 */
import type { Readable } from 'node:stream';
import { CliError, where } from '../errors.js';
import { parseFlag, parseNumber } from './cells.js';
import { forEachRecord } from './csv-records.js';
import { parsePeriod, PERIOD_FORMS, type PeriodKind } from './periods.js';

export interface ColumnSpec {
  readonly date: string;
  /** null when the chart needs no value (a T chart's rows are the events themselves). */
  readonly value: string | null;
  /** Attribute charts (p, p′, u, u′): the numerator is read into `values`, the denominator beside it. */
  readonly denominator?: string | undefined;
  /**
   * What the chart needs of each row's numbers, checked as rows are read so that nothing is
   * written before a bad row is found: counts (c, g, and numerators of p, p′, u, u′) are never
   * negative, denominators are positive, and a proportion's numerator is at most its denominator.
   */
  readonly check?: 'count' | 'rate' | 'proportion' | undefined;
  readonly group: readonly string[];
  readonly target?: string | undefined;
  readonly rebase?: string | undefined;
  readonly ghost?: string | undefined;
}

export interface GroupData {
  /** The group columns' values, in the order of `--group`. */
  readonly key: readonly string[];
  periods: number[];
  values: number[];
  denominators: number[] | null;
  targets: (number | null)[] | null;
  rebases: boolean[] | null;
  ghosts: boolean[] | null;
  /** Spreadsheet row number of each entry (header = row 1), for messages. */
  rows: number[];
}

export interface ReadResult {
  readonly header: readonly string[];
  readonly groups: GroupData[];
  readonly periodKind: PeriodKind;
}

function columnIndex(header: readonly string[], name: string, option: string): number {
  const i = header.indexOf(name);
  if (i < 0) {
    throw new CliError(
      `Column "${name}" (${option}) is not in the file; its columns are: ${header.join(', ')}`,
    );
  }
  return i;
}

/** Reads and checks a CSV stream. */
export async function readGroups(input: Readable, spec: ColumnSpec): Promise<ReadResult> {
  let header = null as string[] | null;
  let col: {
    date: number;
    value: number;
    denominator: number;
    group: number[];
    target: number;
    rebase: number;
    ghost: number;
  } | null = null;
  const groups = new Map<string, GroupData>();
  let periodKind = null as PeriodKind | null;
  let row = 1;

  await forEachRecord(input, (rec) => {
    if (header === null) {
      header = rec.map((h) => h.trim());
      col = {
        date: columnIndex(header, spec.date, '--date'),
        value:
          spec.value === null
            ? -1
            : columnIndex(header, spec.value, spec.denominator === undefined ? '--value' : '--numerator'),
        denominator:
          spec.denominator === undefined ? -1 : columnIndex(header, spec.denominator, '--denominator'),
        group: spec.group.map((g) => columnIndex(header!, g, '--group')),
        target: spec.target === undefined ? -1 : columnIndex(header, spec.target, '--target-col'),
        rebase: spec.rebase === undefined ? -1 : columnIndex(header, spec.rebase, '--rebase-col'),
        ghost: spec.ghost === undefined ? -1 : columnIndex(header, spec.ghost, '--ghost-col'),
      };
      return;
    }
    row++;
    const c = col!;
    const period = parsePeriod(rec[c.date]!);
    if (period === null) {
      throw new CliError(`${where(row, spec.date)}: "${rec[c.date]!}" is not ${PERIOD_FORMS}`);
    }
    if (periodKind === null) periodKind = period.kind;
    else if ((periodKind === 'number') !== (period.kind === 'number')) {
      throw new CliError(
        `${where(row, spec.date)}: "${rec[c.date]!}" mixes numbers and dates in the period column`,
      );
    } else if (period.kind === 'datetime') periodKind = 'datetime';

    let value = 0;
    if (c.value >= 0) {
      const v = parseNumber(rec[c.value]!);
      if (v === null) throw new CliError(`${where(row, spec.value!)}: "${rec[c.value]!}" is not a number`);
      value = v;
    }
    // The group key, built without an array per row (most files have one group column).
    let key = c.group.length === 0 ? '' : rec[c.group[0]!]!;
    for (let k = 1; k < c.group.length; k++) key += '\u0000' + rec[c.group[k]!]!;
    let g = groups.get(key);
    if (g === undefined) {
      g = {
        key: c.group.map((i) => rec[i]!),
        periods: [],
        values: [],
        denominators: c.denominator >= 0 ? [] : null,
        targets: c.target >= 0 ? [] : null,
        rebases: c.rebase >= 0 ? [] : null,
        ghosts: c.ghost >= 0 ? [] : null,
        rows: [],
      };
      groups.set(key, g);
    }
    g.periods.push(period.value);
    g.values.push(value);
    if (g.denominators) {
      const raw = rec[c.denominator]!;
      const d = parseNumber(raw);
      if (d === null) throw new CliError(`${where(row, spec.denominator!)}: "${raw}" is not a number`);
      g.denominators.push(d);
    }
    if (spec.check !== undefined) checkRow(spec, row, value, g.denominators?.[g.denominators.length - 1]);
    g.rows.push(row);
    if (g.targets) {
      const raw = rec[c.target]!;
      const t = raw.trim() === '' ? null : parseNumber(raw);
      if (t === null && raw.trim() !== '') {
        throw new CliError(
          `${where(row, spec.target!)}: "${raw}" is not a number (leave it empty for no target)`,
        );
      }
      g.targets.push(t);
    }
    if (g.rebases) g.rebases.push(flag(rec[c.rebase]!, row, spec.rebase!));
    if (g.ghosts) g.ghosts.push(flag(rec[c.ghost]!, row, spec.ghost!));
  });
  if (header === null) throw new CliError('The CSV is empty: it needs a header row naming its columns');
  return { header, groups: [...groups.values()], periodKind: periodKind ?? 'date' };
}

function flag(raw: string, row: number, column: string): boolean {
  const f = parseFlag(raw);
  if (f === null) throw new CliError(`${where(row, column)}: "${raw}" is not a flag (use 1 or 0)`);
  return f;
}

function checkRow(spec: ColumnSpec, row: number, value: number, denominator: number | undefined): void {
  const valueColumn = spec.value!;
  if (value < 0) throw new CliError(`${where(row, valueColumn)}: ${value} is negative; a count cannot be`);
  if (denominator === undefined) return;
  if (denominator <= 0) {
    throw new CliError(
      `${where(row, spec.denominator!)}: ${denominator} is not a positive denominator (the point would have no ${spec.check === 'proportion' ? 'proportion' : 'rate'})`,
    );
  }
  if (spec.check === 'proportion' && value > denominator) {
    throw new CliError(
      `${where(row, valueColumn)}: ${value} is larger than its denominator ${denominator}, impossible for a proportion`,
    );
  }
}
