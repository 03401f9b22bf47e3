/**
 * @module pages/RequirementsPage
 * Outcome requirements (`/organisations/:ref/requirements`). For a commissioner: the requirements
 * it set for providers (its requirement managers add, change and remove them) and each one's
 * progress — only what each provider publishes. For a provider: the requirements commissioners
 * set for it, with their progress, and for its goal managers a way to link its goals to them.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can } from '../api/permissions';
import { useSession } from '../api/session';
import { Permitted } from '../components/account/Permitted';
import type { Goal } from '../components/goals/goals';
import { useGoals } from '../components/goals/goals';
import { RequirementCard, requirementButtonId } from '../components/goals/RequirementCard';
import { RequirementForm } from '../components/goals/RequirementForm';
import type { Requirement } from '../components/goals/requirements';
import {
  removeRequirement,
  requirementKeys,
  useRequirementsReceived,
  useRequirementsSet,
  useSharedMeasures,
} from '../components/goals/requirements';
import { ConfirmChange } from '../components/members/ConfirmChange';
import type { Organisation } from '../components/members/members';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import '../components/goals/goals.css';

function refocus(id: string): void {
  requestAnimationFrame(() => {
    document.getElementById(id)?.focus();
  });
}

type Editing =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly requirement: Requirement; readonly proportion: boolean }
  | { readonly kind: 'remove'; readonly requirement: Requirement };

function Commissioner({ org }: { org: Organisation }): React.JSX.Element {
  const client = useQueryClient();
  const user = useSession().data?.user ?? null;
  const manage = can(user, 'requirement.manage', { id: org.id, odsCode: org.odsCode });
  const requirements = useRequirementsSet(org.odsCode, true);
  const measures = useSharedMeasures();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const finish = (message: string): void => {
    setEditing(null);
    setDone(message);
    void client.invalidateQueries({ queryKey: requirementKeys.all });
    requestAnimationFrame(() => doneRef.current?.focus());
  };
  const cancel = (id: string): void => {
    setEditing(null);
    refocus(id);
  };
  const remove = useMutation({
    mutationFn: (requirement: Requirement) => removeRequirement(org.odsCode, requirement.id),
    onSuccess: (_r, requirement) => {
      finish(`The requirement “${requirement.title}” has been removed.`);
    },
  });

  return (
    <>
      <p className="nhsuk-body-l">
        The outcome requirements {org.name} set for providers, and their progress.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          You see only what each provider publishes to you: its measures and goals that are public (or
          internal, if it gave you internal access) and its published projects — never its internal work.
        </p>
      </div>
      <p className="nhsuk-body-s" role="status" tabIndex={-1} ref={doneRef}>
        {done ?? ''}
      </p>
      <Permitted
        action="requirement.manage"
        organisation={{ id: org.id, odsCode: org.odsCode }}
        to="set requirements"
        where={`in ${org.name}`}
      >
        {editing === null && (
          <button
            className="nhsuk-button"
            type="button"
            id="add-requirement"
            onClick={() => {
              setDone(null);
              setEditing({ kind: 'add' });
            }}
          >
            Set an outcome requirement
          </button>
        )}
      </Permitted>
      {editing !== null && editing.kind !== 'remove' && (
        <QueryState query={measures} what="the shared measures">
          {(list) => (
            <RequirementForm
              key={editing.kind === 'edit' ? editing.requirement.id : 'add'}
              odsCode={org.odsCode}
              requirement={editing.kind === 'edit' ? editing.requirement : undefined}
              proportion={editing.kind === 'edit' ? editing.proportion : undefined}
              measures={list}
              onSaved={(saved) => {
                finish(
                  editing.kind === 'add'
                    ? `The requirement “${saved.title}” has been set for ${saved.provider.name}.`
                    : `The requirement “${saved.title}” has been saved.`,
                );
              }}
              onCancel={() => {
                cancel(
                  editing.kind === 'edit'
                    ? requirementButtonId(editing.requirement, 'edit')
                    : 'add-requirement',
                );
              }}
            />
          )}
        </QueryState>
      )}
      {editing !== null && editing.kind === 'remove' && (
        <ConfirmChange
          id="requirement-remove"
          title={`Remove the requirement “${editing.requirement.title}”?`}
          yes="Yes, remove it"
          no="No, keep it"
          pending={remove.isPending}
          error={remove.isError ? remove.error : null}
          errorTitle="The requirement could not be removed"
          onConfirm={() => {
            remove.mutate(editing.requirement);
          }}
          onCancel={() => {
            remove.reset();
            cancel(requirementButtonId(editing.requirement, 'remove'));
          }}
        >
          <p>{editing.requirement.provider.name}&apos;s goals linked to it stay, answering no requirement.</p>
        </ConfirmChange>
      )}
      <h2>Requirements you set</h2>
      <QueryState query={requirements} what="the requirements">
        {({ items }) =>
          items.length === 0 ? (
            <p>{org.name} has not set any outcome requirements yet, or none that you can see.</p>
          ) : (
            <>
              {items.map((requirement) => (
                <RequirementCard
                  key={requirement.id}
                  requirement={requirement}
                  side="commissioner"
                  onEdit={
                    manage
                      ? (r, proportion) => {
                          setDone(null);
                          setEditing({ kind: 'edit', requirement: r, proportion });
                        }
                      : undefined
                  }
                  onRemove={
                    manage
                      ? (r) => {
                          setDone(null);
                          remove.reset();
                          setEditing({ kind: 'remove', requirement: r });
                        }
                      : undefined
                  }
                />
              ))}
            </>
          )
        }
      </QueryState>
    </>
  );
}

function Provider({ org }: { org: Organisation }): React.JSX.Element {
  const user = useSession().data?.user ?? null;
  const linker = can(user, 'goal.manage', { id: org.id, odsCode: org.odsCode });
  const requirements = useRequirementsReceived(org.odsCode, true);
  const goals = useGoals(org.odsCode);
  const linkable: readonly Goal[] | undefined = linker
    ? (goals.data?.items ?? []).filter((goal) => goal.requirementId === null)
    : undefined;
  return (
    <>
      <p className="nhsuk-body-l">
        What commissioners require of {org.name}, and how its goals and projects answer each requirement.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          A commissioner sees only what {org.name} publishes to it: measures and goals that are public (or
          internal, if {org.name} gave it internal access) and published projects. It never sees internal
          work, and it cannot change anything here.
        </p>
      </div>
      {!linker && (
        <Permitted
          action="goal.manage"
          organisation={{ id: org.id, odsCode: org.odsCode }}
          to="link goals to requirements"
          where={`in ${org.name}`}
        >
          {null}
        </Permitted>
      )}
      <h2>Requirements received</h2>
      <QueryState query={requirements} what="the requirements">
        {({ items }) =>
          items.length === 0 ? (
            <p>No commissioner has set an outcome requirement for {org.name} that you can see.</p>
          ) : (
            <>
              {items.map((requirement) => (
                <RequirementCard
                  key={requirement.id}
                  requirement={requirement}
                  side="provider"
                  linkable={linkable}
                />
              ))}
            </>
          )
        }
      </QueryState>
      <p>
        <Link to={`/organisations/${encodeURIComponent(org.odsCode)}/goals`}>The goals of {org.name}</Link>
      </p>
    </>
  );
}

export default function RequirementsPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Outcome requirements</PageTitle>
      <QueryState query={organisation} what="the organisation">
        {(org) => (org.kind === 'commissioner' ? <Commissioner org={org} /> : <Provider org={org} />)}
      </QueryState>
    </>
  );
}
