/**
 * @module components/goals/fields
 * The text, number, date and long-text fields of the goal, aim and requirement forms, laid out as
 * the NHS.UK design system's (label, hint, error message, the control marked in error).
 */
import type { FieldProblem } from '../measure/forms';
import { describedBy, FieldErrorMessage, problemsOf } from '../measure/forms';

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  width = 'nhsuk-u-width-full',
  inputMode,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  width?: string;
  inputMode?: 'decimal' | undefined;
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
        className={`nhsuk-input ${width}${error === undefined ? '' : ' nhsuk-input--error'}`}
        id={id}
        name={id}
        type={type}
        inputMode={inputMode}
        spellCheck={type === 'text' && inputMode === undefined ? undefined : false}
        value={value}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

export function TextAreaField({
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
  error: string | undefined;
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
      <textarea
        className={`nhsuk-textarea${error === undefined ? '' : ' nhsuk-textarea--error'}`}
        id={id}
        name={id}
        rows={3}
        value={value}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

/** A number typed by a person ("95", "4.5"), or null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Whether `text` is a real date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A value as a person types it: a proportion (0–1) as a percentage. */
export function toTyped(value: number, proportion: boolean): string {
  return String(proportion ? Number((value * 100).toPrecision(12)) : value);
}

/** A typed value as the API takes it: a percentage back to a proportion. */
export function fromTyped(value: number, proportion: boolean): number {
  return proportion ? Number((value / 100).toPrecision(12)) : value;
}

/**
 * The problems an API failure reports (measure/forms `problemsOf`), each naming its field in
 * words: a refusal that names one field ("parentGoalId must be …") reads "The goal it serves:
 * parentGoalId must be …", as the error summary's link to that field.
 */
export function namedProblems(
  error: unknown,
  fields: Readonly<Record<string, { readonly id: string; readonly label: string }>>,
  fallback: string,
): FieldProblem[] {
  const labels = new Map(Object.values(fields).map((field) => [field.id, field.label]));
  return problemsOf(error, fields, fallback).map((problem) => {
    const label = labels.get(problem.id);
    return label === undefined || problem.message.startsWith(`${label}:`)
      ? problem
      : { id: problem.id, message: `${label}: ${problem.message}` };
  });
}
