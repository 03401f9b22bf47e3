/**
 * @module components/members/MemberTable
 * The members of an organisation as an NHS table: name and email, role (and unit), account state,
 * last sign-in, and the actions on each (change role, remove, deactivate or reactivate). One's own
 * row has no actions: nobody changes their own role or removes themselves.
 */
import { ResponsiveTable } from '../ResponsiveTable';
import type { Column } from '../ResponsiveTable';
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
  const columns: Column<Member>[] = [
    {
      heading: 'Name',
      cell: (member) => (
        <>
          <strong>{member.displayName}</strong>
          {member.userId === selfId ? ' (you)' : ''}
          <br />
          <span className="nhsuk-body-s">{member.email}</span>
        </>
      ),
    },
    {
      heading: 'Role',
      cell: (member) =>
        `${roleWords(member.role)}${member.unitName === null ? '' : ` of ${member.unitName}`}`,
    },
    { heading: 'Account', cell: (member) => statusWords(member.status) },
    {
      heading: 'Last signed in',
      cell: (member) => (member.lastSignInAt === null ? 'Never' : formatDateTime(member.lastSignInAt)),
    },
    {
      heading: 'Actions',
      hiddenHeading: true,
      cell: (member) =>
        member.userId !== selfId && (
          <>
            {button(member, 'role', 'Change role')}{' '}
            {member.status === 'deactivated'
              ? button(member, 'reactivate', 'Reactivate')
              : button(member, 'deactivate', 'Deactivate')}{' '}
            {button(member, 'remove', 'Remove', true)}
          </>
        ),
    },
  ];
  return (
    <ResponsiveTable
      className="gs-members"
      caption="Members"
      captionClassName="nhsuk-table__caption nhsuk-u-visually-hidden"
      columns={columns}
      rows={members}
      rowKey={(member) => member.userId}
    />
  );
}
