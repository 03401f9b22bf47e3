/**
 * @module components/import/ErrorList
 * The NHS error summary with a link to each field at fault, focused when it appears so that
 * keyboard and screen reader users hear it at once; and the error message shown beside a field.
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface ErrorItem {
  /** The id of the control the error belongs to (the link moves focus there). */
  readonly target: string | null;
  readonly message: string;
}

export function ErrorList({
  title,
  errors,
  children,
}: {
  title: string;
  errors: readonly ErrorItem[];
  /** Text above the list. */
  children?: ReactNode;
}): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <div className="nhsuk-error-summary" aria-labelledby={headingId} tabIndex={-1} ref={box}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__title" id={headingId}>
          {title}
        </h2>
        <div className="nhsuk-error-summary__body">
          {children}
          {errors.length > 0 && (
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {errors.map((error, i) => (
                <li key={`${error.target ?? ''}:${error.message}:${i}`}>
                  {error.target === null ? (
                    error.message
                  ) : (
                    <a
                      href={`#${error.target}`}
                      onClick={(event) => {
                        const target = document.getElementById(error.target!);
                        if (target === null) return;
                        event.preventDefault();
                        target.focus();
                      }}
                    >
                      {error.message}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

/** The error message above a field ("Error: …"). */
export function FieldError({ id, children }: { id: string; children: ReactNode }): React.JSX.Element {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {children}
    </span>
  );
}
