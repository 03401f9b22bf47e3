/**
 * @module components/import/CommitStep
 * Step 4: the import running (a progress bar fed by polling the job), then its result: what it
 * added, changed and left alone, with links on; or, if it failed, why, and nothing written.
 */
import { Link } from 'react-router';
import { usePageTitle } from '../PageTitle';
import type { Import, Uploaded } from './api';
import { CorrectedUpload } from './CorrectedUpload';
import { ErrorList } from './ErrorList';
import { ImportFacts } from './ImportFacts';
import { ProblemsSummary } from './ProblemsSummary';
import { ProblemsTable } from './ProblemsTable';
import { ProgressBar } from './ProgressBar';

/** A running preview's or commit's progress. */
export function JobProgress({ imported }: { imported: Import }): React.JSX.Element {
  const checking = imported.status === 'previewing';
  const total = imported.progress.rowsTotal ?? imported.rowCount;
  const allRead = total !== null && total > 0 && imported.progress.rowsDone >= total;
  return (
    <>
      <ProgressBar
        label={checking ? `Checking every row of ${imported.fileName}` : `Importing ${imported.fileName}`}
        done={imported.progress.rowsDone}
        total={total}
        unit="rows"
      />
      {allRead && (
        <p className="nhsuk-body" role="status">
          Every row has been read.{' '}
          {checking
            ? 'Comparing them with the data already stored, to say what the import would change…'
            : 'Writing them…'}
        </p>
      )}
      <p className="nhsuk-body">
        {checking
          ? 'Nothing is written while the file is checked. You can leave this page and come back: the check goes on.'
          : 'The rows are written together at the end, all or none. You can leave this page and come back: the import goes on.'}
      </p>
    </>
  );
}

export function ImportDone({
  imported,
  organisation,
  organisationName,
  organisationRef,
}: {
  imported: Import;
  /** The organisation in words, with its ODS code. */
  organisation: string;
  organisationName: string;
  /** The organisation's ODS code (null: a national file). */
  organisationRef: string | null;
}): React.JSX.Element {
  usePageTitle('Import complete');
  const preview = imported.preview;
  const n = (value: number): string => value.toLocaleString('en-GB');
  const measure =
    imported.mapping !== null && 'value' in imported.mapping.measure ? imported.mapping.measure.value : null;
  const overview = organisationRef === null ? null : `/organisations/${encodeURIComponent(organisationRef)}`;
  return (
    <>
      <div className="nhsuk-panel gs-import-panel">
        <h1 className="nhsuk-panel__heading">Import complete</h1>
        <div className="nhsuk-panel__body">
          {imported.added === 1 ? '1 point' : `${n(imported.added)} points`} added, {n(imported.changed)}{' '}
          changed, {n(imported.unchanged)} left unchanged
        </div>
      </div>
      {preview !== null && (
        <ImportFacts
          fileName={imported.fileName}
          organisation={organisation}
          preview={{ ...preview, ...counts(imported) }}
          done
        />
      )}
      <h2 className="nhsuk-heading-m">What next</h2>
      <ul className="nhsuk-list">
        {overview === null ? (
          <li>
            <Link to="/">Choose an organisation to see its measures</Link>
          </li>
        ) : (
          <>
            {measure !== null && (
              <li>
                <Link to={`${overview}?measure=${encodeURIComponent(measure)}`}>
                  See the imported measure on {organisationName}’s dashboard
                </Link>
              </li>
            )}
            <li>
              <Link to={overview}>See {organisationName}’s overview</Link>
            </li>
          </>
        )}
        <li>
          <Link
            to={
              organisationRef === null
                ? '/imports/new?organisation=national'
                : `/imports/new?organisation=${encodeURIComponent(organisationRef)}`
            }
          >
            Import another file
          </Link>
        </li>
      </ul>
    </>
  );
}

function counts(imported: Import): { added: number; changed: number; unchanged: number } {
  return { added: imported.added, changed: imported.changed, unchanged: imported.unchanged };
}

export function ImportFailed({
  imported,
  onCorrected,
}: {
  imported: Import;
  onCorrected: (uploaded: Uploaded) => Promise<void>;
}): React.JSX.Element {
  const preview = imported.preview;
  const problems = preview !== null && preview.problemCount > 0 && preview.problems.length > 0;
  return (
    <>
      {problems ? (
        <ProblemsSummary problems={preview.problems} problemCount={preview.problemCount} committed />
      ) : (
        <ErrorList
          title="The import failed: nothing was written"
          errors={[
            {
              target: null,
              message: imported.error ?? 'The import stopped for a reason the server did not give.',
            },
          ]}
        />
      )}
      {problems && <ProblemsTable problems={preview.problems} problemCount={preview.problemCount} />}
      <h2 className="nhsuk-heading-m">Try again</h2>
      <p className="nhsuk-body">
        The uploaded file was deleted when the import stopped. Upload it again (corrected, if it had
        problems).
      </p>
      <CorrectedUpload imported={imported} onUploaded={onCorrected} />
    </>
  );
}
