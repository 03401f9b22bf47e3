/**
 * @module pages/GoalsPage
 * An organisation's strategic aims and goals (`/organisations/:ref/goals`): how many goals are on
 * track, at risk, off track or without data, then each aim with its goals as the cascade
 * (organisation goal → unit goals). Each goal's status is derived from the SPC analysis of its
 * series, never typed, and comes with the reason in words. Those who manage goals (goal.manage)
 * add, change and remove aims and goals here; a unit lead adds, changes and removes the goals of
 * their own unit and the units under it (as the server allows); everyone else reads.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can } from '../api/permissions';
import { useSession } from '../api/session';
import { Permitted } from '../components/account/Permitted';
import { Breadcrumbs } from '../components/dashboard/Breadcrumbs';
import { useUnitTree } from '../components/dashboard/units';
import type { GoalCardActions } from '../components/goals/GoalCardActions';
import { goalButtonId } from '../components/goals/GoalCard';
import { GoalCascade } from '../components/goals/GoalCascade';
import type { Editing } from '../components/goals/GoalEditor';
import { GoalEditor } from '../components/goals/GoalEditor';
import type { Aim, Goal, GoalList, GoalNode } from '../components/goals/goals';
import { goalKeys, useAims, useGoals } from '../components/goals/goals';
import { StatusSummary } from '../components/goals/StatusSummary';
import { ledUnitIds, ledUnitName } from '../components/goals/unit-lead';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../components/goals/goals.css';

/** The id of the button that opened an editor, to hand focus back to. */
function openerId(editing: Editing): string {
  switch (editing.kind) {
    case 'add-aim':
      return 'add-aim';
    case 'add-goal':
      return editing.aimId === undefined ? 'add-goal' : `add-goal-${editing.aimId}`;
    case 'edit-aim':
      return `aim-edit-${editing.aim.id}`;
    case 'remove-aim':
      return `aim-remove-${editing.aim.id}`;
    case 'edit-goal':
      return goalButtonId(editing.goal, 'edit');
    case 'remove-goal':
      return goalButtonId(editing.goal, 'remove');
  }
}

function refocus(id: string): void {
  requestAnimationFrame(() => {
    document.getElementById(id)?.focus();
  });
}

/** The tree's top goals, grouped by the aim they are under (null: no aim, or one not listed). */
function byAim(tree: readonly GoalNode[], aims: readonly Aim[]): Map<string | null, GoalNode[]> {
  const known = new Set(aims.map((aim) => aim.id));
  const groups = new Map<string | null, GoalNode[]>();
  for (const node of tree) {
    const key = node.aimId !== null && known.has(node.aimId) ? node.aimId : null;
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  return groups;
}

function AimButtons({ aim, onEdit }: { aim: Aim; onEdit: (editing: Editing) => void }): React.JSX.Element {
  return (
    <div className="gs-goal__actions">
      <button
        className="nhsuk-button nhsuk-button--small"
        type="button"
        id={`add-goal-${aim.id}`}
        onClick={() => {
          onEdit({ kind: 'add-goal', aimId: aim.id });
        }}
      >
        Add a goal <span className="nhsuk-u-visually-hidden">under “{aim.title}”</span>
      </button>
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        type="button"
        id={`aim-edit-${aim.id}`}
        onClick={() => {
          onEdit({ kind: 'edit-aim', aim });
        }}
      >
        Change <span className="nhsuk-u-visually-hidden">the aim “{aim.title}”</span>
      </button>
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        type="button"
        id={`aim-remove-${aim.id}`}
        onClick={() => {
          onEdit({ kind: 'remove-aim', aim });
        }}
      >
        Remove <span className="nhsuk-u-visually-hidden">the aim “{aim.title}”</span>
      </button>
    </div>
  );
}

function Goals({
  odsCode,
  name,
  list,
  aims,
  manage,
  led,
  ledName,
}: {
  odsCode: string;
  name: string;
  list: GoalList;
  aims: readonly Aim[];
  manage: boolean;
  /** The units whose goals a unit lead (without goal.manage) manages; empty for everyone else. */
  led: ReadonlySet<string>;
  ledName: string | undefined;
}): React.JSX.Element {
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const groups = byAim(list.tree, aims);
  const loose = groups.get(null) ?? [];
  const unitLead = !manage && led.size > 0;
  const actions: GoalCardActions | undefined =
    manage || unitLead
      ? {
          ...(unitLead ? { may: (goal: Goal) => goal.unitId !== null && led.has(goal.unitId) } : {}),
          onEdit: (goal) => {
            setDone(null);
            setEditing({ kind: 'edit-goal', goal });
          },
          onRemove: (goal) => {
            setDone(null);
            setEditing({ kind: 'remove-goal', goal });
          },
        }
      : undefined;
  const open = (next: Editing): void => {
    setDone(null);
    setEditing(next);
  };

  return (
    <>
      <section aria-labelledby="goal-summary-heading">
        <h2 id="goal-summary-heading">
          {list.items.length === 1 ? '1 goal' : `${list.items.length} goals`} by status
        </h2>
        <StatusSummary goals={list.items} labelledBy="goal-summary-heading" />
        <p className="nhsuk-body-s">
          A goal&apos;s status is worked out from the SPC analysis of its measure — whether the process will
          meet the target by the deadline — and never typed in by hand. The reason is given under each goal.
        </p>
      </section>
      <p className="nhsuk-body-s gs-goal-done" role="status" tabIndex={-1} ref={doneRef}>
        {done ?? ''}
      </p>
      {manage && editing === null && (
        <div className="nhsuk-button-group">
          <button
            className="nhsuk-button"
            type="button"
            id="add-goal"
            onClick={() => {
              open({ kind: 'add-goal' });
            }}
          >
            Add a goal
          </button>
          <button
            className="nhsuk-button nhsuk-button--secondary"
            type="button"
            id="add-aim"
            onClick={() => {
              open({ kind: 'add-aim' });
            }}
          >
            Add a strategic aim
          </button>
        </div>
      )}
      {unitLead && editing === null && (
        <div className="nhsuk-button-group">
          <button
            className="nhsuk-button"
            type="button"
            id="add-goal"
            onClick={() => {
              open({ kind: 'add-goal' });
            }}
          >
            Add a goal for {ledName ?? 'your unit'}
          </button>
        </div>
      )}
      {editing !== null && (
        <GoalEditor
          odsCode={odsCode}
          editing={editing}
          aims={aims}
          list={list}
          seriesUnits={unitLead ? led : undefined}
          onDone={(message) => {
            setEditing(null);
            setDone(message);
            void client.invalidateQueries({ queryKey: goalKeys.all(odsCode) });
            requestAnimationFrame(() => doneRef.current?.focus());
          }}
          onCancel={() => {
            const id = openerId(editing);
            setEditing(null);
            refocus(document.getElementById(id) === null ? 'goal-summary-heading' : id);
          }}
        />
      )}
      {aims.length === 0 && list.items.length === 0 && (
        <p>{name} has not set any strategic aims or goals yet, or none that you can see.</p>
      )}
      {aims.map((aim) => {
        const nodes = groups.get(aim.id) ?? [];
        return (
          <section key={aim.id} className="gs-aim" aria-labelledby={`aim-${aim.id}`}>
            <h2 id={`aim-${aim.id}`}>
              <span className="nhsuk-caption-m">Strategic aim</span>
              {aim.title}
            </h2>
            {aim.description !== '' && <p>{aim.description}</p>}
            {manage && editing === null && <AimButtons aim={aim} onEdit={open} />}
            {nodes.length === 0 ? (
              <p>No goals under this aim yet.</p>
            ) : (
              <GoalCascade
                nodes={nodes}
                projects={list.projects}
                actions={actions}
                label={`Goals under “${aim.title}”`}
              />
            )}
          </section>
        );
      })}
      {loose.length > 0 && (
        <section className="gs-aim" aria-labelledby="aim-none">
          <h2 id="aim-none">Goals under no strategic aim</h2>
          <GoalCascade
            nodes={loose}
            projects={list.projects}
            actions={actions}
            label="Goals under no strategic aim"
          />
        </section>
      )}
    </>
  );
}

export default function GoalsPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const goals = useGoals(ref);
  const aims = useAims(ref);
  const user = useSession().data?.user ?? null;
  const name = organisation.data?.name;
  const odsCode = organisation.data?.odsCode ?? ref.toUpperCase();
  const manage = can(user, 'goal.manage', { id: organisation.data?.id, odsCode });
  const tree = useUnitTree(odsCode).data?.items ?? [];
  const led = manage ? new Set<string>() : ledUnitIds(user, organisation.data?.id, tree);
  const error = organisation.error ?? goals.error ?? aims.error;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Organisations' },
          { href: `/organisations/${encodeURIComponent(odsCode)}`, text: name ?? odsCode },
        ]}
      />
      <PageTitle caption={name ?? `ODS code ${odsCode}`}>Goals</PageTitle>
      <p className="nhsuk-body-l">
        The strategic aims{name === undefined ? '' : ` of ${name}`}, and the measurable goals under them: each
        a measure, a target and a deadline, cascaded from the organisation to its units.
      </p>
      <p>
        <Link to={`/organisations/${encodeURIComponent(odsCode)}/requirements`}>
          Outcome requirements from commissioners
        </Link>
      </p>
      {error !== null ? (
        <ErrorSummary title="Could not load the goals" error={error} />
      ) : goals.data === undefined || aims.data === undefined || organisation.data === undefined ? (
        <Loading what="the goals" />
      ) : (
        <>
          {!manage && led.size === 0 && (
            <Permitted
              action="goal.manage"
              organisation={{ id: organisation.data.id, odsCode }}
              to="add and change goals"
              where={`in ${organisation.data.name}`}
            >
              {null}
            </Permitted>
          )}
          <Goals
            odsCode={odsCode}
            name={organisation.data.name}
            list={goals.data}
            aims={aims.data.items}
            manage={manage}
            led={led}
            ledName={ledUnitName(user, organisation.data.id, tree)}
          />
        </>
      )}
    </>
  );
}
