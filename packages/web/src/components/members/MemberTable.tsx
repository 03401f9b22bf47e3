/**
 * @module components/members/MemberTable
 * The members of an organisation as an NHS table: name and email, role (and unit), account state,
 * last sign-in, and the actions on each (change role, remove, deactivate or reactivate). One's own
 * row has no actions: nobody changes their own role or removes themselves.
 */
import type { Member } from './members';
import { formatDateTime, roleWords, statusWords } from './members';

export type MemberAction = 'role' | 'remove' | 'deactivate' | 'reactivate';

/** The id of a member's action button (focus returns to it after a cancelled question). */
export function actionButtonId(member: Member, action: MemberAction): string {
  return `member-${action}-${member.userId}`;
}

export function MemberTable({
  members,
  selfId,
  onAction,
}: {
  members: readonly Member[];
  selfId: string;
  onAction: (member: Member, action: MemberAction) => void;
}): React.JSX.Element {
  const button = (
    member: Member,
    action: MemberAction,
    label: string,
    warning = false,
  ): React.JSX.Element => (
    <button
      id={actionButtonId(member, action)}
      className={`nhsuk-button nhsuk-button--small ${warning ? 'nhsuk-button--warning' : 'nhsuk-button--secondary'} nhsuk-u-margin-bottom-1`}
      type="button"
      onClick={() => {
        onAction(member, action);
      }}
    >
      {label} <span className="nhsuk-u-visually-hidden">({member.displayName})</span>
    </button>
  );
  return (
    <table className="nhsuk-table-responsive gs-members">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Members</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            Name
          </th>
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            Role
          </th>
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            Account
          </th>
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            Last signed in
          </th>
          <th className="nhsuk-table__header" scope="col" role="columnheader">
            <span className="nhsuk-u-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {members.map((member) => (
          <tr className="nhsuk-table__row" role="row" key={member.userId}>
            <td className="nhsuk-table__cell" role="cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Name{' '}
              </span>
              <strong>{member.displayName}</strong>
              {member.userId === selfId ? ' (you)' : ''}
              <br />
              <span className="nhsuk-body-s">{member.email}</span>
            </td>
            <td className="nhsuk-table__cell" role="cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Role{' '}
              </span>
              {roleWords(member.role)}
              {member.unitName === null ? '' : ` of ${member.unitName}`}
            </td>
            <td className="nhsuk-table__cell" role="cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Account{' '}
              </span>
              {statusWords(member.status)}
            </td>
            <td className="nhsuk-table__cell" role="cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Last signed in{' '}
              </span>
              {member.lastSignInAt === null ? 'Never' : formatDateTime(member.lastSignInAt)}
            </td>
            <td className="nhsuk-table__cell" role="cell">
              {member.userId !== selfId && (
                <>
                  {button(member, 'role', 'Change role')}{' '}
                  {member.status === 'deactivated'
                    ? button(member, 'reactivate', 'Reactivate')
                    : button(member, 'deactivate', 'Deactivate')}{' '}
                  {button(member, 'remove', 'Remove', true)}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
