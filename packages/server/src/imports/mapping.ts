/**
 * @module imports/mapping
 * Which column of a file is which field: a mapping guessed from the header, and the checks a
 * mapping must pass before any row is read.
 */
import { parseNumber, parsePeriod } from '@groundswell/spc';
import { DataError } from '../errors.js';
import type { ColumnSource, FieldSource, ImportMapping } from './mapping-types.js';

type Field = keyof ImportMapping;

/** Header names (compared lower-case without spaces or punctuation) that suggest each field. */
const GUESSES: readonly (readonly [Field, RegExp])[] = [
  [
    'period',
    /^(period|periodstart|periodending|date|month|monthstart|week|weekstart|weekending|weekcommencing|day|reportingperiod|eventdate)$/,
  ],
  ['measure', /^(measure|measurecode|measureid|measurename|indicator|indicatorcode|metric|kpi)$/],
  ['unit', /^(unit|unitname|ward|wardname|team|teamname|department|service|location)$/],
  [
    'organisation',
    /^(org|orgcode|ods|odscode|organisation|organisationcode|organization|organizationcode|provider|providercode|trust|trustcode)$/,
  ],
  ['value', /^(value|count|total|number|result|score|events|observation)$/],
  ['numerator', /^(numerator|num|successes|met|within)$/],
  ['denominator', /^(denominator|denom|den|eligible|cases|population|exposure)$/],
  ['ghost', /^(ghost|ghosted|exclude|excluded)$/],
];

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The columns (not yet taken) whose sample cells are all non-empty and pass `test`. */
function columnsWhere(
  columns: readonly string[],
  sample: readonly (readonly string[])[],
  taken: ReadonlySet<string>,
  test: (cell: string) => boolean,
): string[] {
  if (sample.length === 0) return [];
  return columns.filter(
    (column, i) =>
      !taken.has(column) &&
      sample.every((row) => {
        const cell = (row[i] ?? '').trim();
        return cell !== '' && test(cell);
      }),
  );
}

/**
 * A mapping guessed from the header: each field gets the first column whose name suggests it.
 * Where no name suggests a period or a value, the sample rows may: the one column whose cells
 * are all dates, the one remaining column whose cells are all numbers. `measure` may stay unset
 * (a file of one measure names it as a fixed value instead).
 */
export function suggestMapping(
  columns: readonly string[],
  sample: readonly (readonly string[])[] = [],
): Partial<ImportMapping> {
  const taken = new Set<string>();
  const mapping: Partial<Record<Field, ColumnSource>> = {};
  for (const [field, pattern] of GUESSES) {
    const column = columns.find((c) => !taken.has(c) && pattern.test(squash(c)));
    if (column !== undefined) {
      mapping[field] = { column };
      taken.add(column);
    }
  }
  if (mapping.period === undefined) {
    const dates = columnsWhere(columns, sample, taken, (cell) => {
      const period = parsePeriod(cell);
      return period !== null && period.kind !== 'number';
    });
    if (dates.length === 1) {
      mapping.period = { column: dates[0]! };
      taken.add(dates[0]!);
    }
  }
  if (mapping.value === undefined && mapping.numerator === undefined && mapping.denominator === undefined) {
    const numbers = columnsWhere(columns, sample, taken, (cell) => parseNumber(cell) !== null);
    if (numbers.length === 1) mapping.value = { column: numbers[0]! };
  }
  return mapping;
}

/**
 * A mapping from the fields a person gave, completed by the suggested ones where they are silent.
 * A suggestion is dropped when it would map a column the person mapped to another field, or
 * when the person chose the other kind of number (a value, or a numerator and denominator).
 */
export function completeMapping(
  suggested: Partial<ImportMapping>,
  given: Partial<ImportMapping> = {},
): Partial<ImportMapping> {
  const used = new Set(
    Object.values(given).flatMap((source: FieldSource | undefined) =>
      source !== undefined && 'column' in source ? [source.column] : [],
    ),
  );
  const fraction = given.numerator !== undefined || given.denominator !== undefined;
  const kept = Object.entries(suggested).filter(([field, source]: [string, FieldSource | undefined]) => {
    if (source === undefined || field in given) return false;
    if ('column' in source && used.has(source.column)) return false;
    if (field === 'value' && fraction) return false;
    if ((field === 'numerator' || field === 'denominator') && given.value !== undefined) return false;
    return true;
  });
  return { ...Object.fromEntries(kept), ...given };
}

function invalid(field: string, message: string): DataError {
  return new DataError('invalid_input', message, { field: `mapping.${field}`, reason: 'invalid_mapping' });
}

function checkColumn(field: string, source: ColumnSource, columns: readonly string[]): void {
  if (typeof source.column !== 'string' || source.column === '') {
    throw invalid(`${field}.column`, `${field} needs the name of a column of the file`);
  }
  if (columns.includes(source.column)) return;
  const near = columns.find((c) => squash(c) === squash(source.column));
  throw invalid(
    `${field}.column`,
    `${field}: the file has no column "${source.column}"` +
      (near === undefined
        ? ` (its columns: ${columns.map((c) => `"${c}"`).join(', ')})`
        : ` (did you mean "${near}"?)`),
  );
}

function checkSource(field: string, source: FieldSource, columns: readonly string[]): void {
  if ('column' in source) {
    checkColumn(field, source, columns);
  } else if (typeof source.value !== 'string' || source.value.trim() === '') {
    throw invalid(`${field}.value`, `${field} needs a column or a value`);
  }
}

/**
 * Checks a mapping against the file's header: every column named exists, the period and the
 * measure are given, the numbers are a value or a numerator with a denominator, no column is used
 * twice, and an organisation is mapped exactly when the import is national.
 * @throws {DataError} `invalid_input` with `field` (`mapping.value.column`…).
 */
export function checkMapping(mapping: ImportMapping, columns: readonly string[], national: boolean): void {
  // The mapping may come from JSON: check the required members are there before reading them.
  const given = mapping as Partial<ImportMapping>;
  if (given.period === undefined) {
    throw invalid('period', 'map the column that holds each row’s period (a date)');
  }
  checkColumn('period', mapping.period, columns);
  if (given.measure === undefined) {
    throw invalid('measure', 'map the column that names each row’s measure, or give the measure’s code');
  }
  checkSource('measure', mapping.measure, columns);
  if (mapping.unit !== undefined) checkSource('unit', mapping.unit, columns);
  if (national && mapping.organisation === undefined) {
    throw invalid('organisation', 'an import for every organisation needs a column of ODS codes');
  }
  if (!national && mapping.organisation !== undefined) {
    throw invalid(
      'organisation',
      'this import belongs to one organisation: leave the organisation unmapped (upload to the national import to load several)',
    );
  }
  if (mapping.organisation !== undefined) checkSource('organisation', mapping.organisation, columns);
  for (const field of ['value', 'numerator', 'denominator', 'ghost'] as const) {
    const source = mapping[field];
    if (source !== undefined) checkColumn(field, source, columns);
  }
  const hasFraction = mapping.numerator !== undefined || mapping.denominator !== undefined;
  if (mapping.value === undefined && !hasFraction) {
    throw invalid('value', 'map a value column, or a numerator and a denominator column');
  }
  if (hasFraction && (mapping.numerator === undefined || mapping.denominator === undefined)) {
    throw invalid(
      mapping.numerator === undefined ? 'numerator' : 'denominator',
      'a numerator needs a denominator, and a denominator a numerator',
    );
  }
  const used = new Map<string, string>();
  for (const [field, source] of Object.entries(mapping) as [string, FieldSource | undefined][]) {
    if (source === undefined || !('column' in source)) continue;
    const other = used.get(source.column);
    if (other !== undefined) {
      throw invalid(
        `${field}.column`,
        `the column "${source.column}" is mapped to both ${other} and ${field}`,
      );
    }
    used.set(source.column, field);
  }
}
