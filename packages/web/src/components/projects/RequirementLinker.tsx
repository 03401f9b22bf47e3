/**
 * @module components/projects/RequirementLinker
 * The commissioners' outcome requirements a project answers: listed for those who may read them,
 * and — for the organisation's goal managers (`goal.manage`, as the server requires) — linking
 * one of the requirements the organisation received, and unlinking. The commissioner then sees
 * the project under the requirement's progress only when the project is public or published.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { send } from '../../api/send';
import { Done, SelectField } from '../form';
import type { Requirement } from '../goals/requirements';
import { requirementKeys, useRequirementsReceived } from '../goals/requirements';
import { ErrorSummary } from '../QueryState';
import type { Project } from './data';
import { formatDay } from './labels';
import { useProjectChange } from './useProjectChange';

/** The requirements the project answers (under the project's keys: read again after any change). */
export function useProjectRequirements(id: string): UseQueryResult<{ items: Requirement[] }> {
  return useQuery({
    queryKey: ['projects', 'requirements', id],
    queryFn: () => data(api.GET('/api/v1/projects/{id}/requirements', { params: { path: { id } } })),
  });
}

function linkRequirement(requirementId: string, projectId: string, linked: boolean): Promise<unknown> {
  const params = { params: { path: { id: requirementId, projectId } } };
  return send(
    linked
      ? api.PUT('/api/v1/requirements/{id}/projects/{projectId}', params)
      : api.DELETE('/api/v1/requirements/{id}/projects/{projectId}', params),
  );
}

function describe(r: Requirement): string {
  return `${r.title} (${r.commissioner.name}, by ${formatDay(r.dueBy)})`;
}

export function RequirementLinker({
  project,
  editable,
}: {
  project: Project;
  /** Whether the reader manages the organisation's goals (links and unlinks). */
  editable: boolean;
}): React.JSX.Element {
  const client = useQueryClient();
  const linked = useProjectRequirements(project.id);
  const received = useRequirementsReceived(project.organisation.odsCode, editable);
  const change = useProjectChange();
  const [requirementId, setRequirementId] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const run = (action: () => Promise<unknown>, message: string): Promise<boolean> =>
    change.run(async () => {
      await action();
      await client.invalidateQueries({ queryKey: requirementKeys.all });
    }, message);
  const ids = new Set((linked.data?.items ?? []).map((r) => r.id));
  const choices = (received.data?.items ?? [])
    .filter((r) => !ids.has(r.id))
    .map((r) => ({ value: r.id, label: describe(r) }));
  const requirementsPage = `/organisations/${encodeURIComponent(project.organisation.odsCode)}/requirements`;
  return (
    <>
      {linked.isError ? (
        <ErrorSummary title="Could not load the requirements it answers" error={linked.error} />
      ) : linked.data === undefined ? (
        <p role="status">Loading the requirements…</p>
      ) : linked.data.items.length === 0 ? (
        <p>It answers no commissioner’s requirement yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {linked.data.items.map((r) => (
            <li key={r.id}>
              <Link to={requirementsPage}>{r.title}</Link>: set by {r.commissioner.name}, due by{' '}
              {formatDay(r.dueBy)}
              {editable && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="gs-link-button"
                    aria-label={`Unlink the requirement ${r.title}`}
                    onClick={() => {
                      void run(
                        () => linkRequirement(r.id, project.id, false),
                        `Unlinked the requirement ${r.title}.`,
                      );
                    }}
                  >
                    Unlink
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          noValidate
          aria-labelledby="link-requirement-heading"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = received.data?.items.find((r) => r.id === requirementId);
            if (chosen === undefined) {
              setProblem('Choose a requirement');
              document.getElementById('link-requirement')?.focus();
              return;
            }
            setProblem(undefined);
            void run(
              () => linkRequirement(chosen.id, project.id, true),
              `Linked the requirement ${chosen.title}.`,
            ).then((ok) => {
              if (ok) setRequirementId('');
            });
          }}
        >
          <h3 id="link-requirement-heading">Link a commissioner’s requirement</h3>
          {received.isError && (
            <ErrorSummary title="Could not load the organisation’s requirements" error={received.error} />
          )}
          <SelectField
            id="link-requirement"
            label="Requirement"
            hint={`One of the outcome requirements commissioners set for ${project.organisation.name} that this project works towards. The commissioner sees the project only once it is public or published.`}
            error={problem}
            value={requirementId}
            choices={[
              {
                value: '',
                label: received.isPending
                  ? 'Loading the requirements…'
                  : choices.length === 0
                    ? 'No other requirement to link'
                    : 'Choose a requirement',
              },
              ...choices,
            ]}
            onChange={setRequirementId}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            {change.pending ? 'Linking…' : 'Link the requirement'}
          </button>
        </form>
      )}
      {change.error !== null && (
        <ErrorSummary title="The requirement could not be changed" error={change.error} />
      )}
      <Done message={change.announcement === '' ? null : change.announcement} />
    </>
  );
}
