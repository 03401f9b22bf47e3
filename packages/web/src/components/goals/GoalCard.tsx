/**
 * @module components/goals/GoalCard
 * One goal as the goals page shows it: its title, its status as a tag with the reason in words,
 * target and deadline, the latest value, its series' variation and assurance icons (with their
 * words), a link to the series' chart, its linked projects, and — for those who manage goals —
 * buttons to change or remove it.
 */
import { Link } from 'react-router';
import { AssuranceIcon, VariationIcon } from '../Icons';
import { assuranceName, variationName } from '../dashboard/format';
import type { Goal, LinkedProject } from './goals';
import { goalValue, latestWords } from './goals';
import { StatusTag } from './StatusTag';
import { longDate } from '@groundswell/charts';

/** The id of a goal's button (`edit` or `remove`), for handing focus back to it. */
export function goalButtonId(goal: Pick<Goal, 'id'>, kind: 'edit' | 'remove'): string {
  return `goal-${kind}-${goal.id}`;
}

export function GoalCard({
  goal,
  headingLevel = 3,
  projects,
  onEdit,
  onRemove,
}: {
  goal: Goal;
  headingLevel?: 3 | 4 | 5 | 6;
  /** Linked projects; undefined when the page does not list them. */
  projects?: readonly LinkedProject[] | undefined;
  onEdit?: ((goal: Goal) => void) | undefined;
  onRemove?: ((goal: Goal) => void) | undefined;
}): React.JSX.Element {
  const Heading = `h${headingLevel}` as 'h3';
  const where = goal.unitName ?? 'Whole organisation';
  return (
    <article className="gs-goal" aria-labelledby={`goal-${goal.id}`}>
      <Heading className="gs-goal__title" id={`goal-${goal.id}`}>
        {goal.title}
      </Heading>
      <p className="gs-goal__status">
        <StatusTag status={goal.status.status} />
        <span className="gs-goal__reason">{goal.status.reason}</span>
      </p>
      <dl className="nhsuk-summary-list gs-goal__facts">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Target</dt>
          <dd className="nhsuk-summary-list__value">
            {goalValue(goal.measure, goal.target)} by {longDate(goal.deadline)}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Measure</dt>
          <dd className="nhsuk-summary-list__value">
            <Link to={`/series/${encodeURIComponent(goal.seriesId)}`}>
              {goal.measure.name}
              <span className="nhsuk-u-visually-hidden">: the chart of {where}</span>
            </Link>
            , {where}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Latest</dt>
          <dd className="nhsuk-summary-list__value">{latestWords(goal)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">SPC</dt>
          <dd className="nhsuk-summary-list__value gs-goal__icons">
            <span aria-hidden="true" className="gs-goal__icon-images">
              <VariationIcon icon={goal.variation} size={32} />
              <AssuranceIcon icon={goal.assurance} size={32} />
            </span>
            <span>
              {variationName(goal.variation)}; {assuranceName(goal.assurance)}
            </span>
          </dd>
        </div>
        {projects !== undefined && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Projects</dt>
            <dd className="nhsuk-summary-list__value">
              {projects.length === 0 ? (
                'None linked'
              ) : (
                <ul className="nhsuk-list gs-goal__projects">
                  {projects.map((project) => (
                    <li key={project.id}>
                      <Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.title}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        )}
      </dl>
      {(onEdit !== undefined || onRemove !== undefined) && (
        <div className="gs-goal__actions">
          {onEdit !== undefined && (
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              type="button"
              id={goalButtonId(goal, 'edit')}
              onClick={() => {
                onEdit(goal);
              }}
            >
              Change <span className="nhsuk-u-visually-hidden">the goal “{goal.title}”</span>
            </button>
          )}
          {onRemove !== undefined && (
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              type="button"
              id={goalButtonId(goal, 'remove')}
              onClick={() => {
                onRemove(goal);
              }}
            >
              Remove <span className="nhsuk-u-visually-hidden">the goal “{goal.title}”</span>
            </button>
          )}
        </div>
      )}
    </article>
  );
}
