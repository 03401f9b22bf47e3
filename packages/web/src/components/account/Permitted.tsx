/**
 * @module components/account/Permitted
 * What a page shows in place of a form the server would refuse: "Sign in to add a note" (a link to
 * the sign-in page that comes back here) for someone signed out, and "You need the role of … to …"
 * for someone signed in without the role. The rule is the web's copy of the permission table
 * (api/permissions); the server still decides.
 */
import { Link, useLocation } from 'react-router';
import type { Action, OrganisationRef } from '../../api/permissions';
import { can, rolesFor } from '../../api/permissions';
import type { SessionUser } from '../../api/session';
import { useSession } from '../../api/session';
import { ErrorSummary, Loading } from '../QueryState';
import { signInPath } from './next';

/** Whether the session's person may do something: still loading, signed out, without the role, or yes. */
export type Permission =
  | { readonly state: 'pending' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'signed-out' }
  | { readonly state: 'forbidden'; readonly user: SessionUser }
  | { readonly state: 'allowed'; readonly user: SessionUser };

/** Whether the person signed in may do `action` in `organisation` (see api/permissions `can`). */
export function usePermission(action: Action, organisation: OrganisationRef | 'any' | null): Permission {
  const session = useSession();
  if (session.isPending) return { state: 'pending' };
  if (session.isError) return { state: 'error', error: session.error };
  const user = session.data.user;
  if (user === null) return { state: 'signed-out' };
  return can(user, action, organisation) ? { state: 'allowed', user } : { state: 'forbidden', user };
}

/** "Sign in to add a note": a link to the sign-in page that comes back to this page. */
export function SignInPrompt({ to }: { to: string }): React.JSX.Element {
  const location = useLocation();
  return (
    <div className="nhsuk-inset-text gs-sign-in-prompt">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        <Link to={signInPath(location.pathname + location.search)}>Sign in to {to}</Link>. You will come back
        to this page.
      </p>
    </div>
  );
}

/** "You need the role of QI lead, executive or administrator in RF4 to read its audit log." */
export function RoleNeeded({
  action,
  to,
  where,
  user,
}: {
  action: Action;
  to: string;
  /** The organisation in words ("in Barking, Havering and Redbridge"), or nothing. */
  where?: string | undefined;
  user: SessionUser;
}): React.JSX.Element {
  return (
    <div className="nhsuk-inset-text gs-role-needed">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        You need the role of {rolesFor(action)}
        {where === undefined ? '' : ` ${where}`} to {to}. You are signed in as {user.displayName}.
      </p>
    </div>
  );
}

/**
 * `children` when the person may do `action` in `organisation`; otherwise the sign-in prompt or
 * the role needed, worded with `to` ("add a note"), under `heading` (an h3 naming what the form
 * would have done, when the form has its own heading). "Loading" while the session loads.
 */
export function Permitted({
  action,
  organisation,
  to,
  where,
  heading,
  children,
}: {
  action: Action;
  organisation: OrganisationRef | 'any' | null;
  to: string;
  where?: string | undefined;
  heading?: string | undefined;
  children: React.ReactNode;
}): React.JSX.Element {
  const permission = usePermission(action, organisation);
  const title = heading === undefined ? null : <h3>{heading}</h3>;
  switch (permission.state) {
    case 'pending':
      return <Loading what="who is signed in" />;
    case 'error':
      return <ErrorSummary title="Could not find out who is signed in" error={permission.error} />;
    case 'signed-out':
      return (
        <>
          {title}
          <SignInPrompt to={to} />
        </>
      );
    case 'forbidden':
      return (
        <>
          {title}
          <RoleNeeded action={action} to={to} where={where} user={permission.user} />
        </>
      );
    case 'allowed':
      return <>{children}</>;
  }
}
