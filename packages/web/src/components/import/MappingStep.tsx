/**
 * @module components/import/MappingStep
 * Step 2: what each column of the file holds. Starts from the server's suggestion (or the
 * mapping last previewed); checked here before the server checks every row.
 */
import { useState } from 'react';
import type { Import } from './api';
import { ColumnChoice } from './ColumnChoice';
import { ErrorList, FieldError } from './ErrorList';
import type { ErrorItem } from './ErrorList';
import {
  checkChoices,
  choicesFromMapping,
  columnFor,
  fieldsFor,
  mappingFromChoices,
  sampleValues,
} from './mapping';
import type { Choices, Field, ImportMapping } from './mapping';
import type { MeasureOption } from './options';

const NEEDS: Readonly<Record<MeasureOption['dataType'], string>> = {
  value: 'a value column',
  count: 'a value column (whole numbers)',
  events: 'a value column (the number of events on each date)',
  proportion: 'a numerator and a denominator column',
  rate: 'a numerator (events) and a denominator (exposure) column',
};

function FixedSelect({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}): React.JSX.Element {
  return (
    <div className={`nhsuk-form-group${error === null ? '' : ' nhsuk-form-group--error'}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        {hint}
      </div>
      {error !== null && <FieldError id={`${id}-error`}>{error}</FieldError>}
      <select
        className={`nhsuk-select gs-import-fixed${error === null ? '' : ' nhsuk-select--error'}`}
        id={id}
        aria-describedby={`${id}-hint${error === null ? '' : ` ${id}-error`}`}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
      >
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MappingStep({
  imported,
  sample,
  initial,
  measures,
  units,
  onSubmit,
  onStartAgain,
}: {
  imported: Import;
  /** The first rows of the file (null when not known, after a reload in another tab). */
  sample: readonly (readonly string[])[] | null;
  /** The mapping to start from. */
  initial: Partial<ImportMapping> | null;
  /** The measures the file may name (null while loading). */
  measures: readonly MeasureOption[] | null;
  /** The organisation's units by path. */
  units: readonly string[];
  /** Starts the preview; rejects with the server's refusal. */
  onSubmit: (mapping: ImportMapping) => Promise<void>;
  onStartAgain: () => void;
}): React.JSX.Element {
  const columns = imported.columns ?? [];
  const national = imported.organisationId === null;
  const fields = fieldsFor(national);
  const [choices, setChoices] = useState<Choices>(() => choicesFromMapping(columns, initial));
  const [tried, setTried] = useState(false);
  /** Each attempt shows (and focuses) the error summary afresh. */
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const errors = tried ? checkChoices(choices, national) : [];
  const errorFor = (target: string): string | null => {
    const messages = errors.filter((e) => e.target === target).map((e) => e.message);
    return messages.length === 0 ? null : messages.join('. ');
  };
  const measureColumn = columnFor(choices, 'measure');
  const unitColumn = columnFor(choices, 'unit');
  const fixedMeasure = measures?.find((m) => m.code === choices.measure);

  const measureOptions: [string, string][] = [
    ['', measures === null ? 'Loading measures…' : 'Choose a measure'],
    ...(measures ?? []).map((m): [string, string] => [m.code, `${m.name} (${m.code})`]),
  ];
  if (choices.measure !== '' && fixedMeasure === undefined)
    measureOptions.push([choices.measure, choices.measure]);
  const unitOptions: [string, string][] = [
    ['', 'The organisation as a whole'],
    ...units.map((path): [string, string] => [path, path]),
  ];
  if (choices.unit !== '' && !units.includes(choices.unit)) unitOptions.push([choices.unit, choices.unit]);

  const summary: ErrorItem[] = errors.map((e) => ({ target: e.target, message: e.message }));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        setAttempt(attempt + 1);
        setRefusal(null);
        if (checkChoices(choices, national).length > 0) return;
        setBusy(true);
        onSubmit(mappingFromChoices(choices)).catch((error: unknown) => {
          setRefusal(error instanceof Error ? error.message : String(error));
          setBusy(false);
        });
      }}
    >
      {summary.length > 0 && <ErrorList key={attempt} title="There is a problem" errors={summary} />}
      {refusal !== null && (
        <ErrorList title="The mapping was not accepted" errors={[{ target: null, message: refusal }]} />
      )}
      <p className="nhsuk-body">
        {imported.fileName} has {columns.length === 1 ? '1 column' : `${columns.length} columns`} and{' '}
        {(imported.rowCount ?? 0).toLocaleString('en-GB')} {imported.rowCount === 1 ? 'row' : 'rows'} of data.
        Say what each column holds; leave the others as “Not imported”.
      </p>
      <fieldset className="nhsuk-fieldset gs-mapping" aria-describedby="mapping-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">What each column holds</h2>
        </legend>
        <div className="nhsuk-hint" id="mapping-hint">
          Every row needs a period and a measure, and either a value or a numerator and a denominator
          (proportions and rates).
        </div>
        {columns.map((column, index) => (
          <ColumnChoice
            key={column}
            index={index}
            count={columns.length}
            column={column}
            values={sample === null ? null : sampleValues(sample, index)}
            fields={fields}
            value={choices.columns[column] ?? ''}
            error={errorFor(`column-${index}`)}
            onChange={(field: Field | '') => {
              setChoices({ ...choices, columns: { ...choices.columns, [column]: field } });
            }}
          />
        ))}
      </fieldset>
      {measureColumn === undefined && (
        <FixedSelect
          id="fixed-measure"
          label="Measure for every row"
          hint="No column names the measure, so every row of the file is for one measure. Choose it."
          error={errorFor('fixed-measure')}
          value={choices.measure}
          options={measureOptions}
          onChange={(measure) => {
            setChoices({ ...choices, measure });
          }}
        />
      )}
      {measureColumn === undefined && fixedMeasure !== undefined && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {fixedMeasure.name} is a {fixedMeasure.dataType} measure: it needs {NEEDS[fixedMeasure.dataType]}.
          </p>
        </div>
      )}
      {!national && unitColumn === undefined && units.length > 0 && (
        <FixedSelect
          id="fixed-unit"
          label="Unit for every row"
          hint="No column names the unit (a ward or team). Leave it as the organisation as a whole, or choose the one unit every row is for."
          error={null}
          value={choices.unit}
          options={unitOptions}
          onChange={(unit) => {
            setChoices({ ...choices, unit });
          }}
        />
      )}
      <div className="gs-inline-form">
        <button className="nhsuk-button" type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Check the data'}
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={onStartAgain}
          disabled={busy}
        >
          Upload a different file
        </button>
      </div>
    </form>
  );
}
