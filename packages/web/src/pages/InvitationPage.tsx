/**
 * @module pages/InvitationPage
 * An invitation link (`/invitations/:token`): what it invites to (the organisation, the role, the
 * email it was made for), then either a form to set up a new account (name, password twice) or,
 * when the email has an account already, signing in first and accepting with that account. Once
 * accepted the person is signed in and taken to the organisation. A link that was used, has
 * expired or was withdrawn says so instead.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiFailure } from '../api/client';
import type { Session } from '../api/session';
import { signedIn, useSession } from '../api/session';
import { signInPath } from '../components/account/next';
import type { Accepted, InvitationSummary } from '../components/members/members';
import { acceptInvitation, fetchInvitation, rolePhrase } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import { FormErrorSummary, TextField, byId, problemsOf } from '../components/form';
import type { FieldProblem } from '../components/form';

const TITLE = 'Your invitation';

/** The shortest password the server takes. */
const MIN_PASSWORD = 12;

const FIELDS = {
  displayName: { id: 'invitation-name', label: 'Your name' },
  password: { id: 'invitation-password', label: 'Password' },
  confirm: { id: 'invitation-password-again', label: 'Password again' },
};

/** What the page says when the link cannot work. */
function DeadLink({ focus = false }: { focus?: boolean }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) box.current?.focus();
  }, [focus]);
  return (
    <div className="nhsuk-warning-callout" tabIndex={-1} ref={box}>
      <h2 className="nhsuk-warning-callout__label">
        <span className="nhsuk-u-visually-hidden">Important: </span>This invitation link does not work
      </h2>
      <p>
        It may have been used already, have expired (links work for 7 days) or been withdrawn. Ask the person
        who invited you for a new link.
      </p>
      <p>
        If you have already joined, <Link to="/sign-in">sign in</Link>.
      </p>
    </div>
  );
}

/** The session part of an accepted invitation. */
function sessionOf(accepted: Accepted): Session {
  return {
    user: accepted.user,
    csrfToken: accepted.csrfToken,
    expiresAt: accepted.expiresAt,
    demoSignIn: accepted.demoSignIn,
  };
}

function useAccept(
  token: string,
  onDead: () => void,
  onProblems: (problems: FieldProblem[]) => void,
): UseMutationResult<Accepted, Error, { displayName?: string; password?: string }> {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: { displayName?: string; password?: string }) => acceptInvitation(token, body),
    onSuccess: async (accepted) => {
      signedIn(client, sessionOf(accepted));
      await navigate(`/organisations/${accepted.organisation.odsCode}`, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 404) {
        onDead();
        return;
      }
      onProblems(problemsOf(error, FIELDS, FIELDS.displayName.id));
    },
  });
}

function NewAccountForm({
  token,
  invitation,
}: {
  token: string;
  invitation: InvitationSummary;
}): React.JSX.Element {
  const [input, setInput] = useState({ displayName: '', password: '', confirm: '' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [dead, setDead] = useState(false);
  const mutation = useAccept(
    token,
    () => {
      setDead(true);
    },
    setProblems,
  );
  if (dead) return <DeadLink focus />;
  const errors = byId(problems);
  const field = (
    key: keyof typeof FIELDS,
    props: { type: 'text' | 'email' | 'password'; autoComplete: string; width: string; hint?: string },
  ): React.JSX.Element => (
    <TextField
      {...props}
      id={FIELDS[key].id}
      label={FIELDS[key].label}
      name={key}
      spellCheck={false}
      error={errors[FIELDS[key].id]}
      value={input[key]}
      onChange={(value) => {
        setInput((before) => ({ ...before, [key]: value }));
      }}
    />
  );
  return (
    <form
      noValidate
      aria-labelledby="invitation-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (input.displayName.trim() === '')
          found.push({ id: FIELDS.displayName.id, message: 'Enter your name' });
        if (input.password.length < MIN_PASSWORD)
          found.push({
            id: FIELDS.password.id,
            message:
              input.password === ''
                ? 'Enter a password'
                : `The password must be at least ${MIN_PASSWORD} characters`,
          });
        else if (input.confirm !== input.password)
          found.push({ id: FIELDS.confirm.id, message: 'The passwords do not match: type it again' });
        setProblems(found);
        if (found.length === 0)
          mutation.mutate({ displayName: input.displayName.trim(), password: input.password });
      }}
    >
      <h2 id="invitation-form-heading">Set up your account</h2>
      <p>
        You will sign in with <strong>{invitation.email}</strong> and this password.
      </p>
      <FormErrorSummary problems={problems} headingLevel={3} />
      {field('displayName', {
        type: 'text',
        autoComplete: 'name',
        width: 'nhsuk-input--width-20',
        hint: 'As your colleagues will see it.',
      })}
      {field('password', {
        type: 'password',
        autoComplete: 'new-password',
        width: 'nhsuk-input--width-20',
        hint: `At least ${MIN_PASSWORD} characters, and not your email address. A few words together make a good one.`,
      })}
      {field('confirm', { type: 'password', autoComplete: 'new-password', width: 'nhsuk-input--width-20' })}
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Joining…' : 'Join and sign in'}
      </button>
    </form>
  );
}

function ExistingAccount({
  token,
  invitation,
}: {
  token: string;
  invitation: InvitationSummary;
}): React.JSX.Element {
  const session = useSession();
  const location = useLocation();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [dead, setDead] = useState(false);
  const mutation = useAccept(
    token,
    () => {
      setDead(true);
    },
    setProblems,
  );
  if (dead) return <DeadLink focus />;
  if (session.isPending) return <Loading what="who is signed in" />;
  if (session.isError)
    return <ErrorSummary title="Could not find out who is signed in" error={session.error} />;
  const user = session.data.user;
  if (user === null) {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          There is already a Groundswell account for {invitation.email}.{' '}
          <Link to={signInPath(location.pathname)}>Sign in first</Link>, and you will come back here to accept
          the invitation.
        </p>
      </div>
    );
  }
  if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          You are signed in as {user.email}, but this invitation is for {invitation.email}. Sign out, then
          sign in as {invitation.email} to accept it.
        </p>
      </div>
    );
  }
  return (
    <>
      <FormErrorSummary problems={problems} headingLevel={2} />
      <p>You are signed in as {user.displayName}.</p>
      <button
        className="nhsuk-button"
        id={FIELDS.displayName.id}
        type="button"
        onClick={() => {
          if (!mutation.isPending) mutation.mutate({});
        }}
      >
        {mutation.isPending ? 'Joining…' : `Join ${invitation.organisationName}`}
      </button>
    </>
  );
}

export default function InvitationPage(): React.JSX.Element {
  const { token = '' } = useParams();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => fetchInvitation(token),
    retry: false,
    staleTime: Infinity,
  });
  if (invitation.isPending)
    return (
      <>
        <PageTitle>{TITLE}</PageTitle>
        <Loading what="your invitation" />
      </>
    );
  if (invitation.isError) {
    const gone = invitation.error instanceof ApiFailure && invitation.error.status === 404;
    return (
      <>
        <PageTitle>{TITLE}</PageTitle>
        {gone ? (
          <DeadLink />
        ) : (
          <ErrorSummary title="Could not read the invitation" error={invitation.error} />
        )}
      </>
    );
  }
  const summary = invitation.data;
  return (
    <>
      <PageTitle caption={TITLE}>{`Join ${summary.organisationName}`}</PageTitle>
      <p className="nhsuk-body-l">
        You have been invited to join {summary.organisationName} on Groundswell as {rolePhrase(summary.role)}.
        The invitation is for {summary.email}.
      </p>
      {summary.existingAccount ? (
        <ExistingAccount token={token} invitation={summary} />
      ) : (
        <NewAccountForm token={token} invitation={summary} />
      )}
    </>
  );
}
