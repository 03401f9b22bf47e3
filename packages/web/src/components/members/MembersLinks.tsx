/**
 * @module components/members/MembersLinks
 * Where an organisation's administrators find its members and the access it gives others: links
 * shown on the organisation's page to those who manage members there, and to nobody else.
 */
import { Link } from 'react-router';
import { can } from '../../api/permissions';
import { useSession } from '../../api/session';

export function MembersLinks({ id, odsCode }: { id: string; odsCode: string }): React.JSX.Element | null {
  const session = useSession();
  const user = session.data?.user ?? null;
  if (!can(user, 'member.manage', { id, odsCode })) return null;
  return (
    <nav aria-label="Administration">
      <ul className="nhsuk-list gs-members-links">
        <li>
          <Link to={`/organisations/${odsCode}/members`}>Members and invitations</Link>
        </li>
        <li>
          <Link to={`/organisations/${odsCode}/grants`}>Access for other organisations</Link>
        </li>
      </ul>
    </nav>
  );
}
