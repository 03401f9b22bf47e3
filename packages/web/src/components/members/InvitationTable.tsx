/**
 * @module components/members/InvitationTable
 * Invitations not yet accepted: who, as what, who sent it, and when the link stops working; each
 * may be withdrawn.
 */
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
  return (
    <table className="nhsuk-table-responsive">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Pending invitations</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            Email
          </th>
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            Role
          </th>
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            Expires
          </th>
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            <span className="nhsuk-u-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {invitations.map((invitation) => (
          <tr className="nhsuk-table__row" role="row" key={invitation.id}>
            <td className="nhsuk-table__cell" role="cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Email{' '}
              </span>
              {invitation.email}
              {invitation.invitedBy === null ? (
                ''
              ) : (
                <span className="nhsuk-body-s"> (by {invitation.invitedBy})</span>
              )}
            </td>
            <td className="nhsuk-table__cell" role="cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Role{' '}
              </span>
              {roleWords(invitation.role)}
              {invitation.unitName === null ? '' : ` of ${invitation.unitName}`}
            </td>
            <td className="nhsuk-table__cell" role="cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Expires{' '}
              </span>
              {formatDateTime(invitation.expiresAt)}
            </td>
            <td className="nhsuk-table__cell" role="cell">
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
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
