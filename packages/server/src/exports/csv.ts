/**
 * @module exports/csv
 * A series and its analysis as CSV for a spreadsheet: a header, then one row per analysed point —
 * its period, numerator and denominator (proportions and rates), value, every analysis column of
 * the engine's table (`ANALYSIS_COLUMNS`, as the CLI writes them) and the annotation text — and
 * nothing else. Numbers unrounded, dates ISO. Pure.
 */
import { analysisCells, ANALYSIS_COLUMNS, csvField, numberCell } from '@groundswell/spc';
import type { SpcAnalysis } from '@groundswell/spc';
import type { Annotation } from '../annotations/repository.js';
import type { DataType } from '../db/schema/vocabulary.js';
import type { Observation } from '../observations/repository.js';

/** What the CSV is made of. */
export interface CsvSource {
  readonly analysis: SpcAnalysis;
  readonly dataType: DataType;
  /** The stored points (for numerators and denominators), any order. */
  readonly observations: readonly Pick<Observation, 'period' | 'numerator' | 'denominator'>[];
  /** The series' annotations, in the order to join them. */
  readonly annotations: readonly Pick<Annotation, 'period' | 'text'>[];
}

/** Several annotations on one point are joined with this. */
export const ANNOTATION_SEPARATOR = ' | ';

const isFraction = (dataType: DataType): boolean => dataType === 'proportion' || dataType === 'rate';

/** The columns of the CSV of a measure of `dataType`. */
export function csvColumns(dataType: DataType): string[] {
  return [
    'period',
    ...(isFraction(dataType) ? ['numerator', 'denominator'] : []),
    'value',
    ...ANALYSIS_COLUMNS,
    'annotation',
  ];
}

/**
 * Text a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) with a leading apostrophe, so that opening the file never runs it.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The CSV text (header first, every line ending in a line feed). */
export function seriesCsv(source: CsvSource): string {
  const { analysis, dataType } = source;
  const fraction = isFraction(dataType);
  const stored = new Map(source.observations.map((o) => [o.period, o]));
  const notes = new Map<string, string[]>();
  for (const { period, text } of source.annotations) {
    const list = notes.get(period) ?? [];
    list.push(text);
    notes.set(period, list);
  }
  const c = analysis.columns;
  const cells = analysisCells(analysis);
  let out = csvColumns(dataType).join(',') + '\n';
  for (let i = 0; i < c.values.length; i++) {
    const period = String(c.periods?.[i] ?? i);
    const point = fraction ? stored.get(period) : undefined;
    const note = notes.get(period);
    out +=
      csvField(period) +
      ',' +
      (fraction ? `${numberCell(point?.numerator ?? null)},${numberCell(point?.denominator ?? null)},` : '') +
      String(c.values[i]) +
      ',' +
      cells(i) +
      ',' +
      (note === undefined ? '' : csvField(spreadsheetText(note.join(ANNOTATION_SEPARATOR)))) +
      '\n';
  }
  return out;
}
