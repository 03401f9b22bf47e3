/**
 * @module components/import/ColumnChoice
 * One column of the file in the mapping form: its name (the select's label), a few of its values,
 * and what it holds.
 */
import { FieldError } from './ErrorList';
import { FIELD_LABEL, columnControlId } from './mapping';
import type { Field } from './mapping';

export function ColumnChoice({
  index,
  count,
  column,
  values,
  fields,
  value,
  error,
  onChange,
}: {
  index: number;
  /** How many columns the file has. */
  count: number;
  column: string;
  /** A few of its values (empty when the sample is not known). */
  values: readonly string[] | null;
  fields: readonly Field[];
  value: Field | '';
  error: string | null;
  onChange: (field: Field | '') => void;
}): React.JSX.Element {
  const id = columnControlId(index);
  return (
    <div className={`nhsuk-form-group gs-mapping-column${error === null ? '' : ' nhsuk-form-group--error'}`}>
      <div className="gs-mapping-column__about">
        <label className="nhsuk-label nhsuk-label--s gs-mapping-column__name" htmlFor={id}>
          {column}
        </label>
        <div className="nhsuk-hint gs-mapping-column__values" id={`${id}-hint`}>
          <span className="nhsuk-u-visually-hidden">
            Column {index + 1} of {count}.{' '}
          </span>
          {values === null ? (
            'Its values were not kept after the page was reloaded.'
          ) : values.length === 0 ? (
            'Empty in the first rows.'
          ) : (
            <>
              First values:{' '}
              {values.map((v, i) => (
                <span key={`${i}:${v}`}>
                  {i > 0 && ', '}
                  <span className="gs-sample-value">{v}</span>
                </span>
              ))}
            </>
          )}
        </div>
      </div>
      <div className="gs-mapping-column__choice">
        {error !== null && <FieldError id={`${id}-error`}>{error}</FieldError>}
        <select
          className={`nhsuk-select${error === null ? '' : ' nhsuk-select--error'}`}
          id={id}
          aria-describedby={`${id}-hint${error === null ? '' : ` ${id}-error`}`}
          value={value}
          onChange={(event) => {
            onChange(event.currentTarget.value as Field | '');
          }}
        >
          <option value="">Not imported</option>
          {fields.map((field) => (
            <option key={field} value={field}>
              {FIELD_LABEL[field]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
