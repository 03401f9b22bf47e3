/**
 * @module components/account/RevokeConfirm
 * Asking before a token is revoked (nothing using it will work again, and it cannot be undone).
 * It takes focus when it appears; "No" hands focus back to the token's own button.
 */
import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../QueryState';
import type { Token } from './tokens';

export function RevokeConfirm({
  token,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  token: Token;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [token.id]);
  return (
    <section className="nhsuk-warning-callout gs-revoke-confirm" aria-labelledby="revoke-heading">
      <h3 className="nhsuk-warning-callout__label" id="revoke-heading" tabIndex={-1} ref={heading}>
        <span className="nhsuk-u-visually-hidden">Important: </span>Revoke “{token.name}”?
      </h3>
      <p>
        Anything that uses the token starting <code>{token.prefix}</code> will stop working at once. This
        cannot be undone: to use the API again, make a new token.
      </p>
      {error !== null && <ErrorSummary title="The token could not be revoked" error={error} />}
      <div className="nhsuk-button-group">
        <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={onConfirm}>
          {pending ? 'Revoking…' : 'Yes, revoke it'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          No, keep it
        </button>
      </div>
    </section>
  );
}
