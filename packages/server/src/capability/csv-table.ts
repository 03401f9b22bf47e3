/**
 * @module capability/csv-table
 * The shape of an uploaded CSV file, checked the same way for every capability import (training
 * records, people's units): valid CSV (csv-parse), a header row naming each required column by one
 * of its accepted names (any case), at least one row and at most MAX_ROWS. Every problem is given
 * with its row (the header is row 1) and column; the cells are then the importer's to check.
 */
import { parse } from 'csv-parse/sync';

/** The most rows one file may hold. */
export const MAX_ROWS = 10_000;

/** One problem of a file: its row (the header is row 1), its column, and what is wrong. */
export interface CsvProblem {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

/** A column: the header names accepted for it, the name problems call it by, whether it must be there. */
export interface CsvColumn {
  readonly names: readonly string[];
  readonly label: string;
  readonly required: boolean;
}

/** A file's rows with each column's cell (trimmed; '' for an absent optional column). */
export interface CsvTable<K extends string> {
  readonly rows: { readonly row: number; readonly cells: Readonly<Record<K, string>> }[];
}

/** The file's rows by column, or every problem of its shape. */
export function readCsvTable<K extends string>(
  text: string,
  columns: Readonly<Record<K, CsvColumn>>,
): CsvTable<K> | { readonly problems: CsvProblem[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const row = (error as { lines?: number }).lines ?? 1;
    return {
      problems: [{ row, column: '', message: `The file is not valid CSV: ${(error as Error).message}` }],
    };
  }
  const [header, ...body] = records;
  if (header === undefined) {
    return {
      problems: [
        { row: 1, column: '', message: 'The file is empty: it needs a header row and at least one row.' },
      ],
    };
  }
  const names = header.map((h) => h.trim().toLowerCase());
  const keys = Object.keys(columns) as K[];
  const index = {} as Record<K, number>;
  const problems: CsvProblem[] = [];
  for (const key of keys) {
    const column = columns[key];
    index[key] = names.findIndex((n) => column.names.includes(n));
    if (index[key] < 0 && column.required) {
      problems.push({ row: 1, column: column.label, message: `The header has no ${column.label} column.` });
    }
  }
  if (body.length === 0)
    problems.push({ row: 2, column: '', message: 'The file has no rows after the header.' });
  if (body.length > MAX_ROWS) {
    problems.push({ row: MAX_ROWS + 2, column: '', message: `A file may hold at most ${MAX_ROWS} rows.` });
  }
  if (problems.length > 0) return { problems };
  return {
    rows: body.map((cells, i) => ({
      row: i + 2,
      cells: Object.fromEntries(
        keys.map((key) => [key, index[key] < 0 ? '' : (cells[index[key]] ?? '').trim()]),
      ) as Record<K, string>,
    })),
  };
}
