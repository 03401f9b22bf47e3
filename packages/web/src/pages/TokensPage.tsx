/**
 * @module pages/TokensPage
 * Your API tokens (`/account/tokens`): the tokens a person has made for scripts and data pipelines,
 * a form to make one (shown once, to copy), and revoking one after asking; and signing out
 * everywhere (every session ends; tokens do not). Someone signed out is sent to the sign-in page,
 * which comes back here.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiFailure } from '../api/client';
import type { SessionUser } from '../api/session';
import { SESSION_KEY, useSession } from '../api/session';
import { signInPath } from '../components/account/next';
import { NewTokenPanel } from '../components/account/NewTokenPanel';
import { RevokeConfirm } from '../components/account/RevokeConfirm';
import { SignOutEverywhere } from '../components/account/SignOutEverywhere';
import { TokenForm } from '../components/account/TokenForm';
import { revokeButtonId, TokenList } from '../components/account/TokenList';
import type { NewToken, Token } from '../components/account/tokens';
import { revokeToken, TOKENS_KEY, useTokens } from '../components/account/tokens';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading, QueryState } from '../components/QueryState';
import '../styles/account.css';

const TITLE = 'Your API tokens';

function Tokens({ user, onLeaving }: { user: SessionUser; onLeaving: () => void }): React.JSX.Element {
  const tokens = useTokens();
  const client = useQueryClient();
  const [created, setCreated] = useState<NewToken | null>(null);
  const [confirming, setConfirming] = useState<Token | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  // A session that ended meanwhile (timed out, signed out in another tab): read it again, and the
  // page sends the person to sign in.
  const ended = tokens.error instanceof ApiFailure && tokens.error.status === 401;
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: SESSION_KEY });
  }, [ended, client]);
  const revoke = useMutation({
    mutationFn: (token: Token) => revokeToken(token.id),
    onSuccess: async (token) => {
      setConfirming(null);
      setDone(`“${token.name}” has been revoked: it no longer works.`);
      listHeading.current?.focus();
      await client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });

  return (
    <>
      <p className="nhsuk-body-l">
        An API token lets a script or data pipeline use the Groundswell API as you, {user.displayName},
        without your password. Treat each one like a password.
      </p>
      {created !== null && <NewTokenPanel key={created.id} token={created} />}
      <TokenForm
        onCreated={(token) => {
          setDone(null);
          setCreated(token);
          void client.invalidateQueries({ queryKey: TOKENS_KEY });
        }}
      />
      <h2 id="token-list-heading" tabIndex={-1} ref={listHeading}>
        Your tokens
      </h2>
      <p className="nhsuk-body-s gs-account-done" role="status">
        {done ?? ''}
      </p>
      {confirming !== null && (
        <RevokeConfirm
          token={confirming}
          pending={revoke.isPending}
          error={revoke.isError ? revoke.error : null}
          onConfirm={() => {
            if (!revoke.isPending) revoke.mutate(confirming);
          }}
          onCancel={() => {
            const id = revokeButtonId(confirming);
            setConfirming(null);
            revoke.reset();
            // After React has removed the question: back to the token's own button.
            requestAnimationFrame(() => {
              document.getElementById(id)?.focus();
            });
          }}
        />
      )}
      <QueryState query={tokens} what="your tokens">
        {(page) =>
          page.items.length === 0 ? (
            <p>You have no API tokens yet.</p>
          ) : (
            <TokenList
              tokens={page.items}
              onRevoke={(token) => {
                revoke.reset();
                setDone(null);
                setConfirming(token);
              }}
            />
          )
        }
      </QueryState>
      <SignOutEverywhere onLeaving={onLeaving} />
    </>
  );
}

export default function TokensPage(): React.JSX.Element {
  const session = useSession();
  const location = useLocation();
  // Signed out everywhere from this page: on the way home, not to the sign-in page.
  const [leaving, setLeaving] = useState(false);
  if (leaving) return <PageTitle>{TITLE}</PageTitle>;
  if (session.isPending)
    return (
      <>
        <PageTitle>{TITLE}</PageTitle>
        <Loading what="your account" />
      </>
    );
  if (session.isError)
    return (
      <>
        <PageTitle>{TITLE}</PageTitle>
        <ErrorSummary title="Could not find out who is signed in" error={session.error} />
      </>
    );
  if (session.data.user === null) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  return (
    <>
      <PageTitle>{TITLE}</PageTitle>
      <Tokens
        user={session.data.user}
        onLeaving={() => {
          setLeaving(true);
        }}
      />
    </>
  );
}
