/**
 * @module components/members/NewInvitationPanel
 * An invitation just made: its link, shown this once, and what to do with it (Groundswell sends
 * no email yet).
 */
import { ShownOncePanel } from '../ShownOncePanel';
import type { NewInvitation } from './members';
import { formatDateTime, rolePhrase } from './members';

export function NewInvitationPanel({ invitation }: { invitation: NewInvitation }): React.JSX.Element {
  return (
    <ShownOncePanel
      id="new-invitation"
      heading={<>Invitation link for {invitation.email}</>}
      label="Invitation link"
      noun="link"
      value={invitation.url}
    >
      <p>
        <strong>Copy the link now: it is shown only once.</strong> Groundswell cannot send email yet, so send
        it to {invitation.email} yourself, by a channel you trust. It lets them join as{' '}
        {rolePhrase(invitation.role)}
        {invitation.unitName === null ? '' : ` of ${invitation.unitName}`}, once, until{' '}
        {formatDateTime(invitation.expiresAt)}.
      </p>
    </ShownOncePanel>
  );
}
