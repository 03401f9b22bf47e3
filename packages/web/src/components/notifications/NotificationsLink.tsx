/**
 * @module components/notifications/NotificationsLink
 * The header's link to one's notifications, with how many are unread ("Notifications, 2 unread"),
 * for someone signed in. The count is left out while it loads or when it cannot be read: the link
 * still works.
 */
import { Link } from 'react-router';
import { useUnreadCount } from './data';
import './notifications.css';

export function NotificationsLink(): React.JSX.Element {
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  return (
    <li className="nhsuk-header__account-item">
      <Link
        className="nhsuk-header__account-link"
        to="/notifications"
        aria-label={count > 0 ? `Notifications, ${count} unread` : undefined}
      >
        Notifications
        {count > 0 && <span className="gs-notification-count">{count > 99 ? '99+' : count}</span>}
      </Link>
    </li>
  );
}
