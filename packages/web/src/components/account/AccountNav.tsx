/**
 * @module components/account/AccountNav
 * The account part of the NHS.UK header: "Sign in" when signed out; when signed in, the person's
 * name, their API tokens (and signing out everywhere), the audit log of their organisation when
 * their role may read it, and "Sign out". Nothing while the session loads (no flash of "Sign in").
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { PERMISSIONS } from '../../api/permissions';
import type { Role } from '../../api/permissions';
import { signOut, useSession } from '../../api/session';
import { signInPath } from './next';
import { NotificationsLink } from '../notifications/NotificationsLink';

/** The NHS.UK user icon (decorative: the name beside it says who). */
function UserIcon(): React.JSX.Element {
  return (
    <svg
      className="nhsuk-icon nhsuk-icon--user"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z" />
    </svg>
  );
}

export function AccountNav(): React.JSX.Element | null {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const leave = useMutation({
    mutationFn: () => signOut(client, () => navigate('/')),
    onSuccess: () => {
      // On the home page already there is no navigation to move focus: start at the main region.
      document.getElementById('maincontent')?.focus();
    },
  });

  if (session.isPending) return null;
  const user = session.data?.user ?? null;
  // The first organisation whose audit log the person's role may read.
  const auditable = user?.memberships.find((m) =>
    (PERMISSIONS['audit.read'] as readonly Role[]).includes(m.role),
  );
  return (
    <nav className="nhsuk-header__account" aria-label="Account">
      <ul className="nhsuk-header__account-list">
        {user === null ? (
          <li className="nhsuk-header__account-item">
            <Link className="nhsuk-header__account-link" to={signInPath(location.pathname + location.search)}>
              Sign in
            </Link>
          </li>
        ) : (
          <>
            <li className="nhsuk-header__account-item">
              <UserIcon />
              <span>
                <span className="nhsuk-u-visually-hidden">Signed in as </span>
                {user.displayName}
              </span>
            </li>
            <NotificationsLink />
            <li className="nhsuk-header__account-item">
              <Link className="nhsuk-header__account-link" to="/account/tokens">
                Your API tokens
              </Link>
            </li>
            {auditable !== undefined && (
              <li className="nhsuk-header__account-item">
                <Link
                  className="nhsuk-header__account-link"
                  to={`/organisations/${encodeURIComponent(auditable.odsCode)}/audit`}
                >
                  Audit log
                </Link>
              </li>
            )}
            <li className="nhsuk-header__account-item">
              <form
                className="nhsuk-header__account-form"
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  if (!leave.isPending) leave.mutate();
                }}
              >
                <button className="nhsuk-header__account-button" type="submit">
                  {leave.isPending ? 'Signing out…' : 'Sign out'}
                </button>
              </form>
              {leave.isError && <span role="alert">Could not sign out: {leave.error.message}</span>}
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}
