/**
 * @module components/mail/MailSettingsLink
 * The link to an organisation's email settings, an item of its overview's list of pages, shown to
 * those who may set its mail server and to nobody else.
 */
import { Link } from 'react-router';
import { can } from '../../api/permissions';
import { useSession } from '../../api/session';

export function MailSettingsLink({ odsCode }: { odsCode: string }): React.JSX.Element | null {
  const session = useSession();
  if (!can(session.data?.user ?? null, 'mail.manage', { odsCode })) return null;
  return (
    <li>
      <Link to={`/organisations/${encodeURIComponent(odsCode)}/mail-settings`}>Email settings</Link>
    </li>
  );
}
