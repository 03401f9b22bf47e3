/**
 * @module components/measure/forms
 * The pieces every form of the measure page shares, as the NHS.UK design system lays them out:
 * an error summary that takes focus and links to each field, an error message beside the field,
 * and turning the API's 400 (its issues, or the one field it names) into those messages.
 */
import { useEffect, useRef } from 'react';
import { ApiFailure } from '../../api/client';
import { FieldFailure } from './data';

/** A problem with a field: the id of the control to link to, and what to do about it. */
export interface FieldProblem {
  readonly id: string;
  readonly message: string;
}

/** Problems by control id (the first message of each). */
export function byId(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.id] ??= p.message;
  return out;
}

/**
 * The problems an API failure reports, each put on the control that shows its field: `fields`
 * maps an API field (`text`, `spcOptions.direction`; a prefix matches its members, so
 * `spcOptions.rebaseAt` takes `spcOptions.rebaseAt[0]`) to a control id and a label for the
 * message. A field the form does not show, or a failure naming none, goes on `fallback` with the
 * server's message.
 */
export function problemsOf(
  error: unknown,
  fields: Readonly<Record<string, { readonly id: string; readonly label: string }>>,
  fallback: string,
): FieldProblem[] {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiFailure)) return [{ id: fallback, message }];
  const find = (field: string): { id: string; label: string } | undefined => {
    let best: string | undefined;
    for (const key of Object.keys(fields)) {
      if (field === key || field.startsWith(`${key}.`) || field.startsWith(`${key}[`)) {
        if (best === undefined || key.length > best.length) best = key;
      }
    }
    return best === undefined ? undefined : fields[best];
  };
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const control = find(issue.field);
    problems.push(
      control === undefined
        ? { id: fallback, message: `${issue.field || 'The request'}: ${issue.message}` }
        : { id: control.id, message: `${control.label}: ${issue.message}` },
    );
  }
  if (problems.length > 0) return problems;
  const field = error instanceof FieldFailure ? error.field : undefined;
  const control = field === undefined ? undefined : find(field);
  return [{ id: control?.id ?? fallback, message }];
}

/**
 * The NHS error summary: "There is a problem" and a link to each field at fault. It takes focus
 * when it appears (and when its problems change), so that keyboard and screen reader users hear it.
 */
export function FormErrorSummary({
  problems,
  headingLevel = 3,
}: {
  problems: readonly FieldProblem[];
  headingLevel?: 2 | 3 | 4;
}): React.JSX.Element | null {
  const box = useRef<HTMLDivElement>(null);
  const key = problems.map((p) => `${p.id}:${p.message}`).join('|');
  useEffect(() => {
    if (key !== '') box.current?.focus();
  }, [key]);
  if (problems.length === 0) return null;
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <div className="nhsuk-error-summary" ref={box} tabIndex={-1}>
      <div role="alert">
        <Heading className="nhsuk-error-summary__heading">There is a problem</Heading>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {problems.map((p) => (
              <li key={`${p.id}:${p.message}`}>
                <a
                  href={`#${p.id}`}
                  onClick={(event) => {
                    const target = document.getElementById(p.id);
                    if (target === null) return;
                    event.preventDefault();
                    if ('scrollIntoView' in target) target.scrollIntoView({ block: 'center' });
                    target.focus();
                  }}
                >
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The error message shown above a control (its id is `<control id>-error`, for aria-describedby). */
export function FieldErrorMessage({
  id,
  message,
}: {
  id: string;
  message: string | undefined;
}): React.JSX.Element | null {
  if (message === undefined) return null;
  return (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {message}
    </span>
  );
}

/** `aria-describedby` for a control with an optional hint and error. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error === undefined ? '' : `${id}-error`].filter((s) => s !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** A success message after a change, read out politely. */
export function Done({ message }: { message: string | null }): React.JSX.Element {
  return (
    <p className="nhsuk-body-s gs-done" role="status">
      {message ?? ''}
    </p>
  );
}

/** A choice in a select. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** An NHS select with its label, hint and error message. */
export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  choices,
  onChange,
  selectRef,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  selectRef?: React.Ref<HTMLSelectElement> | undefined;
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
      <select
        className={`nhsuk-select${error === undefined ? '' : ' nhsuk-select--error'}`}
        id={id}
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
    </div>
  );
}

/** A request from elsewhere on the page to prepare a form for a period (a point chosen on the chart). */
export interface PeriodRequest {
  readonly period: string;
  /** Changes with every request, so that asking twice for the same period still acts. */
  readonly nonce: number;
}

/** When a request arrives: take its period, and move focus to the form's first control. */
export function usePeriodRequest(
  request: PeriodRequest | undefined,
  setPeriod: (period: string) => void,
  focus: React.RefObject<HTMLElement | null>,
): void {
  const nonce = request?.nonce;
  useEffect(() => {
    if (request === undefined) return;
    setPeriod(request.period);
    const element = focus.current;
    if (element === null) return;
    // jsdom has no scrollIntoView.
    if ('scrollIntoView' in element) element.scrollIntoView({ block: 'center' });
    element.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- acts once per request
  }, [nonce]);
}
