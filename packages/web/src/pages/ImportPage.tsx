/**
 * @module pages/ImportPage
 * The import wizard (`/imports/new`): upload a CSV or Excel file for an organisation
 * (`?organisation=RF4` chooses it), match its columns, check every row, import it. Once a file is
 * uploaded the URL names the import (`?import=<id>`), so a refresh, or coming back later, resumes
 * where it was. Someone signed out is asked to sign in, and someone without the import role in any
 * organisation is told which role it needs, instead of a form the server would refuse.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { can } from '../api/permissions';
import type { SessionUser } from '../api/session';
import { Permitted, usePermission } from '../components/account/Permitted';
import { useOrganisations } from '../components/catalogue/organisations';
import { ImportWizard, StepTitle, wizardUrl } from '../components/import/ImportWizard';
import { UploadStep } from '../components/import/UploadStep';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../styles/import.css';

function Start({ organisation }: { organisation: string }): React.JSX.Element {
  const organisations = useOrganisations();
  const permission = usePermission('data.import', 'any');
  const user: SessionUser | null = permission.state === 'allowed' ? permission.user : null;
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <>
      <StepTitle step={1} title="Upload a file" />
      <p className="nhsuk-body-l">
        Add an organisation’s data from a spreadsheet or an extract. You will match its columns and see every
        problem before anything is written.
      </p>
      <Permitted action="data.import" organisation="any" to="import data" where="in an organisation">
        {organisations.isPending ? (
          <Loading what="organisations" />
        ) : organisations.isError ? (
          <ErrorSummary title="Could not load the organisations" error={organisations.error} />
        ) : (
          <UploadStep
            // Only the organisations the person may import into.
            organisations={organisations.data.filter((o) => can(user, 'data.import', { id: o.id }))}
            national={user?.platformAdmin === true}
            initialOrganisation={organisation}
            onUploaded={(uploaded) => {
              client.setQueryData(['import', uploaded.import.id], uploaded.import);
              void navigate(wizardUrl(uploaded.import.id));
            }}
          />
        )}
      </Permitted>
    </>
  );
}

export default function ImportPage(): React.JSX.Element {
  const [params] = useSearchParams();
  const id = params.get('import');
  if (id === null || id === '')
    return <Start key={params.get('organisation') ?? ''} organisation={params.get('organisation') ?? ''} />;
  return <Resume id={id} step={params.get('step')} />;
}

/** An import under way, for someone who may import (otherwise what they need, under the page's title). */
function Resume({ id, step }: { id: string; step: string | null }): React.JSX.Element {
  const permission = usePermission('data.import', 'any');
  if (permission.state === 'allowed') return <ImportWizard key={id} id={id} step={step} />;
  return (
    <>
      <StepTitle step={null} title="Import data" />
      <Permitted action="data.import" organisation="any" to="import data" where="in an organisation">
        {null}
      </Permitted>
    </>
  );
}
