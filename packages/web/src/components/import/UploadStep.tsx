/**
 * @module components/import/UploadStep
 * Step 1: whose data the file holds (an organisation, or several in a national file with a
 * column of ODS codes), and the file itself.
 */
import { useState } from 'react';
import type { Schema } from '../../api/client';
import type { Uploaded } from './api';
import { ErrorList, FieldError } from './ErrorList';
import type { ErrorItem } from './ErrorList';
import { FileField, fileFieldMessage, UploadProgress, UploadRefusal } from './FileField';
import type { ChosenFile } from './FileField';
import { useUpload } from './useUpload';

type Organisation = Schema<'Organisation'>;

/** The organisation select's value for a national file. */
export const NATIONAL = 'national';

const FILE_HINT =
  'A CSV file or an Excel workbook (.xlsx) whose first row names the columns: one row per period, with ' +
  'columns for the period, the measure (or one measure for the whole file) and the numbers. Files that ' +
  'hold patient identifiers, such as NHS numbers, are refused.';

export function UploadStep({
  organisations,
  initialOrganisation,
  onUploaded,
  national = true,
}: {
  organisations: readonly Organisation[];
  /** Offer a national file (rows of many organisations): for platform administrators only. */
  national?: boolean;
  /** An ODS code from the URL, or `national`. */
  initialOrganisation: string;
  onUploaded: (uploaded: Uploaded) => void;
}): React.JSX.Element {
  const [organisation, setOrganisation] = useState(
    initialOrganisation.toUpperCase() === 'NATIONAL' ? NATIONAL : initialOrganisation.toUpperCase(),
  );
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [errors, setErrors] = useState<{ organisation?: string; file?: string }>({});
  const { state, error, upload, clearError } = useUpload();
  const busy = state.phase !== 'idle';
  const known =
    organisation === '' || organisation === NATIONAL || organisations.some((o) => o.odsCode === organisation);

  const summary: ErrorItem[] = [
    ...(errors.organisation ? [{ target: 'import-organisation', message: errors.organisation }] : []),
    ...(errors.file ? [{ target: 'import-file', message: errors.file }] : []),
  ];
  const fileMessage = errors.file ?? fileFieldMessage(error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = {
          ...(organisation === ''
            ? { organisation: 'Choose the organisation whose data the file holds' }
            : {}),
          ...(chosen === null ? { file: 'Choose a CSV or Excel file to upload' } : {}),
        };
        setErrors(found);
        clearError();
        if (chosen === null || organisation === '') return;
        void upload({
          organisation: organisation === NATIONAL ? null : organisation,
          file: chosen.file,
          fileName: chosen.file.name,
          sheet: chosen.sheet,
        }).then((uploaded) => {
          if (uploaded !== null) onUploaded(uploaded);
        });
      }}
    >
      {summary.length > 0 && <ErrorList title="There is a problem" errors={summary} />}
      {error !== null && summary.length === 0 && <UploadRefusal error={error} fileField="import-file" />}
      <div className={`nhsuk-form-group${errors.organisation ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor="import-organisation">
          Organisation
        </label>
        <div className="nhsuk-hint" id="import-organisation-hint">
          The organisation whose data the file holds. A national file, with a column of ODS codes, can hold
          several.
        </div>
        {errors.organisation && <FieldError id="import-organisation-error">{errors.organisation}</FieldError>}
        <select
          className={`nhsuk-select gs-import-organisation${errors.organisation ? ' nhsuk-select--error' : ''}`}
          id="import-organisation"
          aria-describedby={`import-organisation-hint${errors.organisation ? ' import-organisation-error' : ''}`}
          value={organisation}
          onChange={(event) => {
            setOrganisation(event.currentTarget.value);
          }}
        >
          <option value="">Choose an organisation</option>
          {!known && <option value={organisation}>{organisation}</option>}
          {organisations.map((org) => (
            <option key={org.id} value={org.odsCode}>
              {org.name} ({org.odsCode})
            </option>
          ))}
          {national && (
            <option value={NATIONAL}>
              Several organisations: a national file with a column of ODS codes
            </option>
          )}
        </select>
      </div>
      <FileField
        id="import-file"
        label="File to import"
        hint={FILE_HINT}
        error={fileMessage}
        sheetError={error?.uploadField === 'sheet' ? error.message : null}
        chosen={chosen}
        onChange={(next) => {
          setChosen(next);
          clearError();
        }}
      />
      <UploadProgress state={state} />
      <button className="nhsuk-button" type="submit" disabled={busy}>
        {busy ? 'Uploading…' : 'Upload file'}
      </button>
    </form>
  );
}
