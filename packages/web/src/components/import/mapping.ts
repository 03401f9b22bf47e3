/**
 * @module components/import/mapping
 * The mapping form's state and its checks. A person says what each column of the file holds
 * (a `Choices` record: column → field), plus, when no column names them, one measure and one unit
 * for every row. That becomes the API's `ImportMapping`, and back again to show a stored mapping.
 */
import type { Schema } from '../../api/client';

export type ImportMapping = Schema<'ImportMapping'>;
type FieldSource = Schema<'FieldSource'>;

/** What a column can hold. */
export type Field =
  'period' | 'measure' | 'unit' | 'organisation' | 'value' | 'numerator' | 'denominator' | 'ghost';

export const FIELD_LABEL: Readonly<Record<Field, string>> = {
  period: 'Period (a date or month)',
  measure: 'Measure (its code or name)',
  unit: 'Unit or ward (its name or path)',
  organisation: 'Organisation (ODS code)',
  value: 'Value',
  numerator: 'Numerator',
  denominator: 'Denominator',
  ghost: 'Ghost flag (1, true or yes leaves the point out)',
};

/** The fields in the order the form lists them; `organisation` only for a national file. */
export function fieldsFor(national: boolean): Field[] {
  const fields: Field[] = ['period', 'measure', 'unit', 'value', 'numerator', 'denominator', 'ghost'];
  if (national) fields.splice(3, 0, 'organisation');
  return fields;
}

/** The mapping form's state. */
export interface Choices {
  /** Each column's field ('' for a column not imported), in the file's column order. */
  readonly columns: Readonly<Record<string, Field | ''>>;
  /** The measure code for every row, when no column is the measure. */
  readonly measure: string;
  /** The unit (name or path) for every row, when no column is the unit; '' is the organisation as a whole. */
  readonly unit: string;
}

/** The form's state for a mapping (stored or suggested); fields naming missing columns are dropped. */
export function choicesFromMapping(
  columns: readonly string[],
  mapping: Partial<ImportMapping> | null | undefined,
): Choices {
  const chosen: Record<string, Field | ''> = Object.fromEntries(columns.map((c) => [c, '']));
  let measure = '';
  let unit = '';
  for (const [field, source] of Object.entries(mapping ?? {}) as [Field, FieldSource | undefined][]) {
    if (source === undefined) continue;
    if ('column' in source) {
      if (columns.includes(source.column) && chosen[source.column] === '') chosen[source.column] = field;
    } else if (field === 'measure') {
      measure = source.value;
    } else if (field === 'unit') {
      unit = source.value;
    }
  }
  return { columns: chosen, measure, unit };
}

/** The column chosen for a field, if one is (the first, if several are). */
export function columnFor(choices: Choices, field: Field): string | undefined {
  return Object.keys(choices.columns).find((column) => choices.columns[column] === field);
}

/** A problem with the choices, and the form control it belongs to. */
export interface ChoiceError {
  /** The id of the control to fix (`column-2`, `fixed-measure`). */
  readonly target: string;
  readonly message: string;
}

/** The id of the select of the column at this index. */
export const columnControlId = (index: number): string => `column-${index}`;

/**
 * What is wrong with the choices, in the order of the form: a field chosen for two columns, no
 * period, no measure, no numbers (a value, or a numerator and a denominator), no organisation in
 * a national file.
 */
export function checkChoices(choices: Choices, national: boolean): ChoiceError[] {
  const columns = Object.keys(choices.columns);
  const errors: ChoiceError[] = [];
  const firstIndex = columns.length > 0 ? 0 : -1;
  const firstControl = firstIndex < 0 ? 'column-0' : columnControlId(firstIndex);
  const seen = new Map<Field, string>();
  columns.forEach((column, index) => {
    const field = choices.columns[column];
    if (field === undefined || field === '') return;
    const other = seen.get(field);
    if (other === undefined) {
      seen.set(field, column);
      return;
    }
    errors.push({
      target: columnControlId(index),
      message: `Choose one column for the ${field}: “${other}” and “${column}” are both the ${field}`,
    });
  });
  if (!seen.has('period')) {
    errors.push({ target: firstControl, message: 'Choose the column that holds each row’s period (a date)' });
  }
  if (!seen.has('measure') && choices.measure.trim() === '') {
    errors.push({
      target: 'fixed-measure',
      message: 'Choose the column that names each row’s measure, or the measure every row belongs to',
    });
  }
  if (national && !seen.has('organisation')) {
    errors.push({
      target: firstControl,
      message: 'Choose the column of ODS codes: a national file says which organisation each row is for',
    });
  }
  const numerator = seen.get('numerator');
  const denominator = seen.get('denominator');
  if (!seen.has('value') && numerator === undefined && denominator === undefined) {
    errors.push({
      target: firstControl,
      message: 'Choose the column of values, or the numerator and denominator columns',
    });
  } else if ((numerator === undefined) !== (denominator === undefined)) {
    const present = numerator ?? denominator ?? '';
    errors.push({
      target: columnControlId(columns.indexOf(present)),
      message:
        numerator === undefined
          ? 'Choose the numerator column too: a denominator needs a numerator'
          : 'Choose the denominator column too: a numerator needs a denominator',
    });
  } else if (seen.has('value') && numerator !== undefined) {
    errors.push({
      target: columnControlId(columns.indexOf(seen.get('value')!)),
      message: 'Choose either a value column or a numerator and denominator, not both',
    });
  }
  // In the order of the form: the columns, then the measure for every row.
  const order = (target: string): number =>
    target.startsWith('column-') ? Number(target.slice('column-'.length)) : columns.length;
  return errors
    .map((error, i) => ({ error, i }))
    .sort((a, b) => order(a.error.target) - order(b.error.target) || a.i - b.i)
    .map(({ error }) => error);
}

/** The mapping the choices describe (check them with `checkChoices` first). */
export function mappingFromChoices(choices: Choices): ImportMapping {
  const mapping: Partial<Record<Field, FieldSource>> = {};
  for (const [column, field] of Object.entries(choices.columns)) {
    if (field !== '' && mapping[field] === undefined) mapping[field] = { column };
  }
  if (mapping.measure === undefined && choices.measure.trim() !== '') {
    mapping.measure = { value: choices.measure.trim() };
  }
  if (mapping.unit === undefined && choices.unit.trim() !== '') mapping.unit = { value: choices.unit.trim() };
  return mapping as ImportMapping;
}

/** True when every column the mapping names is one of `columns` (a corrected file with the same header). */
export function mappingFits(mapping: ImportMapping, columns: readonly string[]): boolean {
  return Object.values(mapping).every(
    (source: FieldSource | undefined) =>
      source === undefined || !('column' in source) || columns.includes(source.column),
  );
}

/** A mapping for a new file: the earlier one's fields whose columns it still has, then the suggestion's. */
export function carryMapping(
  earlier: ImportMapping | null,
  suggested: Partial<ImportMapping>,
  columns: readonly string[],
): Partial<ImportMapping> {
  const kept = Object.entries(earlier ?? {}).filter(
    ([, source]: [string, FieldSource | undefined]) =>
      source !== undefined && (!('column' in source) || columns.includes(source.column)),
  );
  const used = new Set(
    kept.flatMap(([, source]: [string, FieldSource]) => ('column' in source ? [source.column] : [])),
  );
  const keptFields = new Set(kept.map(([field]) => field));
  const numbers = ['value', 'numerator', 'denominator'];
  const keptNumbers = numbers.some((field) => keptFields.has(field));
  const added = Object.entries(suggested).filter(
    ([field, source]: [string, FieldSource | undefined]) =>
      source !== undefined &&
      !keptFields.has(field) &&
      !(keptNumbers && numbers.includes(field)) &&
      !('column' in source && used.has(source.column)),
  );
  return Object.fromEntries([...added, ...kept]);
}

/** A few of a column's values from the sample rows: the first distinct non-empty ones. */
export function sampleValues(sample: readonly (readonly string[])[], index: number, count = 3): string[] {
  const values: string[] = [];
  for (const row of sample) {
    const cell = (row[index] ?? '').trim();
    if (cell !== '' && !values.includes(cell)) values.push(cell);
    if (values.length === count) break;
  }
  return values;
}
