import { describe, expect, it } from 'vitest';
import { groupProblems, problemCountText, problemText } from './problems';
import type { ImportProblem } from './problems';

const problem = (
  row: number | null,
  column: string | null,
  code: string,
  message: string,
): ImportProblem => ({
  row,
  column,
  code,
  message,
});

describe('import problems in words', () => {
  it('groups problems by kind, the most frequent first, with their columns', () => {
    const groups = groupProblems([
      problem(3, 'Month', 'invalid_period', 'Row 3, column "Month": "2024-02-31" is not a date'),
      problem(4, 'Falls', 'not_a_number', 'Row 4, column "Falls": "three" is not a number'),
      problem(5, 'Bed days', 'not_a_number', 'Row 5, column "Bed days": "x" is not a number'),
      problem(null, null, 'strange_thing', 'Something odd'),
    ]);
    expect(groups.map((g) => [g.text, g.columns])).toEqual([
      ['2 cells that are not numbers', ['Falls', 'Bed days']],
      ['1 period that is not a date', ['Month']],
      ['1 problem: strange thing', []],
    ]);
  });

  it('takes the row and column off a message, which the table shows in its own columns', () => {
    expect(
      problemText(problem(3, 'Month', 'invalid_period', 'Row 3, column "Month": "2024-02-31" is not a date')),
    ).toBe('"2024-02-31" is not a date');
    expect(problemText(problem(7, null, 'extra_cells', 'Row 7: the row has 6 cells'))).toBe(
      'The row has 6 cells',
    );
    expect(problemText(problem(null, null, 'x', 'the file is odd'))).toBe('The file is odd');
  });

  it('counts problems in words', () => {
    expect(problemCountText(1)).toBe('There is 1 problem');
    expect(problemCountText(1234)).toBe('There are 1,234 problems');
  });
});
