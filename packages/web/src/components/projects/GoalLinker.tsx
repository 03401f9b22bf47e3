/**
 * @module components/projects/GoalLinker
 * The organisation's goals a project serves: each linked one with "Unlink", and linking another,
 * for those who manage the project.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../QueryState';
import type { Project } from './data';
import { linkGoal, unlinkGoal, useGoals } from './data';
import { useProjectChange } from './useProjectChange';
import { Done, SelectField } from '../form';

export function GoalLinker({ project }: { project: Project }): React.JSX.Element {
  const goals = useGoals(project.organisation.odsCode);
  const change = useProjectChange();
  const [goalId, setGoalId] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const linked = new Set(project.goals.map((g) => g.id));
  const choices = (goals.data?.items ?? [])
    .filter((g) => !linked.has(g.id))
    .map((g) => ({ value: g.id, label: g.title }));
  return (
    <>
      {project.goals.length === 0 ? (
        <p>It serves none of the organisation’s goals yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {project.goals.map((goal) => (
            <li key={goal.id}>
              <Link to={`/organisations/${project.organisation.odsCode}/goals`}>{goal.title}</Link>{' '}
              <button
                type="button"
                className="gs-link-button"
                aria-label={`Unlink the goal ${goal.title}`}
                onClick={() => {
                  void change.run(() => unlinkGoal(project.id, goal.id), `Unlinked the goal ${goal.title}.`);
                }}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        aria-labelledby="link-goal-heading"
        onSubmit={(event) => {
          event.preventDefault();
          if (goalId === '') {
            setProblem('Choose a goal');
            document.getElementById('link-goal')?.focus();
            return;
          }
          setProblem(undefined);
          const title = choices.find((c) => c.value === goalId)?.label ?? 'the goal';
          void change
            .run(() => linkGoal(project.id, goalId), `Linked the goal ${title}.`)
            .then((ok) => {
              if (ok) setGoalId('');
            });
        }}
      >
        <h3 id="link-goal-heading">Link a goal</h3>
        {goals.isError && (
          <ErrorSummary title="Could not load the organisation’s goals" error={goals.error} />
        )}
        <SelectField
          id="link-goal"
          label="Goal"
          hint="One of the organisation’s goals this project works towards."
          error={problem}
          value={goalId}
          choices={[
            { value: '', label: goals.isPending ? 'Loading the goals…' : 'Choose a goal' },
            ...choices,
          ]}
          onChange={setGoalId}
        />
        {change.error !== null && <ErrorSummary title="The goal could not be changed" error={change.error} />}
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {change.pending ? 'Linking…' : 'Link the goal'}
        </button>
        <Done message={change.announcement === '' ? null : change.announcement} />
      </form>
    </>
  );
}
