/**
 * @module components/import/FileField
 * The NHS file upload field for one CSV or Excel file; for a workbook of several worksheets, the
 * choice of the sheet to import. Also the upload's progress and the server's refusal, shown the
 * same way wherever a file is uploaded (the first upload, or a corrected file).
 */
import { useRef, useState } from 'react';
import type { UploadFailure } from './api';
import { isWorkbook } from './api';
import { ErrorList, FieldError } from './ErrorList';
import type { ErrorItem } from './ErrorList';
import { ProgressBar } from './ProgressBar';
import type { UploadState } from './useUpload';
import type { Sheet } from './workbook';
import { workbookSheets } from './workbook';

export interface ChosenFile {
  readonly file: File;
  /** The worksheet to read, for a workbook of several (undefined: the first). */
  readonly sheet: string | undefined;
}

export const ACCEPT =
  '.csv,.tsv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function FileField({
  id,
  label,
  hint,
  error,
  sheetError,
  chosen,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  sheetError?: string | null | undefined;
  chosen: ChosenFile | null;
  onChange: (chosen: ChosenFile | null) => void;
}): React.JSX.Element {
  const [sheets, setSheets] = useState<readonly Sheet[]>([]);
  /** The file last chosen: a workbook's sheets, read later, are shown only if it is still the one. */
  const latest = useRef<File | null>(null);
  const visible = sheets.filter((sheet) => !sheet.hidden);
  const describedBy = [`${id}-hint`, error === null ? null : `${id}-error`].filter(Boolean).join(' ');
  return (
    <>
      <div
        className={`nhsuk-form-group nhsuk-file-upload${error === null ? '' : ' nhsuk-form-group--error'}`}
      >
        <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
          {label}
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        {error !== null && <FieldError id={`${id}-error`}>{error}</FieldError>}
        <input
          className="nhsuk-file-upload__input"
          id={id}
          name={id}
          type="file"
          accept={ACCEPT}
          aria-describedby={describedBy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0] ?? null;
            latest.current = file;
            setSheets([]);
            onChange(file === null ? null : { file, sheet: undefined });
            if (file !== null && isWorkbook(file.name)) {
              void workbookSheets(file).then((found) => {
                if (latest.current !== file) return;
                setSheets(found);
                const first = found.find((sheet) => !sheet.hidden);
                if (found.length > 1 && first !== undefined) onChange({ file, sheet: first.name });
              });
            }
          }}
        />
      </div>
      {chosen !== null && visible.length > 1 && (
        <div className={`nhsuk-form-group${sheetError ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label nhsuk-label--s" htmlFor={`${id}-sheet`}>
            Worksheet to import
          </label>
          <div className="nhsuk-hint" id={`${id}-sheet-hint`}>
            {chosen.file.name} has {visible.length} worksheets. Groundswell reads one of them.
          </div>
          {sheetError ? <FieldError id={`${id}-sheet-error`}>{sheetError}</FieldError> : null}
          <select
            className="nhsuk-select"
            id={`${id}-sheet`}
            aria-describedby={`${id}-sheet-hint${sheetError ? ` ${id}-sheet-error` : ''}`}
            value={chosen.sheet ?? visible[0]?.name ?? ''}
            onChange={(event) => {
              onChange({ file: chosen.file, sheet: event.currentTarget.value });
            }}
          >
            {visible.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {sheet.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

/** The upload's progress: bytes sent, then the server reading the file. */
export function UploadProgress({ state }: { state: UploadState }): React.JSX.Element | null {
  if (state.phase === 'idle') return null;
  if (state.phase === 'sending') {
    return (
      <ProgressBar label={`Uploading ${state.fileName}`} done={state.sent} total={state.total} unit="bytes" />
    );
  }
  return (
    <p className="nhsuk-body gs-progress" role="status" aria-live="polite">
      <strong>Checking {state.fileName}</strong>: reading its rows and looking for patient identifiers…
    </p>
  );
}

/** The server's refusal of a file, as an error summary linking to the field. */
export function UploadRefusal({
  error,
  fileField,
}: {
  error: UploadFailure;
  fileField: string;
}): React.JSX.Element {
  const item: ErrorItem = {
    target: error.uploadField === 'sheet' ? `${fileField}-sheet` : fileField,
    message: error.message,
  };
  if (error.uploadReason === 'patient_identifier') {
    return (
      <ErrorList title="The file was refused: it may hold patient identifiers" errors={[item]}>
        <p>
          Groundswell stores aggregate data only and never keeps patient-identifiable data. Nothing of this
          file was kept. Remove the patient identifiers (such as NHS numbers) and upload the file again.
        </p>
      </ErrorList>
    );
  }
  return <ErrorList title="The file could not be uploaded" errors={[item]} />;
}

/** The message to show beside the file field for a refusal (null: it belongs to the sheet). */
export function fileFieldMessage(error: UploadFailure | null): string | null {
  if (error === null || error.uploadField === 'sheet') return null;
  return error.message;
}
