/**
 * @module components/members/InvitationTable
 * Invitations not yet accepted: who, as what, who sent it, and when the link stops working; each
 * may be withdrawn.
 */
import { ResponsiveTable } from '../ResponsiveTable';
import type { Column } from '../ResponsiveTable';
import type { Invitation } from './members';
import { formatDateTime, roleWords } from './members';

export function withdrawButtonId(invitation: Invitation): string {
  return `invitation-withdraw-${invitation.id}`;
}

export function InvitationTable({
  invitations,
  onWithdraw,
}: {
  invitations: readonly Invitation[];
  onWithdraw: (invitation: Invitation) => void;
}): React.JSX.Element {
  const columns: Column<Invitation>[] = [
    {
      heading: 'Email',
      cell: (invitation) => (
        <>
          {invitation.email}
          {invitation.invitedBy !== null && (
            <span className="nhsuk-body-s"> (by {invitation.invitedBy})</span>
          )}
        </>
      ),
    },
    {
      heading: 'Role',
      cell: (invitation) =>
        `${roleWords(invitation.role)}${invitation.unitName === null ? '' : ` of ${invitation.unitName}`}`,
    },
    { heading: 'Expires', cell: (invitation) => formatDateTime(invitation.expiresAt) },
    {
      heading: 'Actions',
      hiddenHeading: true,
      cell: (invitation) => (
        <button
          id={withdrawButtonId(invitation)}
          className="nhsuk-button nhsuk-button--small nhsuk-button--secondary nhsuk-u-margin-bottom-1"
          type="button"
          onClick={() => {
            onWithdraw(invitation);
          }}
        >
          Withdraw <span className="nhsuk-u-visually-hidden">the invitation of {invitation.email}</span>
        </button>
      ),
    },
  ];
  return (
    <ResponsiveTable
      caption="Pending invitations"
      captionClassName="nhsuk-table__caption nhsuk-u-visually-hidden"
      columns={columns}
      rows={invitations}
      rowKey={(invitation) => invitation.id}
    />
  );
}
