/**
 * @module pages/SetupPage
 * The first run (`/setup?token=…`, the link the server prints while it has no administrator):
 * the person installing Groundswell creates the first administrator account (name, email,
 * password of at least 12 characters) and is signed in. A link that was used, has expired or was
 * replaced by a restart says so instead of the form.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiFailure } from '../api/client';
import { signedIn } from '../api/session';
import { send } from '../api/send';
import { PageTitle } from '../components/PageTitle';
import { FormErrorSummary, TextField, byId, problemsOf } from '../components/form';
import type { FieldProblem } from '../components/form';

/** The shortest password the server takes. */
export const MIN_PASSWORD = 12;

const FIELDS = {
  displayName: { id: 'setup-name', label: 'Your name' },
  email: { id: 'setup-email', label: 'Email address' },
  password: { id: 'setup-password', label: 'Password' },
};

interface SetupInput {
  token: string;
  displayName: string;
  email: string;
  password: string;
}

/** What the page says when the link cannot work. */
function DeadLink({ message, focus = false }: { message: string; focus?: boolean }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  // Found out on submitting: the form goes, so focus moves to what replaced it.
  useEffect(() => {
    if (focus) box.current?.focus();
  }, [focus]);
  return (
    <div className="nhsuk-warning-callout" tabIndex={-1} ref={box}>
      <h2 className="nhsuk-warning-callout__label">
        <span className="nhsuk-u-visually-hidden">Important: </span>This set-up link does not work
      </h2>
      <p>{message}</p>
      <p>
        The server prints a new set-up link each time it starts while it has no administrator. If an
        administrator has already been created, <Link to="/sign-in">sign in</Link> instead.
      </p>
    </div>
  );
}

function SetupForm({ token }: { token: string }): React.JSX.Element {
  const [input, setInput] = useState({ displayName: '', email: '', password: '' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [dead, setDead] = useState<string | null>(null);
  const navigate = useNavigate();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: SetupInput) => send(api.POST('/api/v1/auth/setup', { body })),
    onSuccess: async (session) => {
      signedIn(client, session);
      await navigate('/', { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 403) {
        setProblems([]);
        setDead(error.message);
        return;
      }
      setProblems(problemsOf(error, FIELDS, FIELDS.displayName.id));
    },
  });
  if (dead !== null) return <DeadLink message={dead} focus />;
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
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (input.displayName.trim() === '')
          found.push({ id: FIELDS.displayName.id, message: 'Enter your name' });
        if (input.email.trim() === '')
          found.push({ id: FIELDS.email.id, message: 'Enter your email address' });
        else if (!/^[^\s@]+@[^\s@]+$/.test(input.email.trim()))
          found.push({
            id: FIELDS.email.id,
            message: 'Enter an email address in the correct format, like name@example.nhs.uk',
          });
        if (input.password.length < MIN_PASSWORD)
          found.push({
            id: FIELDS.password.id,
            message:
              input.password === ''
                ? 'Enter a password'
                : `The password must be at least ${MIN_PASSWORD} characters`,
          });
        setProblems(found);
        if (found.length === 0)
          mutation.mutate({
            token,
            displayName: input.displayName.trim(),
            email: input.email.trim(),
            password: input.password,
          });
      }}
    >
      <FormErrorSummary problems={problems} headingLevel={2} />
      {field('displayName', { type: 'text', autoComplete: 'name', width: 'nhsuk-input--width-20' })}
      {field('email', {
        type: 'email',
        autoComplete: 'email',
        width: 'nhsuk-input--width-30',
        hint: 'You will sign in with it.',
      })}
      {field('password', {
        type: 'password',
        autoComplete: 'new-password',
        width: 'nhsuk-input--width-20',
        hint: `At least ${MIN_PASSWORD} characters. Three or four unrelated words together make a long password that is easy to remember.`,
      })}
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Creating the account…' : 'Create the administrator account'}
      </button>
    </form>
  );
}

export default function SetupPage(): React.JSX.Element {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <>
      <PageTitle>Set up Groundswell</PageTitle>
      {token === '' ? (
        <DeadLink message="This address has no set-up code: open the whole link the server printed, which ends in ?token= and a long code." />
      ) : (
        <>
          <p className="nhsuk-body-l">
            Create the first administrator account of this Groundswell server. The administrator can add
            organisations, invite people and change anything, so use your own work email address.
          </p>
          <SetupForm token={token} />
        </>
      )}
    </>
  );
}
