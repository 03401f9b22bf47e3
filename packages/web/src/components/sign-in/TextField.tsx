/**
 * @module components/sign-in/TextField
 * One NHS.UK text input with its label, optional hint and error message, laid out as the design
 * system's form group (the error state on the group and the input; the hint and error described
 * by `aria-describedby`).
 */
import { describedBy, FieldErrorMessage } from '../measure/forms';

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  width = 'nhsuk-input--width-30',
  autoComplete,
  name,
  spellCheck,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url';
  /** The design system's width class (`nhsuk-input--width-20`…), or '' for the full width. */
  width?: string;
  autoComplete?: string | undefined;
  name?: string | undefined;
  spellCheck?: boolean | undefined;
}): React.JSX.Element {
  const invalid = error !== undefined;
  return (
    <div className={`nhsuk-form-group${invalid ? ' nhsuk-form-group--error' : ''}`}>
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
        className={['nhsuk-input', width, invalid ? 'nhsuk-input--error' : '']
          .filter((c) => c !== '')
          .join(' ')}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        value={value}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
