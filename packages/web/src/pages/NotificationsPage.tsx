/**
 * @module pages/NotificationsPage
 * The signed-in person's notifications (`/notifications`): what changed (an idea of theirs taken
 * forward…), newest first, with links to read more and "Mark as read"; and whether they are also
 * emailed. Someone signed out is asked to sign in.
 */
import { useSession } from '../api/session';
import { SignInPrompt } from '../components/account/Permitted';
import { NotificationEmail } from '../components/mail/NotificationEmail';
import { useNotifications } from '../components/notifications/data';
import { NotificationList } from '../components/notifications/NotificationList';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../components/notifications/notifications.css';

function Notifications(): React.JSX.Element {
  const list = useNotifications();
  if (list.isPending) return <Loading what="your notifications" />;
  if (list.isError) return <ErrorSummary title="Could not load your notifications" error={list.error} />;
  const pages = list.data.pages;
  return (
    <>
      <NotificationList items={pages.flatMap((page) => page.items)} unread={pages[0]?.unread ?? 0} />
      {list.hasNextPage && (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            if (!list.isFetchingNextPage) void list.fetchNextPage();
          }}
        >
          {list.isFetchingNextPage ? 'Loading more…' : 'Show older notifications'}
        </button>
      )}
    </>
  );
}

export default function NotificationsPage(): React.JSX.Element {
  const session = useSession();
  return (
    <>
      <PageTitle>Notifications</PageTitle>
      <p className="nhsuk-body-l">What has changed in things of yours, such as the ideas you submitted.</p>
      {session.isPending ? (
        <Loading what="who is signed in" />
      ) : session.isError ? (
        <ErrorSummary title="Could not find out who is signed in" error={session.error} />
      ) : session.data.user === null ? (
        <SignInPrompt to="see your notifications" />
      ) : (
        <>
          <Notifications />
          <NotificationEmail />
        </>
      )}
    </>
  );
}
