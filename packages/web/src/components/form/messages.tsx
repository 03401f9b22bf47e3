/**
 * @module components/form/messages
 * What a form says back, as the NHS.UK design system lays it out: an error summary that takes
 * focus and links to each field, an error message beside the field, and a success message.
 */
import { useEffect, useRef } from 'react';
import type { FieldProblem } from './problems';

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
