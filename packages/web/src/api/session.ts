/**
 * @module api/session
 * Who is signed in: the session as `GET /auth/session` gives it (the person, or null; the CSRF
 * token every change must carry; whether demo sign-in is open), kept in the query cache under
 * `['session']`. Signing in, setting up and signing out put the new session there, hand its CSRF
 * token to the API client, and make every other query load again (what a person may see depends
 * on who they are).
 */
import { useQuery } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { api, data, setCsrfToken } from './client';
import type { paths } from './schema';

/** The session as the API answers it (sign-in, set-up and demo sign-in answer the same). */
export type Session = paths['/api/v1/auth/session']['get']['responses'][200]['content']['application/json'];
/** The signed-in person. */
export type SessionUser = NonNullable<Session['user']>;

/** The session's query key. */
export const SESSION_KEY = ['session'] as const;

/** Nobody signed in (what sign-out leaves when the session cannot be read again). */
export const SIGNED_OUT: Session = { user: null, csrfToken: null, expiresAt: null, demoSignIn: false };

/** Reads the session, and gives its CSRF token to the API client. */
export async function fetchSession(): Promise<Session> {
  const session = await data(api.GET('/api/v1/auth/session'));
  setCsrfToken(session.csrfToken);
  return session;
}

/** The session (kept a minute; read again after every sign-in and sign-out). */
export function useSession(): UseQueryResult<Session> {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

/** Every query but the session's. */
const others = {
  predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== SESSION_KEY[0],
};

/**
 * After signing in or setting up: the new session in the cache, its CSRF token in the client, and
 * every other query marked stale (those on screen load again, the rest when next shown).
 */
export function signedIn(client: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  client.setQueryData(SESSION_KEY, session);
  void client.invalidateQueries(others);
}

/**
 * Signs out of this browser: ends the session on the server, reads the (signed-out) session again,
 * calls `leave` (going to another page), then puts the signed-out session in the cache and forgets
 * every query's data, which may have been the person's alone. Rejects, leaving the person signed
 * in, only when the server still says they are.
 */
export async function signOut(
  client: QueryClient,
  leave: () => Promise<void> | void = () => undefined,
): Promise<void> {
  let failure: unknown = null;
  try {
    await data(api.POST('/api/v1/auth/sign-out'));
  } catch (error) {
    failure = error;
  }
  const session = await fetchSession().catch(() => (failure === null ? SIGNED_OUT : null));
  if (session === null || session.user !== null) {
    // The session could not be ended (a CSRF token gone stale in another tab is renewed by the read).
    if (session !== null) client.setQueryData(SESSION_KEY, session);
    throw failure instanceof Error ? failure : new Error('The session could not be ended. Try again.');
  }
  setCsrfToken(null);
  // Leave the page first: one only for the signed-in would otherwise send the person to sign in.
  await leave();
  client.setQueryData(SESSION_KEY, session);
  void client.resetQueries(others);
}
