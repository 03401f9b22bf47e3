/**
 * @module components/goals/RequirementCard
 * One outcome requirement: what it asks (measure, target, date), and its progress as the reader
 * may see it — the provider's own series of the measure judged against the target, the provider's
 * goals linked to it with their status, and its projects. The commissioner's managers may change or
 * remove it; the provider's goal managers link and unlink their goals.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { assuranceName, variationName } from '../dashboard/format';
import { AssuranceIcon, VariationIcon } from '../Icons';
import { ErrorSummary, QueryState } from '../QueryState';
import type { Goal } from './goals';
import { changeGoal, goalKeys, goalValue, latestWords } from './goals';
import type { Progress, Requirement } from './requirements';
import { requirementKeys, useProgress } from './requirements';
import { StatusTag } from './StatusTag';
import { longDate } from '@groundswell/charts';

/** A requirement's target in words, as its measure reads ("95%"), once its progress says the type. */
function targetWords(requirement: Requirement, progress: Progress | undefined): string {
  const dataType = progress?.measureDataType ?? 'value';
  return `${goalValue({ dataType, unitLabel: '' }, requirement.target)} by ${longDate(requirement.dueBy)}`;
}

function LinkGoal({
  requirement,
  goals,
}: {
  requirement: Requirement;
  /** The provider's goals that answer no requirement yet. */
  goals: readonly Goal[];
}): React.JSX.Element {
  const client = useQueryClient();
  const [goalId, setGoalId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `link-goal-${requirement.id}`;
  const link = useMutation({
    mutationFn: (goal: string) => changeGoal(goal, { requirementId: requirement.id }),
    onSuccess: async () => {
      setGoalId('');
      await client.invalidateQueries({ queryKey: requirementKeys.progress(requirement.id) });
      await client.invalidateQueries({ queryKey: goalKeys.all(requirement.provider.odsCode) });
    },
  });
  if (goals.length === 0) {
    return <p>Every goal you can link already answers a requirement, or there are none yet.</p>;
  }
  return (
    <form
      noValidate
      className="gs-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (goalId === '') {
          setProblem('Choose the goal that answers this requirement');
          return;
        }
        setProblem(null);
        link.mutate(goalId);
      }}
    >
      <div className={`nhsuk-form-group${problem === null ? '' : ' nhsuk-form-group--error'}`}>
        <label className="nhsuk-label" htmlFor={id}>
          Link one of your goals to “{requirement.title}”
        </label>
        {problem !== null && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </span>
        )}
        <select
          className={`nhsuk-select${problem === null ? '' : ' nhsuk-select--error'}`}
          id={id}
          value={goalId}
          aria-describedby={problem === null ? undefined : `${id}-error`}
          onChange={(event) => {
            setGoalId(event.target.value);
          }}
        >
          <option value="">Choose a goal</option>
          {goals.map((goal) => (
            <option key={goal.id} value={goal.id}>
              {goal.title}
            </option>
          ))}
        </select>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {link.isPending ? 'Linking…' : 'Link the goal'}
      </button>
      {link.isError && <ErrorSummary title="The goal could not be linked" error={link.error} />}
    </form>
  );
}

function UnlinkGoal({ requirement, goal }: { requirement: Requirement; goal: Goal }): React.JSX.Element {
  const client = useQueryClient();
  const unlink = useMutation({
    mutationFn: () => changeGoal(goal.id, { requirementId: null }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: requirementKeys.progress(requirement.id) });
      await client.invalidateQueries({ queryKey: goalKeys.all(requirement.provider.odsCode) });
    },
  });
  return (
    <>
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        type="button"
        onClick={() => {
          unlink.mutate();
        }}
      >
        {unlink.isPending ? 'Unlinking…' : 'Unlink'}{' '}
        <span className="nhsuk-u-visually-hidden">the goal “{goal.title}”</span>
      </button>
      {unlink.isError && <ErrorSummary title="The goal could not be unlinked" error={unlink.error} />}
    </>
  );
}

function ProgressView({
  requirement,
  progress,
  linkable,
}: {
  requirement: Requirement;
  progress: Progress;
  /** The provider's goals that may be linked, for its goal managers; undefined for anyone else. */
  linkable: readonly Goal[] | undefined;
}): React.JSX.Element {
  const measure = progress.measureProgress;
  return (
    <>
      <h4>The provider&apos;s measure</h4>
      {measure === null ? (
        <p>
          {requirement.provider.name} publishes no organisation-wide series of this measure that you can see.
        </p>
      ) : (
        <div className="gs-goal">
          <p className="gs-goal__status">
            <StatusTag status={measure.status.status} />
            <span className="gs-goal__reason">{measure.status.reason}</span>
          </p>
          <p className="gs-goal__icons">
            <span aria-hidden="true" className="gs-goal__icon-images">
              <VariationIcon icon={measure.variation} size={32} />
              <AssuranceIcon icon={measure.assurance} size={32} />
            </span>
            <span>
              {variationName(measure.variation)}; {assuranceName(measure.assurance)}. Latest:{' '}
              {latestWords({
                measure: { dataType: progress.measureDataType ?? 'value', unitLabel: '', id: '', name: '' },
                latest: measure.latest,
              })}
              .
            </span>
          </p>
          <p>
            <Link to={`/series/${encodeURIComponent(measure.seriesId)}`}>
              The chart{' '}
              <span className="nhsuk-u-visually-hidden">of {progress.measureName ?? 'the measure'}</span>
            </Link>
          </p>
        </div>
      )}
      <h4>Goals answering it</h4>
      {progress.goals.length === 0 ? (
        <p>No goals that you can see are linked to it yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {progress.goals.map((goal) => (
            <li key={goal.id} className="gs-goal">
              <p className="gs-goal__status">
                <strong>{goal.title}</strong> <StatusTag status={goal.status.status} />
              </p>
              <p className="nhsuk-body-s">
                {goal.unitName ?? 'Whole organisation'}: target {goalValue(goal.measure, goal.target)} by{' '}
                {longDate(goal.deadline)}. {goal.status.reason}
              </p>
              {linkable !== undefined && <UnlinkGoal requirement={requirement} goal={goal} />}
            </li>
          ))}
        </ul>
      )}
      {linkable !== undefined && <LinkGoal requirement={requirement} goals={linkable} />}
      <h4>Projects answering it</h4>
      {progress.projects.length === 0 ? (
        <p>No projects that you can see are linked to it.</p>
      ) : (
        <ul className="nhsuk-list">
          {progress.projects.map((project) => (
            <li key={project.id}>
              <Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function requirementButtonId(requirement: Pick<Requirement, 'id'>, kind: 'edit' | 'remove'): string {
  return `requirement-${kind}-${requirement.id}`;
}

export function RequirementCard({
  requirement,
  side,
  linkable,
  onEdit,
  onRemove,
}: {
  requirement: Requirement;
  /** Which side the page is: the commissioner that set it, or the provider it is for. */
  side: 'commissioner' | 'provider';
  linkable?: readonly Goal[] | undefined;
  onEdit?: ((requirement: Requirement, proportion: boolean) => void) | undefined;
  onRemove?: ((requirement: Requirement) => void) | undefined;
}): React.JSX.Element {
  const progress = useProgress(requirement.id);
  const other = side === 'commissioner' ? requirement.provider : requirement.commissioner;
  return (
    <section className="gs-requirement" aria-labelledby={`requirement-${requirement.id}`}>
      <h3 id={`requirement-${requirement.id}`}>{requirement.title}</h3>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{side === 'commissioner' ? 'Provider' : 'Set by'}</dt>
          <dd className="nhsuk-summary-list__value">
            {other.name} ({other.odsCode})
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Measure</dt>
          <dd className="nhsuk-summary-list__value">{progress.data?.measureName ?? 'Not one you can see'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Target</dt>
          <dd className="nhsuk-summary-list__value">{targetWords(requirement, progress.data)}</dd>
        </div>
      </dl>
      {requirement.description !== '' && <p>{requirement.description}</p>}
      {(onEdit !== undefined || onRemove !== undefined) && (
        <div className="gs-goal__actions">
          {onEdit !== undefined && (
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              type="button"
              id={requirementButtonId(requirement, 'edit')}
              onClick={() => {
                onEdit(requirement, progress.data?.measureDataType === 'proportion');
              }}
            >
              Change <span className="nhsuk-u-visually-hidden">the requirement “{requirement.title}”</span>
            </button>
          )}
          {onRemove !== undefined && (
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              type="button"
              id={requirementButtonId(requirement, 'remove')}
              onClick={() => {
                onRemove(requirement);
              }}
            >
              Remove <span className="nhsuk-u-visually-hidden">the requirement “{requirement.title}”</span>
            </button>
          )}
        </div>
      )}
      <QueryState query={progress} what="its progress">
        {(data) => <ProgressView requirement={requirement} progress={data} linkable={linkable} />}
      </QueryState>
    </section>
  );
}
