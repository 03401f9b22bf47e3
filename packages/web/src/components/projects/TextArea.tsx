/**
 * @module components/projects/TextArea
 * One NHS.UK textarea, and one date input, each with label, optional hint and error message.
 */
import { describedBy, FieldErrorMessage } from '../measure/forms';

export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  rows = 3,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  rows?: number;
  onChange: (value: string) => void;
}): React.JSX.Element {
  return (
    <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <FieldErrorMessage id={id} message={error} />
      <textarea
        className={`nhsuk-textarea${error === undefined ? '' : ' nhsuk-textarea--error'}`}
        id={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

/** A date (the browser's date picker; the value is YYYY-MM-DD or ''). */
export function DateField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}): React.JSX.Element {
  return (
    <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <FieldErrorMessage id={id} message={error} />
      <input
        className={`nhsuk-input nhsuk-input--width-10${error === undefined ? '' : ' nhsuk-input--error'}`}
        id={id}
        type="date"
        value={value}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
