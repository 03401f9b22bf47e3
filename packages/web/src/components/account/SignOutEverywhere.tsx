/**
 * @module components/account/SignOutEverywhere
 * Signing out everywhere (`POST /auth/sign-out-everywhere`): every session of the person ends, on
 * every device and browser, this one included. Their API tokens are not touched (the server ends
 * sessions only): they keep working until they expire or are revoked. Asked first; afterwards the
 * person is signed out here too and goes to the home page, with every query's data forgotten.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, data, setCsrfToken } from '../../api/client';
import { fetchSession, SESSION_KEY, SIGNED_OUT } from '../../api/session';
import { ConfirmCallout, useConfirmStep } from '../ConfirmCallout';

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
  const { asking, ask, cancel, start } = useConfirmStep();
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
        <ConfirmCallout
          headingId="sign-out-everywhere-question"
          title="Sign out on every device?"
          yes="Yes, sign out everywhere"
          pendingYes="Signing out everywhere…"
          no="No, stay signed in"
          pending={leave.isPending}
          error={leave.isError ? leave.error : null}
          errorTitle="Could not sign out everywhere"
          onConfirm={() => {
            leave.mutate();
          }}
          onCancel={() => {
            leave.reset();
            cancel();
          }}
        >
          <p>You will be signed out here too. Your API tokens will keep working.</p>
        </ConfirmCallout>
      ) : (
        <button className="nhsuk-button nhsuk-button--secondary" type="button" ref={start} onClick={ask}>
          Sign out everywhere…
        </button>
      )}
    </section>
  );
}
