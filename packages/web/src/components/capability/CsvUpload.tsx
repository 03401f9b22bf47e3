/**
 * @module components/capability/CsvUpload
 * Importing training records from a CSV file (coaches): the file's columns explained, and every
 * problem the server found listed by row and column, with nothing imported until all are fixed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiFailure } from '../../api/client';
import { Done } from '../form';
import { importCompletions, refreshCapability } from './data';

const ID = 'capability-csv';

export function CsvUpload({ odsCode }: { odsCode: string }): React.JSX.Element {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (chosen: File) => importCompletions(odsCode, await chosen.text()),
    onSuccess: async (result) => {
      setDone(`Imported ${result.imported} completed ${result.imported === 1 ? 'course' : 'courses'}.`);
      await refreshCapability(client);
    },
  });
  const failure = mutation.error;
  const issues = failure instanceof ApiFailure ? failure.issues : [];
  return (
    <form
      noValidate
      aria-label="Import training records from a CSV file"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        if (file === null) {
          setProblem('Choose a CSV file');
          return;
        }
        setProblem(null);
        if (!mutation.isPending) mutation.mutate(file);
      }}
    >
      <h3 className="nhsuk-heading-s">Import training records from a CSV file</h3>
      {failure === null ? null : (
        <div className="nhsuk-error-summary" aria-labelledby={`${ID}-summary`} role="alert" tabIndex={-1}>
          <h4 className="nhsuk-error-summary__title" id={`${ID}-summary`}>
            {failure.message}
          </h4>
          {issues.length === 0 ? null : (
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {issues.map((issue) => (
                  <li key={`${issue.field}:${issue.message}`}>
                    <a href={`#${ID}`}>
                      {issue.field.charAt(0).toUpperCase() + issue.field.slice(1)}: {issue.message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      <div className={`nhsuk-form-group${problem === null ? '' : ' nhsuk-form-group--error'}`}>
        <label className="nhsuk-label" htmlFor={ID}>
          CSV file
        </label>
        <div className="nhsuk-hint" id={`${ID}-hint`}>
          A header row, then one completed course a row, with the columns email, course (its code) and
          completed on (2024-03-01 or 01/03/2024). If any row has a problem, nothing is imported.
        </div>
        {problem === null ? null : (
          <span className="nhsuk-error-message" id={`${ID}-error`}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </span>
        )}
        <input
          className="nhsuk-file-upload"
          id={ID}
          name={ID}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={problem === null ? `${ID}-hint` : `${ID}-hint ${ID}-error`}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
          }}
        />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {mutation.isPending ? 'Importing…' : 'Import the file'}
      </button>
      <Done message={done} />
    </form>
  );
}
