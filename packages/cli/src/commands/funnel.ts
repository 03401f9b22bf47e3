/**
 * @module commands/funnel
 * `groundswell funnel`: one row per organisation (unit) in, its position on a funnel plot out.
 */
import type { Readable } from 'node:stream';
import {
  funnel,
  SpcInputError,
  type FunnelResult,
  type FunnelType,
  type FunnelUnitInput,
} from '@groundswell/spc';
import { openInput } from '../input/open-input.js';
import { CliError, where } from '../errors.js';
import { parseNumber } from '../input/cells.js';
import { forEachRecord } from '../input/csv-records.js';
import { csvField } from '../output/csv.js';
import { fileSink, stdoutSink } from '../output/sink.js';

export interface FunnelFlags {
  readonly unit: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly type: FunnelType;
  readonly overdispersion: boolean;
  readonly limits?: string | undefined;
  readonly aggregate?: boolean | undefined;
  readonly highlight?: string | undefined;
  readonly format: 'csv' | 'json' | 'svg';
  readonly out?: string | undefined;
}

function parseLevels(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const levels: number[] = [];
  for (const t of text.split(',')) {
    const n = parseNumber(t);
    if (n === null || n <= 0 || n >= 100)
      throw new CliError(`--limits: "${t}" is not a percentage between 0 and 100`, 2);
    // A misused option is a usage error (exit 2); the engine would refuse it as bad input (1).
    if (levels.includes(n)) throw new CliError(`--limits: ${n} is given twice`, 2);
    levels.push(n);
  }
  return levels;
}

/** A unit's spreadsheet rows for a message: "row 3", "rows 2, 5" or "rows 2, 5, 9 and 33 more". */
function rowsText(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]!}`;
  if (rows.length <= 4) return `rows ${rows.join(', ')}`;
  return `rows ${rows.slice(0, 3).join(', ')} and ${rows.length - 3} more`;
}

interface UnitRows {
  readonly units: FunnelUnitInput[];
  /** Spreadsheet rows (header = row 1) of each unit, in the order of `units`. */
  readonly rows: number[][];
}

/** Reads one row per unit (or, with `--aggregate`, sums the rows of each unit). */
async function readUnits(input: Readable, flags: FunnelFlags): Promise<UnitRows> {
  const units = new Map<string, { numerator: number; denominator: number; rows: number[] }>();
  let header = null as string[] | null;
  let idx = { unit: -1, numerator: -1, denominator: -1 };
  let row = 1;
  const col = (name: string, option: string): number => {
    const i = header!.indexOf(name);
    if (i < 0)
      throw new CliError(
        `Column "${name}" (${option}) is not in the file; its columns are: ${header!.join(', ')}`,
      );
    return i;
  };
  await forEachRecord(input, (rec) => {
    if (header === null) {
      header = rec.map((h) => h.trim());
      idx = {
        unit: col(flags.unit, '--unit'),
        numerator: col(flags.numerator, '--numerator'),
        denominator: col(flags.denominator, '--denominator'),
      };
      return;
    }
    row++;
    const name = rec[idx.unit]!.trim();
    if (name === '') throw new CliError(`${where(row, flags.unit)}: the unit has no name`);
    const num = (i: number, column: string): number => {
      const v = parseNumber(rec[i]!);
      if (v === null) throw new CliError(`${where(row, column)}: "${rec[i]!}" is not a number`);
      return v;
    };
    const o = num(idx.numerator, flags.numerator);
    const d = num(idx.denominator, flags.denominator);
    // Checked row by row: with --aggregate a negative count could hide in a positive sum.
    if (o < 0) throw new CliError(`${where(row, flags.numerator)}: ${o} is negative`);
    if (d < 0) throw new CliError(`${where(row, flags.denominator)}: ${d} is negative`);
    const seen = units.get(name);
    if (seen === undefined) units.set(name, { numerator: o, denominator: d, rows: [row] });
    else if (flags.aggregate === true) {
      seen.numerator += o;
      seen.denominator += d;
      seen.rows.push(row);
    } else {
      throw new CliError(
        `${where(row, flags.unit)}: unit "${name}" appears again (first in row ${seen.rows[0]!}); give one row per unit, or --aggregate to add them up`,
      );
    }
  });
  if (header === null) throw new CliError('The CSV is empty: it needs a header row naming its columns');
  const list = [...units];
  return {
    units: list.map(([unit, u]) => ({ unit, numerator: u.numerator, denominator: u.denominator })),
    rows: list.map(([, u]) => u.rows),
  };
}

/** The promised CSV: unit,numerator,denominator,value,z,lower_L,upper_L…,outlier. */
export function funnelCsv(result: FunnelResult): string {
  const levelColumns = result.levels.flatMap((l) => [`lower_${l}`, `upper_${l}`]);
  let out = ['unit', 'numerator', 'denominator', 'value', 'z', ...levelColumns, 'outlier'].join(',') + '\n';
  for (const u of result.units) {
    out +=
      [
        csvField(u.unit),
        String(u.numerator),
        String(u.denominator),
        String(u.value),
        Number.isFinite(u.z) ? String(u.z) : u.z > 0 ? 'Inf' : '-Inf',
        ...u.limits.flatMap((l) => [String(l.lower), String(l.upper)]),
        u.outlier ?? '',
      ].join(',') + '\n';
  }
  return out;
}

export async function runFunnel(file: string | undefined, flags: FunnelFlags): Promise<void> {
  const limits = parseLevels(flags.limits);
  const { units, rows } = await readUnits(openInput(file), flags);
  let result: FunnelResult;
  try {
    result = funnel(units, { type: flags.type, overdispersion: flags.overdispersion, limits });
  } catch (e) {
    if (e instanceof SpcInputError) {
      // The engine numbers units by their place in its list ("row 2" is the second unit); name the
      // unit's rows as a spreadsheet shows them (header = row 1), every row of an aggregated unit.
      const unitRows = e.index === undefined ? undefined : rows[e.index];
      const message =
        unitRows === undefined
          ? e.message
          : e.message.replace(`(row ${e.index! + 1})`, `(${rowsText(unitRows)})`);
      throw new CliError(message);
    }
    throw e;
  }
  if (flags.highlight !== undefined && !units.some((u) => u.unit === flags.highlight)) {
    throw new CliError(`--highlight: no unit is called "${flags.highlight}"`, 2);
  }
  let text: string;
  if (flags.format === 'csv') text = funnelCsv(result);
  else if (flags.format === 'json')
    text =
      JSON.stringify(result, (_k, v: unknown) =>
        typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
      ) + '\n';
  else {
    const { renderFunnelChart } = await import('@groundswell/charts');
    text =
      renderFunnelChart(result, {
        highlight: flags.highlight,
        title: `${flags.numerator} / ${flags.denominator}`,
      }) + '\n';
  }
  const sink = flags.out === undefined ? stdoutSink() : fileSink(flags.out);
  try {
    await sink.write(text);
    await sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}
