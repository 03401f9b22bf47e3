/**
 * @module components/capability/CsvUpload
 * Uploading a CSV file the server checks row by row: `CsvUploadForm` (a file input, the file's
 * columns explained, options such as "Check only", and every problem the server found in a table
 * by row and column, with nothing written until all are fixed), used for training records
 * (`CsvUpload`, coaches) and people's units (`StaffUnitUpload`, QI leads and administrators).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiFailure } from '../../api/client';
import { Done } from '../form';
import { importCompletions, importStaffUnits, refreshCapability } from './data';
import { ScrollTable } from './ScrollTable';

/** A yes/no option of an upload ("Check only"). */
export interface UploadOption {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
}

/** A problem of a file, by row (the header is row 1) and column. */
export interface RowProblem {
  readonly row: string;
  readonly column: string;
  readonly message: string;
}

/** The server's issues (`row 4, unit`) as rows and columns. */
export function rowProblems(issues: readonly { field: string; message: string }[]): RowProblem[] {
  return issues.map((issue) => {
    const found = /^row (\d+)(?:, (.+))?$/i.exec(issue.field);
    return found === null
      ? { row: '', column: issue.field, message: issue.message }
      : { row: found[1]!, column: found[2] ?? '', message: issue.message };
  });
}

export function CsvUploadForm({
  id,
  title,
  hint,
  submitLabel,
  pendingLabel,
  options = [],
  upload,
}: {
  id: string;
  title: string;
  hint: React.ReactNode;
  submitLabel: string;
  pendingLabel: string;
  options?: readonly UploadOption[];
  /** Sends the file's text with the options chosen; the message to show when it worked. */
  upload: (csv: string, chosen: Record<string, boolean>) => Promise<string>;
}): React.JSX.Element {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (picked: File) => upload(await picked.text(), chosen),
    onSuccess: async (message) => {
      setDone(message);
      await refreshCapability(client);
    },
  });
  const failure = mutation.error;
  const problems = failure instanceof ApiFailure ? rowProblems(failure.issues) : [];
  return (
    <form
      noValidate
      aria-label={title}
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
      <h3 className="nhsuk-heading-s">{title}</h3>
      {failure === null ? null : (
        <div className="nhsuk-error-summary" aria-labelledby={`${id}-summary`} role="alert" tabIndex={-1}>
          <h4 className="nhsuk-error-summary__title" id={`${id}-summary`}>
            {failure.message}
          </h4>
          {problems.length === 0 ? null : (
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                <li>
                  <a href={`#${id}-problems`}>
                    See the {problems.length === 1 ? 'problem' : `${problems.length} problems`} by row and
                    column
                  </a>
                </li>
              </ul>
            </div>
          )}
        </div>
      )}
      {problems.length === 0 ? null : (
        <div id={`${id}-problems`} tabIndex={-1}>
          <ScrollTable label="Problems in the file">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">
                Problems in the file (the header is row 1)
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Row
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Column
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {problems.map((p, i) => (
                  <tr className="nhsuk-table__row" key={`${i}:${p.row}:${p.column}`}>
                    <td className="nhsuk-table__cell">{p.row}</td>
                    <td className="nhsuk-table__cell">{p.column}</td>
                    <td className="nhsuk-table__cell">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </div>
      )}
      <div className={`nhsuk-form-group${problem === null ? '' : ' nhsuk-form-group--error'}`}>
        <label className="nhsuk-label" htmlFor={id}>
          CSV file
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        {problem === null ? null : (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </span>
        )}
        <input
          className="nhsuk-file-upload"
          id={id}
          name={id}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={problem === null ? `${id}-hint` : `${id}-hint ${id}-error`}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
          }}
        />
      </div>
      {options.length === 0 ? null : (
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes">
            {options.map((option) => (
              <div className="nhsuk-checkboxes__item" key={option.name}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`${id}-${option.name}`}
                  type="checkbox"
                  checked={chosen[option.name] === true}
                  aria-describedby={option.hint === undefined ? undefined : `${id}-${option.name}-hint`}
                  onChange={(event) => {
                    setChosen({ ...chosen, [option.name]: event.target.checked });
                  }}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${option.name}`}>
                  {option.label}
                </label>
                {option.hint === undefined ? null : (
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-${option.name}-hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            ))}
          </div>
        </div>
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {mutation.isPending ? pendingLabel : submitLabel}
      </button>
      <Done message={done} />
    </form>
  );
}

/** Importing training records from a CSV file (coaches). */
export function CsvUpload({ odsCode }: { odsCode: string }): React.JSX.Element {
  return (
    <CsvUploadForm
      id="capability-csv"
      title="Import training records from a CSV file"
      hint="A header row, then one completed course a row, with the columns email, course (its code) and completed on (2024-03-01 or 01/03/2024). If any row has a problem, nothing is imported."
      submitLabel="Import the file"
      pendingLabel="Importing…"
      upload={async (csv) => {
        const result = await importCompletions(odsCode, csv);
        return `Imported ${result.imported} completed ${result.imported === 1 ? 'course' : 'courses'}.`;
      }}
    />
  );
}

const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

/** What a people file did (or would do), in words. */
export function staffImportText(result: {
  dryRun: boolean;
  rows: number;
  assigned: number;
  moved: number;
  unchanged: number;
  cleared: number;
}): string {
  const parts = [
    `${people(result.assigned)} given a unit`,
    `${people(result.moved)} moved`,
    `${people(result.unchanged)} unchanged`,
    ...(result.cleared > 0 ? [`${people(result.cleared)} not in the file cleared`] : []),
  ].join(', ');
  return result.dryRun
    ? `The file is fine (${people(result.rows)}): ${parts} if you upload it. Nothing was changed.`
    : `Saved the units of ${people(result.rows)}: ${parts}. Capability by unit is up to date.`;
}

/** Setting people's units from a CSV file (an ESR or HR extract; QI leads and administrators). */
export function StaffUnitUpload({ odsCode }: { odsCode: string }): React.JSX.Element {
  return (
    <CsvUploadForm
      id="capability-units-csv"
      title="Set people’s units from a CSV file"
      hint="A header row, then one person a row, with the columns email and unit (the unit’s name, or its path such as Medicine / Ward 7 when two units share a name), and since (optional: the day they joined it; empty for today). People not in the file keep their unit. If any row has a problem, nothing is changed."
      submitLabel="Upload the file"
      pendingLabel="Uploading…"
      options={[
        {
          name: 'dryRun',
          label: 'Check only',
          hint: 'Check the file and say what it would change, without changing anything.',
        },
        {
          name: 'replace',
          label: 'Clear the unit of everyone not in the file',
          hint: 'For a full extract of the organisation’s staff.',
        },
      ]}
      upload={async (csv, chosen) =>
        staffImportText(
          await importStaffUnits(odsCode, {
            csv,
            dryRun: chosen.dryRun === true,
            replace: chosen.replace === true,
          }),
        )
      }
    />
  );
}
