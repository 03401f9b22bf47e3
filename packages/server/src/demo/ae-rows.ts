/**
 * @module demo/ae-rows
 * Reads the bundled A&E CSV (period,org_code,type,attendances,breaches,admissions).
 */
import { parse } from 'csv-parse/sync';

export interface AeRow {
  readonly period: string;
  readonly orgCode: string;
  readonly type: string;
  readonly attendances: number;
  readonly breaches: number;
  readonly admissions: number;
}

const COLUMNS = ['period', 'org_code', 'type', 'attendances', 'breaches', 'admissions'] as const;

/** Parses the A&E CSV, refusing anything that is not the expected shape. */
export function parseAeCsv(text: string): AeRow[] {
  const records: string[][] = parse(text, { bom: true, skip_empty_lines: true });
  const header = records[0];
  if (header?.join(',') !== COLUMNS.join(',')) {
    throw new Error(`The A&E demo file must have the columns ${COLUMNS.join(',')}`);
  }
  return records.slice(1).map((r, i) => {
    const n = (k: number): number => {
      const v = Number(r[k]);
      if (!Number.isFinite(v) || v < 0)
        throw new Error(`A&E demo file, row ${i + 2}: "${r[k]!}" is not a count`);
      return v;
    };
    return {
      period: r[0]!,
      orgCode: r[1]!,
      type: r[2]!,
      attendances: n(3),
      breaches: n(4),
      admissions: n(5),
    };
  });
}
