/**
 * @module components/import/CorrectedUpload
 * Uploading a corrected copy of the file, for the same organisation, without starting again:
 * the wizard then checks it with the same mapping.
 */
import { useState } from 'react';
import type { Import, Uploaded } from './api';
import { FileField, fileFieldMessage, UploadProgress, UploadRefusal } from './FileField';
import type { ChosenFile } from './FileField';
import { useUpload } from './useUpload';

export function CorrectedUpload({
  imported,
  onUploaded,
}: {
  /** The import being corrected: its organisation receives the new file. */
  imported: Import;
  onUploaded: (uploaded: Uploaded) => Promise<void>;
}): React.JSX.Element {
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [missing, setMissing] = useState(false);
  const { state, error, upload, clearError } = useUpload();
  const busy = state.phase !== 'idle';
  return (
    <form
      noValidate
      className="gs-corrected-upload"
      onSubmit={(event) => {
        event.preventDefault();
        clearError();
        setMissing(chosen === null);
        if (chosen === null) return;
        void upload({
          organisation: imported.organisationId,
          file: chosen.file,
          fileName: chosen.file.name,
          sheet: chosen.sheet,
        }).then((uploaded) => (uploaded === null ? undefined : onUploaded(uploaded)));
      }}
    >
      {error !== null && <UploadRefusal error={error} fileField="corrected-file" />}
      <FileField
        id="corrected-file"
        label="Corrected file"
        hint={`The corrected copy of ${imported.fileName}. It is checked with the same choice of columns.`}
        error={missing ? 'Choose the corrected file to upload' : fileFieldMessage(error)}
        sheetError={error?.uploadField === 'sheet' ? error.message : null}
        chosen={chosen}
        onChange={(next) => {
          setChosen(next);
          setMissing(false);
          clearError();
        }}
      />
      <UploadProgress state={state} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
        {busy ? 'Uploading…' : 'Upload corrected file'}
      </button>
    </form>
  );
}
