/**
 * @module components/sign-in/OrganisationSignIn
 * "Sign in with your organisation": the person types their work email address; the page asks the
 * server which identity provider signs in that domain and, if one does, goes to it (a full-page
 * navigation through the server's start address, which returns to `next`). Otherwise it says to
 * use a password. Problems go to the page's one error summary through `onProblems`.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FoundProvider } from './sso';
import { browser, lookUpProvider, startAddress } from './sso';
import { TextField, byId } from '../form';
import type { FieldProblem } from '../form';

/** The work email field's id (the sign-in page links its problems, and returned errors, to it). */
export const WORK_EMAIL_ID = 'sso-email';

const NO_PROVIDER =
  'Your organisation does not sign in to Groundswell through its own sign-in service. Sign in with your email address and password below.';

export function OrganisationSignIn({
  next,
  problems,
  onProblems,
}: {
  next: string;
  problems: readonly FieldProblem[];
  onProblems: (problems: FieldProblem[]) => void;
}): React.JSX.Element {
  const [email, setEmail] = useState('');
  const [leaving, setLeaving] = useState<FoundProvider | null>(null);
  const lookup = useMutation({
    mutationFn: lookUpProvider,
    onSuccess: (provider) => {
      if (provider === null) {
        onProblems([{ id: WORK_EMAIL_ID, message: NO_PROVIDER }]);
        return;
      }
      setLeaving(provider);
      browser.go(startAddress(provider.id, next));
    },
    onError: (error) => {
      onProblems([{ id: WORK_EMAIL_ID, message: error.message }]);
    },
  });
  const error = byId(problems)[WORK_EMAIL_ID];

  return (
    <section aria-labelledby="organisation-heading">
      <h2 id="organisation-heading">Sign in with your organisation</h2>
      <form
        noValidate
        aria-labelledby="organisation-heading"
        onSubmit={(event) => {
          event.preventDefault();
          if (lookup.isPending || leaving !== null) return;
          const typed = email.trim();
          const found: FieldProblem[] = [];
          if (typed === '') found.push({ id: WORK_EMAIL_ID, message: 'Enter your work email address' });
          else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(typed)) {
            found.push({
              id: WORK_EMAIL_ID,
              message: 'Enter your work email address in the correct format, like name@example.nhs.uk',
            });
          }
          onProblems(found);
          if (found.length === 0) lookup.mutate(typed);
        }}
      >
        <TextField
          id={WORK_EMAIL_ID}
          label="Work email address"
          hint="If your organisation signs in to Groundswell through its own service (such as Microsoft Entra ID), you will go there to sign in."
          error={error}
          name="work-email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
        />
        <button className="nhsuk-button" type="submit">
          {leaving !== null
            ? `Going to ${leaving.name}…`
            : lookup.isPending
              ? 'Finding your organisation…'
              : 'Continue'}
        </button>
        <p className="nhsuk-body-s" role="status">
          {leaving === null ? '' : `Taking you to ${leaving.name} (${leaving.organisationName}) to sign in.`}
        </p>
      </form>
    </section>
  );
}
