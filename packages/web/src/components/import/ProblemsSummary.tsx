/**
 * @module components/import/ProblemsSummary
 * The NHS error summary of a preview's problems: how many in all, and how many of each kind
 * (with the columns they are in), each linking to the table of problems by row.
 */
import { ErrorList } from './ErrorList';
import { groupProblems, problemCountText } from './problems';
import type { ImportProblem } from './problems';

export function ProblemsSummary({
  problems,
  problemCount,
  committed = false,
}: {
  problems: readonly ImportProblem[];
  problemCount: number;
  /** True when a commit found them (the import failed) rather than a preview. */
  committed?: boolean | undefined;
}): React.JSX.Element {
  const groups = groupProblems(problems);
  const partial = problemCount > problems.length;
  return (
    <ErrorList
      title={`${problemCountText(problemCount)} in the file`}
      errors={groups.map((group) => ({
        target: 'problems',
        message: `${partial ? 'At least ' : ''}${group.text}${
          group.columns.length > 0 ? ` (${group.columns.map((c) => `“${c}”`).join(', ')})` : ''
        }`,
      }))}
    >
      <p>
        {committed ? 'The import stopped: nothing was written. ' : 'Nothing has been imported. '}
        Correct the file and upload it again, or change what the columns hold.
      </p>
    </ErrorList>
  );
}
