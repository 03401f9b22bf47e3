/**
 * @module components/form/fields
 * The NHS.UK form fields: a text input, a textarea, a date and a select, each in its form group
 * with its label, optional hint and error message (the error state on the group and the control,
 * the hint and error described by `aria-describedby`).
 */
import { describedBy, FieldErrorMessage } from './messages';

/** What every field takes. */
interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** The form group: label, hint and error message above the control. */
function FormGroup({
  id,
  label,
  hint,
  error,
  children,
}: Pick<FieldProps, 'id' | 'label' | 'hint' | 'error'> & { children: React.ReactNode }): React.JSX.Element {
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
      {children}
    </div>
  );
}

/** The design system's class list: the base, a width, and the error modifier. */
function classes(base: string, width: string, error: string | undefined): string {
  return [base, width, error === undefined ? '' : `${base}--error`].filter((c) => c !== '').join(' ');
}

/** An NHS text input (text, email, password, url or date). */
export function TextField({
  type = 'text',
  width = 'nhsuk-input--width-30',
  inputMode,
  autoComplete,
  name,
  spellCheck,
  ...field
}: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'url' | 'date';
  /** The design system's width class (`nhsuk-input--width-20`, `nhsuk-u-width-full`…), or '' for none. */
  width?: string;
  inputMode?: 'decimal' | 'numeric' | undefined;
  autoComplete?: string | undefined;
  /** The control's name (default its id). */
  name?: string | undefined;
  /** Default: off for numbers typed as text, the browser's own otherwise. */
  spellCheck?: boolean | undefined;
}): React.JSX.Element {
  const { id, hint, error, value, onChange } = field;
  return (
    <FormGroup {...field}>
      <input
        className={classes('nhsuk-input', width, error)}
        id={id}
        name={name ?? id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={spellCheck ?? (inputMode === undefined ? undefined : false)}
        value={value}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FormGroup>
  );
}

/** A date (the browser's date picker; the value is YYYY-MM-DD or ''). */
export function DateField(props: FieldProps): React.JSX.Element {
  return <TextField {...props} type="date" width="nhsuk-input--width-10" />;
}

/** An NHS textarea. */
export function TextAreaField({ rows = 3, ...field }: FieldProps & { rows?: number }): React.JSX.Element {
  const { id, hint, error, value, onChange } = field;
  return (
    <FormGroup {...field}>
      <textarea
        className={classes('nhsuk-textarea', '', error)}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FormGroup>
  );
}

/** A choice in a select. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** An NHS select. */
export function SelectField({
  choices,
  selectRef,
  ...field
}: FieldProps & {
  choices: readonly Choice[];
  selectRef?: React.Ref<HTMLSelectElement> | undefined;
}): React.JSX.Element {
  const { id, hint, error, value, onChange } = field;
  return (
    <FormGroup {...field}>
      <select
        className={classes('nhsuk-select', '', error)}
        id={id}
        name={id}
        value={value}
        ref={selectRef}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
