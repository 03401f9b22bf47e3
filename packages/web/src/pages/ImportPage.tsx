/**
 * @module pages/ImportPage
 * The import wizard (`/imports/new`): upload a CSV or Excel file for an organisation
 * (`?organisation=RF4` chooses it), match its columns, check every row, import it. Once a file is
 * uploaded the URL names the import (`?import=<id>`), so a refresh, or coming back later, resumes
 * where it was.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useOrganisations } from '../components/catalogue/organisations';
import { ImportWizard, StepTitle, wizardUrl } from '../components/import/ImportWizard';
import { UploadStep } from '../components/import/UploadStep';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../styles/import.css';

function Start({ organisation }: { organisation: string }): React.JSX.Element {
  const organisations = useOrganisations();
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <>
      <StepTitle step={1} title="Upload a file" />
      <p className="nhsuk-body-l">
        Add an organisation’s data from a spreadsheet or an extract. You will match its columns and see every
        problem before anything is written.
      </p>
      {organisations.isPending ? (
        <Loading what="organisations" />
      ) : organisations.isError ? (
        <ErrorSummary title="Could not load the organisations" error={organisations.error} />
      ) : (
        <UploadStep
          organisations={organisations.data}
          initialOrganisation={organisation}
          onUploaded={(uploaded) => {
            client.setQueryData(['import', uploaded.import.id], uploaded.import);
            void navigate(wizardUrl(uploaded.import.id));
          }}
        />
      )}
    </>
  );
}

export default function ImportPage(): React.JSX.Element {
  const [params] = useSearchParams();
  const id = params.get('import');
  if (id === null || id === '')
    return <Start key={params.get('organisation') ?? ''} organisation={params.get('organisation') ?? ''} />;
  return <ImportWizard key={id} id={id} step={params.get('step')} />;
}
