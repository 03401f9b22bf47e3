/**
 * @module components/members/ConfirmChange
 * Asking before a change that locks someone out (removing a member, deactivating an account,
 * withdrawing an invitation or access). It takes focus when it appears; "No" hands focus back.
 */
import { ConfirmCallout } from '../ConfirmCallout';

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
  return (
    <ConfirmCallout
      headingId={`${id}-heading`}
      className="gs-revoke-confirm"
      title={title}
      yes={yes}
      no={no}
      pending={pending}
      error={error}
      errorTitle={errorTitle}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {children}
    </ConfirmCallout>
  );
}
