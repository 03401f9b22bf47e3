/**
 * @module imports/row-mapper
 * Turns one row of a file into an observation (written straight into the COPY text, see
 * copy-text.ts), or lists everything wrong with it: the period, the series (organisation,
 * measure, unit), the numbers its measure's data type needs, the ghost flag, and (once all rows
 * are read: `repeats`) a period repeated for the same series. Every problem names the
 * spreadsheet row and the file's column, so a person can find and fix it.
 */
import { formatPeriod, parseFlag, parseNumber, parsePeriod } from '@groundswell/spc';
import type { ColumnSource, FieldSource, ImportMapping, ImportProblem } from './mapping-types.js';
import type { CopyText } from './copy-text.js';
import { RepeatFinder } from './repeats.js';
import type { Resolution, SeriesDirectory } from './series-directory.js';
import type { TableRow } from './table-reader.js';

/** What mapping a row found wrong with it: nothing (null: the row was added, or was blank), or its problems. */
export type RowProblems = readonly ImportProblem[] | null;

/** A field's column index, or its fixed value. */
type Source = { readonly index: number; readonly column: string } | { readonly fixed: string };

function source(columns: readonly string[], field: FieldSource | undefined): Source | undefined {
  if (field === undefined) return undefined;
  if ('column' in field) return { index: columns.indexOf(field.column), column: field.column };
  return { fixed: field.value };
}

const MS_PER_DAY = 86_400_000;
const NUMBER_HINT = 'write plain numbers such as 1234 or 0.5, without thousands separators, units or % signs';

/** Maps rows of one file with one mapping. */
export class RowMapper {
  private readonly period: { index: number; column: string };
  private readonly measure: Source;
  private readonly unit: Source | undefined;
  private readonly organisation: Source | undefined;
  private readonly value: Source | undefined;
  private readonly numerator: Source | undefined;
  private readonly denominator: Source | undefined;
  private readonly ghost: Source | undefined;
  /** Every row's series and day, to find repeats once all rows are read (`repeats`). */
  private readonly days = new RepeatFinder();
  private readonly width: number;
  /** The earliest and latest day of the observations mapped. */
  private firstDay = Infinity;
  private lastDay = -Infinity;
  /** The series of the observations mapped, in the order first seen (the COPY text holds their numbers). */
  private readonly series: string[] = [];
  private readonly seriesNumbers = new Map<string, number>();

  constructor(
    private readonly columns: readonly string[],
    mapping: ImportMapping,
    private readonly directory: SeriesDirectory,
  ) {
    const column = (c: ColumnSource): { index: number; column: string } => ({
      index: columns.indexOf(c.column),
      column: c.column,
    });
    this.period = column(mapping.period);
    this.measure = source(columns, mapping.measure)!;
    this.unit = source(columns, mapping.unit);
    this.organisation = source(columns, mapping.organisation);
    this.value = source(columns, mapping.value);
    this.numerator = source(columns, mapping.numerator);
    this.denominator = source(columns, mapping.denominator);
    this.ghost = source(columns, mapping.ghost);
    this.width = columns.length;
  }

  /** The ids of the series of the observations mapped, by the number the COPY text gives them. */
  get seriesIds(): readonly string[] {
    return this.series;
  }

  /** The earliest period of the observations mapped (an ISO date), null before the first. */
  get firstPeriod(): string | null {
    return this.firstDay === Infinity ? null : formatPeriod(this.firstDay, 'date');
  }

  /** The latest period of the observations mapped (an ISO date), null before the first. */
  get lastPeriod(): string | null {
    return this.lastDay === -Infinity ? null : formatPeriod(this.lastDay, 'date');
  }

  /**
   * Maps one data row, adding its observation to `into`, or lists its problems: at once when its
   * series has been seen before (nearly every row), through the database otherwise.
   */
  map(row: TableRow, into: CopyText): RowProblems | Promise<RowProblems> {
    const { cells } = row;
    if (blank(cells)) return null;
    const organisation = this.cell(cells, this.organisation);
    const measure = this.cell(cells, this.measure);
    const unit = this.cell(cells, this.unit);
    const known = this.directory.known(organisation, measure, unit);
    if (known !== undefined) return this.mapResolved(row, known, into);
    return this.directory
      .resolve(organisation, measure, unit)
      .then((resolution) => this.mapResolved(row, resolution, into));
  }

  private cell(cells: readonly string[], s: Source | undefined): string {
    return s === undefined ? '' : 'fixed' in s ? s.fixed : (cells[s.index] ?? '');
  }

  private mapResolved({ row, cells }: TableRow, resolution: Resolution, into: CopyText): RowProblems {
    // One list per row, made only when the row has a problem (most rows have none).
    const found: Found = { row, problems: null };
    if (cells.length > this.width && cells.slice(this.width).some((c) => c.trim() !== '')) {
      add(
        found,
        null,
        'extra_cells',
        `the row has ${cells.length} cells but the header names ${this.width} columns`,
      );
    }
    const day = this.readPeriod(cells[this.period.index] ?? '', found);
    if (!resolution.ok) {
      const field =
        resolution.field === 'measure'
          ? this.measure
          : resolution.field === 'unit'
            ? this.unit
            : this.organisation;
      add(found, columnOf(field), `unknown_${resolution.field}`, resolution.message);
      return found.problems!;
    }
    let value: number | null = null;
    let numerator: number | null = null;
    let denominator: number | null = null;
    if (resolution.dataType === 'proportion' || resolution.dataType === 'rate') {
      numerator = this.readNumber(cells, 'numerator', this.numerator, false, resolution, found);
      denominator = this.readNumber(cells, 'denominator', this.denominator, false, resolution, found);
      if (numerator !== null && denominator !== null) {
        if (resolution.dataType === 'proportion' && numerator > denominator) {
          add(
            found,
            columnOf(this.numerator),
            'numerator_exceeds_denominator',
            `the numerator (${numerator}) is larger than the denominator (${denominator})`,
          );
        }
        if (resolution.dataType === 'rate' && denominator === 0 && numerator > 0) {
          add(
            found,
            columnOf(this.denominator),
            'zero_denominator',
            'events with no exposure (a denominator of 0)',
          );
        }
      }
    } else {
      value = this.readNumber(cells, 'value', this.value, resolution.dataType !== 'value', resolution, found);
    }
    let ghost: boolean | null = null;
    if (this.ghost !== undefined) {
      const text = this.cell(cells, this.ghost);
      ghost = parseFlag(text);
      if (ghost === null) {
        add(
          found,
          columnOf(this.ghost),
          'invalid_ghost',
          `"${text.trim()}" is not a yes/no flag: write 1, true or yes to ghost the point, and 0, false, no or nothing otherwise`,
        );
      }
    }
    if (day !== null) this.days.add(resolution.seriesId, day, row);
    if (found.problems !== null || day === null) return found.problems ?? [];
    if (day < this.firstDay) this.firstDay = day;
    if (day > this.lastDay) this.lastDay = day;
    let series = this.seriesNumbers.get(resolution.seriesId);
    if (series === undefined) {
      series = this.series.length;
      this.series.push(resolution.seriesId);
      this.seriesNumbers.set(resolution.seriesId, series);
    }
    into.add(series, day, value, numerator, denominator, ghost);
    return null;
  }

  /** A number cell for `field`, or null with a problem added. */
  private readNumber(
    cells: readonly string[],
    field: 'value' | 'numerator' | 'denominator',
    s: Source | undefined,
    whole: boolean,
    resolution: Resolution & { ok: true },
    found: Found,
  ): number | null {
    if (s === undefined) {
      add(
        found,
        null,
        `${field}_required`,
        `a ${resolution.dataType} measure (${resolution.measureCode}) needs a ${field}: map a ${field} column`,
      );
      return null;
    }
    const text = this.cell(cells, s).trim();
    const column = columnOf(s);
    if (text === '') {
      add(
        found,
        column,
        `${field}_required`,
        `the ${field} is empty; a ${resolution.dataType} measure needs one (remove the row if there are no data for this period)`,
      );
      return null;
    }
    const n = parseNumber(text);
    if (n === null) {
      add(found, column, 'not_a_number', `"${text}" is not a number: ${NUMBER_HINT}`);
      return null;
    }
    if (n < 0 && field !== 'value') {
      add(found, column, 'negative', `the ${field} must not be negative (got ${text})`);
      return null;
    }
    if (whole && (n < 0 || !Number.isInteger(n))) {
      add(
        found,
        column,
        'not_a_count',
        `a ${resolution.dataType} measure needs a whole number of at least 0 (got ${text})`,
      );
      return null;
    }
    return n;
  }

  /**
   * Problems for rows that repeat an earlier row's series and period: known only once every row
   * has been mapped.
   */
  repeats(): ImportProblem[] {
    return this.days.repeats().map(({ row, firstRow, day }) => {
      const found: Found = { row, problems: null };
      add(
        found,
        this.period.column,
        'duplicate_point',
        `row ${firstRow} already has this period (${formatPeriod(day, 'date')}) for the same measure${this.unit === undefined ? '' : ' and unit'}`,
      );
      return found.problems![0]!;
    });
  }

  private readPeriod(text: string, found: Found): number | null {
    const trimmed = text.trim();
    const column = this.period.column;
    if (trimmed === '') {
      add(found, column, 'period_required', 'the period is empty');
      return null;
    }
    const parsed = parsePeriod(trimmed);
    if (parsed === null || parsed.kind === 'number') {
      add(
        found,
        column,
        'invalid_period',
        `"${trimmed}" is not a date: write 2024-03-01, 01/03/2024 or 2024-03 (a month)`,
      );
      return null;
    }
    if (parsed.kind === 'datetime' && Math.round(parsed.value * MS_PER_DAY) % MS_PER_DAY !== 0) {
      add(
        found,
        column,
        'invalid_period',
        `"${trimmed}" has a time of day; periods are dates (write 2024-03-01)`,
      );
      return null;
    }
    return Math.floor(parsed.value);
  }
}

/** Whether every cell of a row is empty or spaces. */
function blank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** The problems of the row being mapped. */
interface Found {
  readonly row: number;
  problems: ImportProblem[] | null;
}

function add(found: Found, column: string | null, code: string, message: string): void {
  (found.problems ??= []).push({
    row: found.row,
    column,
    code,
    message: `Row ${found.row}${column === null ? '' : `, column "${column}"`}: ${message}`,
  });
}

function columnOf(s: Source | undefined): string | null {
  return s === undefined || 'fixed' in s ? null : s.column;
}
