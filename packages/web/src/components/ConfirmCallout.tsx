/**
 * @module components/ConfirmCallout
 * Asking "Are you sure?" before a change that cannot be taken back: an NHS.UK warning callout with
 * the question as its heading, what will happen, any error, and "Yes, …" and "No, …" buttons. The
 * heading takes focus when the callout appears (and again when `focusKey` changes); "No" is the
 * caller's, which hands focus back. `useConfirmStep` keeps the state of a callout that a start
 * button opens, and puts focus back on that button when the person says no.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorSummary } from './QueryState';

export function ConfirmCallout({
  headingId,
  title,
  children,
  yes,
  pendingYes = 'Working…',
  no,
  pending,
  error,
  errorTitle,
  onConfirm,
  onCancel,
  className,
  focusKey,
}: {
  /** The heading's id, which labels the callout. */
  headingId: string;
  /** The question, e.g. "Remove the mail server?". */
  title: React.ReactNode;
  children: React.ReactNode;
  yes: string;
  /** What the "Yes" button says while the change is being made. */
  pendingYes?: string | undefined;
  no: string;
  pending: boolean;
  /** The change's error, or null (or undefined) when there is none. */
  error: unknown;
  errorTitle: string;
  /** Called on "Yes" unless the change is already pending. */
  onConfirm: () => void;
  onCancel: () => void;
  /** More classes for the callout. */
  className?: string | undefined;
  /** Focus moves to the heading again when this changes (the thing asked about). */
  focusKey?: unknown;
}): React.JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [headingId, focusKey]);
  return (
    <section
      className={`nhsuk-warning-callout${className === undefined ? '' : ` ${className}`}`}
      aria-labelledby={headingId}
    >
      <h3 className="nhsuk-warning-callout__label" id={headingId} tabIndex={-1} ref={heading}>
        <span className="nhsuk-u-visually-hidden">Important: </span>
        {title}
      </h3>
      {children}
      {error !== null && error !== undefined && <ErrorSummary title={errorTitle} error={error} />}
      <div className="nhsuk-button-group">
        <button
          className="nhsuk-button nhsuk-button--warning"
          type="button"
          onClick={() => {
            if (!pending) onConfirm();
          }}
        >
          {pending ? pendingYes : yes}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          {no}
        </button>
      </div>
    </section>
  );
}

/**
 * The state of a confirm callout opened by a start button: `ask` opens it, `close` closes it (when
 * the change is made) and `cancel` closes it and, once React has removed it, focuses `start` again.
 */
export function useConfirmStep(): {
  asking: boolean;
  ask: () => void;
  close: () => void;
  cancel: () => void;
  start: React.RefObject<HTMLButtonElement | null>;
} {
  const [asking, setAsking] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const ask = useCallback(() => {
    setAsking(true);
  }, []);
  const close = useCallback(() => {
    setAsking(false);
  }, []);
  const cancel = useCallback(() => {
    setAsking(false);
    requestAnimationFrame(() => {
      start.current?.focus();
    });
  }, []);
  return { asking, ask, close, cancel, start };
}
