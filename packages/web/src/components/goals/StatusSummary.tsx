/**
 * @module components/goals/StatusSummary
 * How many goals are on track, at risk, off track and without data: the first thing a board member
 * reads on the goals page.
 */
import type { Goal } from './goals';
import { countByStatus, STATUSES } from './goals';
import { StatusTag } from './StatusTag';

export function StatusSummary({
  goals,
  labelledBy,
}: {
  goals: readonly Pick<Goal, 'status'>[];
  labelledBy: string;
}): React.JSX.Element {
  const counts = countByStatus(goals);
  return (
    <ul className="nhsuk-list gs-goal-summary" aria-labelledby={labelledBy}>
      {STATUSES.map((s) => (
        <li key={s.value} className="gs-goal-summary__item">
          <span className="gs-goal-summary__count">{counts[s.value]}</span> <StatusTag status={s.value} />
        </li>
      ))}
    </ul>
  );
}
