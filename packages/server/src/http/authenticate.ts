/**
 * @module http/authenticate
 * Who each API request is from, decided once before its route runs: a bearer API token, else the
 * session cookie, else the public. A bad token is refused (401) rather than read as the public;
 * a stale cookie is cleared. Writes made with the cookie must carry the session's CSRF token in
 * `X-CSRF-Token` (403 otherwise); token requests need no CSRF token (a browser never sends one
 * by itself).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC } from '../auth/principal.js';
import type { Principal, PublicPrincipal } from '../auth/principal.js';
import type { AuthPolicy } from '../auth/policy.js';
import { sessionCookieName } from '../auth/policy.js';
import { sameSecret } from '../auth/secrets.js';
import { findSession } from '../auth/sessions.js';
import type { LiveSession } from '../auth/sessions.js';
import { findToken } from '../auth/tokens.js';
import { principalOf } from '../auth/users-repository.js';
import type { Database } from '../db/types.js';
import { ApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * false for the routes that start a session (sign-in, set-up, demo): they need no CSRF token,
     * being JSON-only (a cross-site form cannot send JSON) and replacing any session there is.
     */
    csrf?: boolean;
  }
  interface FastifyRequest {
    /** Who is asking (the public when signed out). */
    principal: Principal;
    /** The browser session the request came with, if any. */
    authSession: LiveSession | null;
  }
}

/** What the hook needs. */
export interface AuthenticateDeps {
  readonly db: Database;
  readonly policy: AuthPolicy;
  readonly now: () => Date;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The cookie's options: HttpOnly, SameSite=Lax, Path=/, Secure unless turned off. */
export function cookieOptions(
  policy: AuthPolicy,
  expires?: Date,
): {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  expires?: Date;
} {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: policy.secureCookie,
    ...(expires ? { expires } : {}),
  };
}

async function resolve(request: FastifyRequest, reply: FastifyReply, deps: AuthenticateDeps): Promise<void> {
  request.principal = PUBLIC;
  request.authSession = null;
  const now = deps.now();
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const found = match === null ? undefined : await findToken(deps.db, match[1]!, now);
    if (found === undefined) {
      throw new ApiError(
        'unauthenticated',
        'The API token is not valid: it may be mistyped, expired or revoked. Send `Authorization: Bearer gs_…`.',
        { in: 'headers', field: 'authorization', reason: 'invalid_token' },
      );
    }
    request.principal = await principalOf(deps.db, found.user, 'token', found.row.scopes);
    return;
  }
  const name = sessionCookieName(deps.policy);
  const id = request.cookies[name];
  if (id === undefined || id === '') return;
  const session = await findSession(deps.db, id, deps.policy, now);
  if (session === undefined) {
    void reply.clearCookie(name, cookieOptions(deps.policy));
    return;
  }
  request.authSession = session;
  request.principal = await principalOf(deps.db, session.user, 'session', ['read', 'write']);
  if (!SAFE_METHODS.has(request.method) && request.routeOptions.config.csrf !== false) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new ApiError(
        'forbidden',
        'This change was sent without the page’s CSRF token (header X-CSRF-Token); reload the page and try again.',
        { in: 'headers', field: 'x-csrf-token', reason: 'csrf' },
      );
    }
  }
}

/** Adds the hook to every route of `scope` (the API). */
export function registerAuthentication(scope: FastifyInstance, deps: AuthenticateDeps): void {
  scope.decorateRequest('principal', null as unknown as PublicPrincipal);
  scope.decorateRequest('authSession', null);
  scope.addHook('onRequest', async (request, reply) => resolve(request, reply, deps));
}
