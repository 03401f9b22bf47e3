/**
 * @module components/import/PreviewStep
 * Step 3: what the check of every row found. With problems: the error summary, the problems by
 * row, and two ways to fix them (change what the columns hold, or upload a corrected file).
 * Without: what the import will add, change and leave alone, and the button that imports it.
 */
import { useState } from 'react';
import type { Import, Uploaded } from './api';
import { CorrectedUpload } from './CorrectedUpload';
import { ErrorList } from './ErrorList';
import { formatDate, ImportFacts } from './ImportFacts';
import { ProblemsSummary } from './ProblemsSummary';
import { ProblemsTable } from './ProblemsTable';

export function PreviewStep({
  imported,
  organisation,
  onChangeMapping,
  onCorrected,
  onCommit,
  onDiscard,
}: {
  imported: Import;
  organisation: string;
  onChangeMapping: () => void;
  onCorrected: (uploaded: Uploaded) => Promise<void>;
  /** Starts the commit; rejects with the server's refusal. */
  onCommit: () => Promise<void>;
  onDiscard: () => void;
}): React.JSX.Element {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const preview = imported.preview;
  if (preview === null) return <p className="nhsuk-body">The file has not been checked yet.</p>;

  if (preview.problemCount > 0) {
    return (
      <>
        <ProblemsSummary problems={preview.problems} problemCount={preview.problemCount} />
        <ProblemsTable problems={preview.problems} problemCount={preview.problemCount} />
        <h2 className="nhsuk-heading-m">How to fix them</h2>
        <p className="nhsuk-body">
          If a column was matched to the wrong thing, change what the columns hold. If the file itself is
          wrong, correct it (in Excel, say) and upload the corrected copy.
        </p>
        <button className="nhsuk-button" type="button" onClick={onChangeMapping}>
          Change what the columns hold
        </button>
        <CorrectedUpload imported={imported} onUploaded={onCorrected} />
      </>
    );
  }

  const nothing = preview.added === 0 && preview.changed === 0;
  return (
    <>
      {refusal !== null && (
        <ErrorList title="The import could not start" errors={[{ target: null, message: refusal }]} />
      )}
      <p className="nhsuk-body-l">
        Every row is fine. Nothing has been imported yet: check what the import will do.
      </p>
      {preview.sameFile.length > 0 && (
        <div className="nhsuk-card nhsuk-card--warning">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">This file was imported before</h2>
            <p className="nhsuk-card__description">
              The same file was imported on {formatDate(preview.sameFile[0]!.startedAt)}
              {preview.sameFile.length > 1 ? ` (and ${preview.sameFile.length - 1} more times)` : ''}.
              Importing it again changes only points edited since.
            </p>
          </div>
        </div>
      )}
      <ImportFacts fileName={imported.fileName} organisation={organisation} preview={preview} done={false} />
      {nothing && (
        <p className="nhsuk-body">
          Every point in the file is already stored with the same value: importing it changes nothing.
        </p>
      )}
      <div className="gs-inline-form">
        <button
          className="nhsuk-button"
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setRefusal(null);
            onCommit().catch((error: unknown) => {
              setRefusal(error instanceof Error ? error.message : String(error));
              setBusy(false);
            });
          }}
        >
          {busy ? 'Starting the import…' : 'Import the data'}
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          disabled={busy}
          onClick={onChangeMapping}
        >
          Change what the columns hold
        </button>
      </div>
      <p className="nhsuk-body gs-discard">
        <button className="gs-link-button" type="button" disabled={busy} onClick={onDiscard}>
          Cancel and discard this upload
        </button>
      </p>
    </>
  );
}
