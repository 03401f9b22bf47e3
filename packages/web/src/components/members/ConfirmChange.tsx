/**
 * @module components/members/ConfirmChange
 * Asking before a change that locks someone out (removing a member, deactivating an account,
 * withdrawing an invitation or access). It takes focus when it appears; "No" hands focus back.
 */
import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../QueryState';

export function ConfirmChange({
  id,
  title,
  children,
  yes,
  no,
  pending,
  error,
  errorTitle,
  onConfirm,
  onCancel,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  yes: string;
  no: string;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [id]);
  return (
    <section className="nhsuk-warning-callout gs-revoke-confirm" aria-labelledby={`${id}-heading`}>
      <h3 className="nhsuk-warning-callout__label" id={`${id}-heading`} tabIndex={-1} ref={heading}>
        <span className="nhsuk-u-visually-hidden">Important: </span>
        {title}
      </h3>
      {children}
      {error !== null && <ErrorSummary title={errorTitle} error={error} />}
      <div className="nhsuk-button-group">
        <button
          className="nhsuk-button nhsuk-button--warning"
          type="button"
          onClick={() => {
            if (!pending) onConfirm();
          }}
        >
          {pending ? 'Working…' : yes}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          {no}
        </button>
      </div>
    </section>
  );
}
