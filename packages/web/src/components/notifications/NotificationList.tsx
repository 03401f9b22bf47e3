/**
 * @module components/notifications/NotificationList
 * One's notifications, newest first: what happened, when, whether it is read, a link to read more
 * (following it marks the notification read), "Mark as read" for each unread one and "Mark all as
 * read".
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Done } from '../form';
import { formatDateTime } from '../members/members';
import { ErrorSummary } from '../QueryState';
import type { Notification } from './data';
import { markAllRead, markRead, refreshNotifications } from './data';

/** Whether `link` is an address inside the app (a path), which is all a notification should link to. */
function inApp(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//');
}

function NotificationItem({
  notification,
  onRead,
}: {
  notification: Notification;
  onRead: (notification: Notification, announce: boolean) => void;
}): React.JSX.Element {
  const unread = notification.readAt === null;
  return (
    <li className={`gs-notification${unread ? ' gs-notification--unread' : ''}`}>
      <p className="gs-notification__text">
        {unread && (
          <>
            <strong className="nhsuk-tag nhsuk-tag--blue">Unread</strong>{' '}
          </>
        )}
        {notification.text}
      </p>
      <p className="nhsuk-body-s gs-notification__when">{formatDateTime(notification.createdAt)}</p>
      <div className="gs-notification__actions">
        {inApp(notification.link) && (
          <Link
            to={notification.link}
            onClick={() => {
              if (unread) onRead(notification, false);
            }}
          >
            Read more<span className="nhsuk-u-visually-hidden">: {notification.text}</span>
          </Link>
        )}
        {unread && (
          <button
            className="nhsuk-button nhsuk-button--secondary gs-notification__button"
            type="button"
            onClick={() => {
              onRead(notification, true);
            }}
          >
            Mark as read<span className="nhsuk-u-visually-hidden">: {notification.text}</span>
          </button>
        )}
      </div>
    </li>
  );
}

export function NotificationList({
  items,
  unread,
}: {
  items: readonly Notification[];
  unread: number;
}): React.JSX.Element {
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const one = useMutation({
    mutationFn: ({ notification }: { notification: Notification; announce: boolean }) =>
      markRead(notification.id),
    onSuccess: async (_read, { announce }) => {
      if (announce) setAnnouncement('Marked as read.');
      await refreshNotifications(client);
    },
  });
  const all = useMutation({
    mutationFn: markAllRead,
    onSuccess: async ({ marked }) => {
      setAnnouncement(`Marked ${marked} ${marked === 1 ? 'notification' : 'notifications'} as read.`);
      await refreshNotifications(client);
    },
  });
  const failed = one.isError ? one.error : all.isError ? all.error : null;
  if (items.length === 0) return <p>You have no notifications.</p>;
  return (
    <>
      <p>{unread === 0 ? 'All read.' : `${unread} unread.`}</p>
      {unread > 0 && (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            setAnnouncement(null);
            if (!all.isPending) all.mutate();
          }}
        >
          {all.isPending ? 'Marking…' : 'Mark all as read'}
        </button>
      )}
      {failed !== null && <ErrorSummary title="Could not mark as read" error={failed} />}
      <Done message={announcement} />
      <ul className="nhsuk-list gs-notifications">
        {items.map((notification) => (
          <NotificationItem
            key={notification.id}
            notification={notification}
            onRead={(n, announce) => {
              setAnnouncement(null);
              one.mutate({ notification: n, announce });
            }}
          />
        ))}
      </ul>
    </>
  );
}
