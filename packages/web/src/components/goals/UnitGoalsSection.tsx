/**
 * @module components/goals/UnitGoalsSection
 * A unit's goals on its page: its own and its sub-units' goals as the cascade, each with its
 * derived status, the goals above that they serve, and a link to all the organisation's goals.
 */
import { Link } from 'react-router';
import { QueryState } from '../QueryState';
import { GoalCascade } from './GoalCascade';
import { useUnitGoals } from './goals';
import { StatusTag } from './StatusTag';
import './goals.css';

export function UnitGoalsSection({
  odsCode,
  unitId,
  unitName,
}: {
  odsCode: string;
  unitId: string;
  unitName: string;
}): React.JSX.Element {
  const goals = useUnitGoals(odsCode, unitId);
  return (
    <section aria-labelledby="unit-goals">
      <h2 id="unit-goals">Goals of {unitName}</h2>
      <QueryState query={goals} what="the unit's goals">
        {(view) => (
          <>
            {view.tree.length === 0 ? (
              <p>{unitName} has no goals yet, or none that you can see.</p>
            ) : (
              <GoalCascade nodes={view.tree} label={`Goals of ${unitName}`} />
            )}
            {view.serves.length > 0 && (
              <>
                <h3>The goals they serve</h3>
                <ul className="nhsuk-list">
                  {view.serves.map((goal) => (
                    <li key={goal.id}>
                      {goal.title} <StatusTag status={goal.status.status} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </QueryState>
      <p>
        <Link to={`/organisations/${encodeURIComponent(odsCode)}/goals`}>Every goal of the organisation</Link>
      </p>
    </section>
  );
}
