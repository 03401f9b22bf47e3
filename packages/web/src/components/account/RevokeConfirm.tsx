/**
 * @module components/account/RevokeConfirm
 * Asking before a token is revoked (nothing using it will work again, and it cannot be undone).
 * It takes focus when it appears; "No" hands focus back to the token's own button.
 */
import { ConfirmCallout } from '../ConfirmCallout';
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
  return (
    <ConfirmCallout
      headingId="revoke-heading"
      className="gs-revoke-confirm"
      focusKey={token.id}
      title={`Revoke “${token.name}”?`}
      yes="Yes, revoke it"
      pendingYes="Revoking…"
      no="No, keep it"
      pending={pending}
      error={error}
      errorTitle="The token could not be revoked"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Anything that uses the token starting <code>{token.prefix}</code> will stop working at once. This
        cannot be undone: to use the API again, make a new token.
      </p>
    </ConfirmCallout>
  );
}
