/**
 * @module imports/mapping-types
 * The shapes stored with a file import: how its columns map to observations, and what its
 * preview found. (The zod schemas of the API mirror them in imports/schemas.ts.)
 */
import type { ImportStatus } from '../db/schema/vocabulary.js';

/** A column of the file, by its name in the header row. */
export interface ColumnSource {
  readonly column: string;
}

/** One fixed value for every row (a measure code, a unit name, an ODS code). */
export interface FixedSource {
  readonly value: string;
}

/** Where a field comes from: a column of the file, or one value for every row. */
export type FieldSource = ColumnSource | FixedSource;

/**
 * How a file's columns become observations: one row per series and period. The series is the
 * measure (by code), recorded by the organisation (the import's own, or by ODS code for a national
 * import), for a unit (by name, or path "Medicine / Ward 10"; none: the organisation as a whole).
 * `value` for value, count and events measures; `numerator` and `denominator` for proportions
 * and rates; `ghost` (1/true/yes) leaves a point out of the calculations.
 */
export interface ImportMapping {
  readonly period: ColumnSource;
  readonly measure: FieldSource;
  readonly unit?: FieldSource | undefined;
  readonly organisation?: FieldSource | undefined;
  readonly value?: ColumnSource | undefined;
  readonly numerator?: ColumnSource | undefined;
  readonly denominator?: ColumnSource | undefined;
  readonly ghost?: ColumnSource | undefined;
}

/** One problem with one row (or the file as a whole when `row` is null). */
export interface ImportProblem {
  /** The spreadsheet row (the header is row 1), or null for the whole file. */
  readonly row: number | null;
  /** The column's name in the file, or null when no one column is at fault. */
  readonly column: string | null;
  /** A stable code: `invalid_period`, `unknown_measure`, `duplicate_point`, … */
  readonly code: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** An earlier successful import of the same file (same SHA-256) into the same organisation. */
export interface SameFile {
  readonly importId: string;
  readonly fileName: string;
  readonly status: ImportStatus;
  readonly startedAt: string;
}

/** What a preview found: every problem (the first 1,000 listed), and what a commit would do. */
export interface ImportPreview {
  /** Data rows read (the header not counted). */
  readonly rows: number;
  /** How many problems in all. */
  readonly problemCount: number;
  /** The first 1,000 problems, in row order. */
  readonly problems: ImportProblem[];
  /** What a commit would add, change and leave alone (all 0 when there are problems). */
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Series the rows belong to, and how many of them a commit would create. */
  readonly series: number;
  readonly newSeries: number;
  /** The earliest and latest period in the file (ISO dates), null when no row was read. */
  readonly firstPeriod: string | null;
  readonly lastPeriod: string | null;
  /** Earlier successful imports of the same file, newest first. */
  readonly sameFile: SameFile[];
}
