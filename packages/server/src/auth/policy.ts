/**
 * @module auth/policy
 * The sign-in rules a deployment may tune: session time-outs, lock-out, cookies, demo sign-in.
 */
import type { SessionPolicy } from './sessions.js';
import { DEFAULT_SESSION_POLICY } from './sessions.js';

export interface AuthPolicy extends SessionPolicy {
  /** Failed sign-ins in a row that lock an account (default 5). */
  readonly maxFailedSignIns: number;
  /** How long a lock lasts (default 15 minutes). */
  readonly lockMs: number;
  /**
   * Whether the session cookie is `Secure` (sent over HTTPS only) and named `__Host-gs_session`
   * (default true). Turn it off only for plain-HTTP development away from localhost.
   */
  readonly secureCookie: boolean;
  /** Whether demo users may sign in where the database holds the demo data (default true). */
  readonly demoSignIn: boolean;
  /**
   * The server's public origin as browsers reach it (`GROUNDSWELL_PUBLIC_URL`), from which single
   * sign-on's callback address is made; default http://localhost:3000.
   */
  readonly publicUrl?: string | undefined;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  ...DEFAULT_SESSION_POLICY,
  maxFailedSignIns: 5,
  lockMs: 15 * 60_000,
  secureCookie: true,
  demoSignIn: true,
};

/** The session cookie's name: with the `__Host-` prefix when secure (no Domain, Path=/, Secure). */
export function sessionCookieName(policy: Pick<AuthPolicy, 'secureCookie'>): string {
  return policy.secureCookie ? '__Host-gs_session' : 'gs_session';
}
