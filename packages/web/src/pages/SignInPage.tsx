/**
 * @module pages/SignInPage
 * Signing in (`/sign-in?next=/account/tokens`): an email address and password, the server's
 * message when it refuses (wrong details, an account locked until a time, deactivated); and, on a
 * server holding the demo data, a button per demo user. Afterwards the page named by `next` (a
 * path of this site only), or the home page.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, data } from '../api/client';
import type { Session } from '../api/session';
import { signedIn, useSession } from '../api/session';
import { safeNext } from '../components/account/next';
import { send } from '../components/measure/data';
import type { FieldProblem } from '../components/measure/forms';
import {
  byId,
  describedBy,
  FieldErrorMessage,
  FormErrorSummary,
  problemsOf,
} from '../components/measure/forms';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../styles/account.css';

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

function SignInForm({ next, demo }: { next: string; demo: boolean }): React.JSX.Element {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
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
      <FormErrorSummary problems={problems} headingLevel={2} />
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
        aria-labelledby={demo ? 'password-heading' : undefined}
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
        {demo && <h2 id="password-heading">Sign in with an email address and password</h2>}
        <div className={`nhsuk-form-group${errors[FIELDS.email.id] ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={FIELDS.email.id}>
            Email address
          </label>
          <FieldErrorMessage id={FIELDS.email.id} message={errors[FIELDS.email.id]} />
          <input
            className={`nhsuk-input nhsuk-input--width-30${errors[FIELDS.email.id] ? ' nhsuk-input--error' : ''}`}
            id={FIELDS.email.id}
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            aria-describedby={describedBy(FIELDS.email.id, false, errors[FIELDS.email.id])}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        </div>
        <div className={`nhsuk-form-group${errors[FIELDS.password.id] ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={FIELDS.password.id}>
            Password
          </label>
          <FieldErrorMessage id={FIELDS.password.id} message={errors[FIELDS.password.id]} />
          <input
            className={`nhsuk-input nhsuk-input--width-20${errors[FIELDS.password.id] ? ' nhsuk-input--error' : ''}`}
            id={FIELDS.password.id}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-describedby={describedBy(FIELDS.password.id, false, errors[FIELDS.password.id])}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </div>
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
        <>
          <p className="nhsuk-body-l">
            Sign in with the email address and password of your Groundswell account.
          </p>
          <SignInForm next={next} demo={session.data?.demoSignIn ?? false} />
        </>
      )}
    </>
  );
}
