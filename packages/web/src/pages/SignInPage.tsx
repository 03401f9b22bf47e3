/**
 * @module pages/SignInPage
 * Signing in (`/sign-in?next=/account/tokens`): through the person's organisation (single sign-on:
 * their work email address finds the identity provider, and the browser goes there); or with an
 * email address and password, with the server's message when it refuses (wrong details, an account
 * locked until a time, deactivated); and, on a server holding the demo data, a button per demo
 * user. Afterwards the page named by `next` (a path of this site only), or the home page. A
 * single sign-on the server refused comes back as `?error=<code>`, shown in the error summary.
 * Every problem of the page is in its one error summary.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, data } from '../api/client';
import type { Session } from '../api/session';
import { signedIn, useSession } from '../api/session';
import { safeNext } from '../components/account/next';
import { send } from '../api/send';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import { OrganisationSignIn, WORK_EMAIL_ID } from '../components/sign-in/OrganisationSignIn';
import { ssoErrorMessage } from '../components/sign-in/sso';
import '../styles/account.css';
import { FormErrorSummary, TextField, byId, problemsOf } from '../components/form';
import type { FieldProblem } from '../components/form';

const FIELDS = {
  email: { id: 'sign-in-email', label: 'Email address' },
  password: { id: 'sign-in-password', label: 'Password' },
};

/** Where a demo sign-in's problem is linked to. */
const DEMO_LIST = 'demo-users';

type Attempt = { kind: 'password'; email: string; password: string } | { kind: 'demo'; email: string };

function attempt(input: Attempt): Promise<Session> {
  return input.kind === 'password'
    ? send(api.POST('/api/v1/auth/sign-in', { body: { email: input.email, password: input.password } }))
    : send(api.POST('/api/v1/auth/demo-sign-in', { body: { email: input.email } }));
}

function DemoUsers({
  pending,
  onChoose,
}: {
  pending: string | null;
  onChoose: (email: string) => void;
}): React.JSX.Element | null {
  const users = useQuery({
    queryKey: ['auth', 'demo-users'],
    queryFn: () => data(api.GET('/api/v1/auth/demo-users')),
  });
  if (users.isPending) return <Loading what="the demo users" />;
  if (users.isError) return <ErrorSummary title="Could not load the demo users" error={users.error} />;
  if (users.data.items.length === 0) return null;
  return (
    <section aria-labelledby="demo-heading" className="gs-demo-sign-in">
      <h2 id="demo-heading">Sign in as a demo user</h2>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          This server holds the demo data, so you can try Groundswell as each role without a password. The
          demo users are not real people, and they see and change the demo organisation only.
        </p>
      </div>
      <ul className="nhsuk-list gs-demo-users" id={DEMO_LIST} tabIndex={-1}>
        {users.data.items.map((user) => (
          <li key={user.email}>
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={() => {
                onChoose(user.email);
              }}
            >
              {pending === user.email
                ? `Signing in as ${user.displayName}…`
                : `Sign in as ${user.displayName}`}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SignInForm({
  next,
  demo,
  problems,
  setProblems,
}: {
  next: string;
  demo: boolean;
  problems: readonly FieldProblem[];
  setProblems: (problems: FieldProblem[]) => void;
}): React.JSX.Element {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const navigate = useNavigate();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: attempt,
    onSuccess: async (session) => {
      signedIn(client, session);
      await navigate(next, { replace: true });
    },
    onError: (error, input) => {
      if (input.kind === 'demo') {
        setProblems([{ id: DEMO_LIST, message: error.message }]);
        return;
      }
      setPassword('');
      setProblems(problemsOf(error, FIELDS, FIELDS.email.id));
    },
  });
  const errors = byId(problems);
  const pendingDemo =
    mutation.isPending && mutation.variables.kind === 'demo' ? mutation.variables.email : null;

  return (
    <>
      {demo && (
        <DemoUsers
          pending={pendingDemo}
          onChoose={(chosen) => {
            if (mutation.isPending) return;
            setProblems([]);
            mutation.mutate({ kind: 'demo', email: chosen });
          }}
        />
      )}
      <form
        noValidate
        aria-labelledby="password-heading"
        onSubmit={(event) => {
          event.preventDefault();
          if (mutation.isPending) return;
          const found: FieldProblem[] = [];
          if (email.trim() === '') found.push({ id: FIELDS.email.id, message: 'Enter your email address' });
          if (password === '') found.push({ id: FIELDS.password.id, message: 'Enter your password' });
          setProblems(found);
          if (found.length === 0) mutation.mutate({ kind: 'password', email: email.trim(), password });
        }}
      >
        <h2 id="password-heading">Sign in with an email address and password</h2>
        <TextField
          id={FIELDS.email.id}
          label={FIELDS.email.label}
          error={errors[FIELDS.email.id]}
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
        />
        <TextField
          id={FIELDS.password.id}
          label={FIELDS.password.label}
          error={errors[FIELDS.password.id]}
          width="nhsuk-input--width-20"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <button className="nhsuk-button" type="submit">
          {mutation.isPending && mutation.variables.kind === 'password' ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="nhsuk-body-s">
        Forgotten your password, or no account yet? Ask an administrator of your organisation.
      </p>
    </>
  );
}

/** Everything a signed-out person sees, with the page's one error summary. */
function SignedOut({
  next,
  demo,
  error,
}: {
  next: string;
  demo: boolean;
  error: string | null;
}): React.JSX.Element {
  const returned = ssoErrorMessage(error);
  const [problems, setProblems] = useState<FieldProblem[]>(
    returned === null ? [] : [{ id: WORK_EMAIL_ID, message: returned }],
  );
  return (
    <>
      <FormErrorSummary problems={problems} headingLevel={2} />
      <p className="nhsuk-body-l">
        Sign in through your organisation, or with the email address and password of your Groundswell account.
      </p>
      <OrganisationSignIn next={next} problems={problems} onProblems={setProblems} />
      <SignInForm next={next} demo={demo} problems={problems} setProblems={setProblems} />
    </>
  );
}

export default function SignInPage(): React.JSX.Element {
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  return (
    <>
      <PageTitle>Sign in</PageTitle>
      {session.isPending ? (
        <Loading what="your session" />
      ) : session.data?.user ? (
        <>
          <p className="nhsuk-body-l">You are signed in as {session.data.user.displayName}.</p>
          <p>
            <Link to={next}>{next === '/' ? 'Go to the list of organisations' : 'Continue'}</Link>
          </p>
        </>
      ) : (
        <SignedOut next={next} demo={session.data?.demoSignIn ?? false} error={params.get('error')} />
      )}
    </>
  );
}
