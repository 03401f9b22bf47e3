/**
 * @module auth/routes
 * Signing in and out, the session, the first run's set-up, demo sign-in and personal API tokens.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyReply } from 'fastify';
import '@fastify/cookie';
import '@fastify/rate-limit';
import { z } from 'zod';
import { ApiError, ERROR_RESPONSES, ErrorBodySchema } from '../http/errors.js';
import { cookieOptions } from '../http/authenticate.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { DEMO_COMMISSIONER_USER } from '../demo/commissioner.js';
import { DEMO_USERS } from '../demo/users.js';
import type { AuthPolicy } from './policy.js';
import { sessionCookieName } from './policy.js';
import type { Principal, UserPrincipal } from './principal.js';
import {
  CreateTokenBody,
  DemoSignInBody,
  DemoUserView,
  NewTokenView,
  SessionView,
  SetupBody,
  SignInBody,
  TokenView,
} from './schemas.js';
import { sessionView } from './service.js';
import { revokeSession, revokeSessionsOf } from './sessions.js';
import type { NewSession } from './sessions.js';
import { completeSetup } from './setup.js';
import { listDemoUsers, signInAsDemoUser, signInWithPassword } from './sign-in.js';
import { createToken, listTokens, revokeToken } from './tokens.js';
import type { TokenRow } from './tokens.js';
import { principalOf } from './users-repository.js';
import type { UserRow } from './users-repository.js';

const tags = ['sign-in'];

/**
 * At most this many sign-in attempts a minute from one address for one account (on top of the
 * account lock-out). Keyed by address and email, not address alone: a hospital's staff reach the
 * server from one address (NAT), and a morning's sign-ins must not lock them all out.
 */
const SIGN_IN_RATE = {
  max: 10,
  timeWindow: '1 minute',
  // After the body is parsed, so that the key can name the account.
  hook: 'preValidation' as const,
  keyGenerator: (request: FastifyRequest): string => {
    const body = request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${request.ip} ${email}`;
  },
};

const RESPONSES = { ...ERROR_RESPONSES, 429: ErrorBodySchema };

function presentToken(row: TokenRow): z.infer<typeof TokenView> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The signed-in person, or 401. */
export function signedIn(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') {
    throw new ApiError('unauthenticated', 'Sign in first: this needs a signed-in person.', {
      reason: 'signed_out',
    });
  }
  return principal;
}

/** Adds the sign-in routes. */
export function authRoutes(api: Api, { db, authPolicy: policy, now }: RouteDeps): void {
  /** Sets the new session's cookie and answers with the session as the web app sees it. */
  async function started(
    reply: FastifyReply,
    user: UserRow,
    session: NewSession,
    p: AuthPolicy,
  ): Promise<Awaited<ReturnType<typeof sessionView>>> {
    void reply.setCookie(sessionCookieName(p), session.id, cookieOptions(p, session.expiresAt));
    const principal = await principalOf(db, user, 'session', ['read', 'write']);
    return sessionView(db, principal, session, p);
  }

  api.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in (null when nobody), with the CSRF token for changes',
        response: { 200: SessionView, ...ERROR_RESPONSES },
      },
    },
    async (request) => sessionView(db, request.principal, request.authSession, policy),
  );

  api.post(
    '/auth/sign-in',
    {
      config: { csrf: false, rateLimit: SIGN_IN_RATE },
      schema: {
        tags,
        summary: 'Sign in with an email address and password (a new session cookie)',
        body: SignInBody,
        response: { 200: SessionView, ...RESPONSES },
      },
    },
    async (request, reply) => {
      const { session, user } = await signInWithPassword(db, request.body, policy, now());
      if (request.authSession !== null) await revokeSession(db, request.authSession.idHash, now());
      return started(reply, user, session, policy);
    },
  );

  api.post(
    '/auth/sign-out',
    {
      schema: { tags, summary: 'Sign out of this browser', response: { 204: z.null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      if (request.authSession !== null) await revokeSession(db, request.authSession.idHash, now());
      void reply.clearCookie(sessionCookieName(policy), cookieOptions(policy));
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/auth/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'End every session of the signed-in person, on every device',
        response: { 200: z.object({ ended: z.number().int() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request.principal);
      const ended = await revokeSessionsOf(db, principal.userId, now());
      void reply.clearCookie(sessionCookieName(policy), cookieOptions(policy));
      return { ended };
    },
  );

  api.post(
    '/auth/setup',
    {
      config: { csrf: false, rateLimit: SIGN_IN_RATE },
      schema: {
        tags,
        summary: 'Create the first administrator with the set-up link the server printed',
        body: SetupBody,
        response: { 200: SessionView, ...RESPONSES },
      },
    },
    async (request, reply) => {
      const { session, user } = await db.transaction((tx) => completeSetup(tx, request.body, policy, now()));
      return started(reply, user, session, policy);
    },
  );

  api.get(
    '/auth/demo-users',
    {
      schema: {
        tags,
        summary: 'The demo users one may sign in as (none unless demo sign-in is open)',
        response: { 200: z.object({ items: z.array(DemoUserView) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({
      items: await listDemoUsers(
        db,
        policy,
        [...DEMO_USERS, DEMO_COMMISSIONER_USER].map((user) => user.email),
      ),
    }),
  );

  api.post(
    '/auth/demo-sign-in',
    {
      config: { csrf: false, rateLimit: SIGN_IN_RATE },
      schema: {
        tags,
        summary: 'Sign in as a demo user (only on a database with the demo data and no real accounts)',
        body: DemoSignInBody,
        response: { 200: SessionView, ...RESPONSES },
      },
    },
    async (request, reply) => {
      const { session, user } = await signInAsDemoUser(db, request.body.email, policy, now());
      if (request.authSession !== null) await revokeSession(db, request.authSession.idHash, now());
      return started(reply, user, session, policy);
    },
  );

  api.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Your personal API tokens (never the tokens themselves)',
        response: { 200: z.object({ items: z.array(TokenView) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await listTokens(db, signedIn(request.principal).userId)).map(presentToken),
    }),
  );

  api.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Make a personal API token: the answer holds it, shown this once',
        body: CreateTokenBody,
        response: { 201: NewTokenView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const principal = signedIn(request.principal);
      if (principal.via !== 'session') {
        throw new ApiError(
          'forbidden',
          'API tokens are made from a signed-in browser, not with another token.',
          {
            reason: 'token_from_token',
          },
        );
      }
      const { body } = request;
      const { token, row } = await createToken(
        db,
        principal.userId,
        {
          name: body.name,
          scopes: body.scopes,
          expiresAt: body.expiresAt === undefined ? null : new Date(body.expiresAt),
        },
        now(),
      );
      return reply.code(201).send({ ...presentToken(row), token });
    },
  );

  api.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your API tokens (it stops working at once)',
        params: IdParams,
        response: { 200: TokenView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentToken(await revokeToken(db, signedIn(request.principal).userId, request.params.id, now())),
  );
}
