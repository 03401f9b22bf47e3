/**
 * @module components/account/SignOutEverywhere
 * Signing out everywhere (`POST /auth/sign-out-everywhere`): every session of the person ends, on
 * every device and browser, this one included. Their API tokens are not touched (the server ends
 * sessions only): they keep working until they expire or are revoked. Asked first; afterwards the
 * person is signed out here too and goes to the home page, with every query's data forgotten.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, data, setCsrfToken } from '../../api/client';
import { fetchSession, SESSION_KEY, SIGNED_OUT } from '../../api/session';
import { ErrorSummary } from '../QueryState';

/**
 * Ends every session of the person signed in, then (once the server says nobody is signed in here)
 * calls `leave`, puts the signed-out session in the cache and forgets every other query's data.
 * Returns how many sessions ended.
 */
export async function signOutEverywhere(
  client: QueryClient,
  leave: () => Promise<void> | void = () => undefined,
): Promise<number> {
  const { ended } = await data(api.POST('/api/v1/auth/sign-out-everywhere'));
  const session = await fetchSession().catch(() => SIGNED_OUT);
  setCsrfToken(null);
  await leave();
  client.setQueryData(SESSION_KEY, session.user === null ? session : SIGNED_OUT);
  void client.resetQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  return ended;
}

/**
 * `onLeaving` is called once every session has ended, before the page is left: the page around
 * it stops showing what is only for the signed in (and does not send the person to sign in).
 */
export function SignOutEverywhere({ onLeaving }: { onLeaving?: () => void }): React.JSX.Element {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLHeadingElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const leave = useMutation({
    mutationFn: () =>
      signOutEverywhere(client, async () => {
        onLeaving?.();
        await navigate('/');
      }),
    onSuccess: () => {
      document.getElementById('maincontent')?.focus();
    },
  });
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  return (
    <section aria-labelledby="sign-out-everywhere-heading" className="gs-sign-out-everywhere">
      <h2 id="sign-out-everywhere-heading">Sign out everywhere</h2>
      <p>
        If you signed in on a computer you no longer use, or think someone else may be using your account,
        sign out everywhere. It ends every session you have, on every device and browser, including this one:
        you will need to sign in again wherever you use Groundswell.
      </p>
      <p>
        <strong>Your API tokens are not affected.</strong> They keep working until they expire or you revoke
        them above; revoke any you no longer trust.
      </p>
      {asking ? (
        <div className="nhsuk-warning-callout">
          <h3
            className="nhsuk-warning-callout__label"
            id="sign-out-everywhere-question"
            tabIndex={-1}
            ref={question}
          >
            <span className="nhsuk-u-visually-hidden">Important: </span>Sign out on every device?
          </h3>
          <p>You will be signed out here too. Your API tokens will keep working.</p>
          {leave.isError && <ErrorSummary title="Could not sign out everywhere" error={leave.error} />}
          <div className="nhsuk-button-group">
            <button
              className="nhsuk-button nhsuk-button--warning"
              type="button"
              onClick={() => {
                if (!leave.isPending) leave.mutate();
              }}
            >
              {leave.isPending ? 'Signing out everywhere…' : 'Yes, sign out everywhere'}
            </button>
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={() => {
                setAsking(false);
                leave.reset();
                requestAnimationFrame(() => {
                  start.current?.focus();
                });
              }}
            >
              No, stay signed in
            </button>
          </div>
        </div>
      ) : (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          ref={start}
          onClick={() => {
            setAsking(true);
          }}
        >
          Sign out everywhere…
        </button>
      )}
    </section>
  );
}
