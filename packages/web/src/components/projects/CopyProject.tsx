/**
 * @module components/projects/CopyProject
 * "Copy to my organisation": starts a project in one's own organisation from a published one (its
 * aim, driver diagram and the shared measures recorded there); the person chooses the organisation
 * when they belong to several, and goes to the new project.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { can } from '../../api/permissions';
import { useSession } from '../../api/session';
import { SignInPrompt } from '../account/Permitted';
import { ErrorSummary } from '../QueryState';
import type { Project } from './data';
import { copyProject, refreshProjects } from './data';
import { SelectField } from '../form';

export function CopyProject({
  project,
}: {
  project: Pick<Project, 'id' | 'title'>;
}): React.JSX.Element | null {
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const user = session.data?.user ?? null;
  const organisations = (user?.memberships ?? []).filter((m) =>
    can(user, 'project.start', { id: m.organisationId }),
  );
  const [choice, setChoice] = useState('');
  const mutation = useMutation({
    mutationFn: (ref: string) => copyProject(project.id, ref),
    onSuccess: async (copy) => {
      await refreshProjects(client);
      void navigate(`/projects/${copy.id}`);
    },
  });
  if (session.isPending) return null;
  if (user === null) return <SignInPrompt to="copy this project to your organisation" />;
  if (organisations.length === 0)
    return <p>You can copy it once you belong to an organisation that may start projects.</p>;
  const chosen = organisations.length === 1 ? organisations[0]!.odsCode : choice;
  return (
    <form
      noValidate
      aria-label="Copy to my organisation"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen === '' || mutation.isPending) return;
        mutation.mutate(chosen);
      }}
    >
      <p>
        Start a project{' '}
        {organisations.length === 1 ? `in ${organisations[0]!.organisationName}` : 'in your organisation'}{' '}
        with this one’s aim and driver diagram, and the shared measures your organisation records. You lead
        it.
      </p>
      {organisations.length > 1 && (
        <SelectField
          id="copy-organisation"
          label="Organisation"
          error={undefined}
          value={choice}
          choices={[
            { value: '', label: 'Choose an organisation' },
            ...organisations.map((m) => ({ value: m.odsCode, label: m.organisationName })),
          ]}
          onChange={setChoice}
        />
      )}
      {mutation.isError && <ErrorSummary title="The project could not be copied" error={mutation.error} />}
      <button className="nhsuk-button" type="submit" disabled={chosen === ''}>
        {mutation.isPending ? 'Copying…' : 'Copy to my organisation'}
      </button>
    </form>
  );
}
