/**
 * @module components/import/problems
 * A preview's problems in words: grouped by kind for the error summary ("2 periods that are not
 * dates"), and each problem's message without the row and column the table already shows.
 */
import type { Schema } from '../../api/client';

export type ImportProblem = Schema<'ImportProblem'>;

/** Each problem code in words, one and many. */
const KINDS: Readonly<Record<string, readonly [string, string]>> = {
  invalid_period: ['period that is not a date', 'periods that are not dates'],
  period_required: ['empty period', 'empty periods'],
  unknown_measure: ['measure Groundswell does not know', 'measures Groundswell does not know'],
  unknown_unit: ['unit the organisation does not have', 'units the organisation does not have'],
  unknown_organisation: ['unknown ODS code', 'unknown ODS codes'],
  not_a_number: ['cell that is not a number', 'cells that are not numbers'],
  negative: ['negative number', 'negative numbers'],
  not_a_count: ['count that is not a whole number', 'counts that are not whole numbers'],
  value_required: ['missing value', 'missing values'],
  numerator_required: ['missing numerator', 'missing numerators'],
  denominator_required: ['missing denominator', 'missing denominators'],
  numerator_exceeds_denominator: ['numerator above its denominator', 'numerators above their denominators'],
  zero_denominator: ['denominator of zero', 'denominators of zero'],
  invalid_ghost: ['ghost flag that is not yes or no', 'ghost flags that are not yes or no'],
  duplicate_point: ['period repeated for the same series', 'periods repeated for the same series'],
  extra_cells: ['row with more cells than columns', 'rows with more cells than columns'],
};

function kind(code: string, count: number): string {
  const words = KINDS[code];
  if (words !== undefined) return count === 1 ? words[0] : words[1];
  const plain = code.replaceAll('_', ' ');
  return count === 1 ? `problem: ${plain}` : `problems: ${plain}`;
}

export interface ProblemGroup {
  readonly code: string;
  readonly count: number;
  /** "2 periods that are not dates" */
  readonly text: string;
  /** The columns these problems are in. */
  readonly columns: readonly string[];
}

/** The problems grouped by code, the most frequent first. */
export function groupProblems(problems: readonly ImportProblem[]): ProblemGroup[] {
  const groups = new Map<string, { count: number; columns: Set<string> }>();
  for (const problem of problems) {
    const group = groups.get(problem.code) ?? { count: 0, columns: new Set<string>() };
    group.count++;
    if (problem.column !== null) group.columns.add(problem.column);
    groups.set(problem.code, group);
  }
  return [...groups.entries()]
    .map(([code, { count, columns }]) => ({
      code,
      count,
      text: `${count.toLocaleString('en-GB')} ${kind(code, count)}`,
      columns: [...columns],
    }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** A problem's message without its "Row 5, column "Date": " prefix (the table shows both). */
export function problemText(problem: ImportProblem): string {
  const prefix =
    problem.row === null
      ? ''
      : `Row ${problem.row}${problem.column === null ? '' : `, column "${problem.column}"`}: `;
  const text =
    prefix !== '' && problem.message.startsWith(prefix)
      ? problem.message.slice(prefix.length)
      : problem.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "There is 1 problem" / "There are 1,234 problems". */
export function problemCountText(count: number): string {
  return count === 1 ? 'There is 1 problem' : `There are ${count.toLocaleString('en-GB')} problems`;
}
